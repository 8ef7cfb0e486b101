// The recognition workspace of the console: the inbox, an application (forward, accept a flagged document, the
// expert's conclusion, the agenda, the transcript), and the meeting (draft decision, votes, decision, closing).
// Every action goes through the same services as the API, with the signed-in person as the actor.
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { decide, ANY_MEMBER, type InstitutionRole, type Principal } from "../../domain/access/roles.js";
import type { Institution } from "../../domain/institutions/institution.js";
import { commissionKindFor, type VoteChoice } from "../../domain/recognition/commission.js";
import type { ExpertConclusionDraft } from "../../domain/recognition/expert-conclusion.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../../services/deps.js";
import {
  concludeApplication,
  findApplication,
  forwardToExperts,
  overdueSteps,
  overrideDocument,
  submitApplication,
} from "../../services/recognition/applications.js";
import {
  addToAgenda,
  castVote,
  closeMeeting,
  decideApplication,
  findMeeting,
  openMeeting,
  putMotion,
} from "../../services/recognition/meetings.js";
import { recordInTranscript } from "../../services/recognition/transcripts.js";
import { credentialUrlOf } from "../../services/urls.js";
import { kzDateOf } from "../../domain/calendar/working-days.js";
import { attemptForm, chosenPeople, formValues, holdsRole, institutionPage, sendHtml } from "../console-kit.js";
import { t } from "../pages/messages.js";
import {
  electionForm,
  renderApplicationPage,
  renderCommissions,
  renderInbox,
  renderMeetingPage,
  renderNewApplication,
} from "../pages/recognition-pages.js";
import { createCommission, createExpertGroup, recordElection } from "../../services/recognition/commissions.js";
import { commissionForm, EMPTY_FORM, expertGroupsSection, type FormState } from "../pages/reference-pages.js";
import { CommissionBody, ExpertGroupBody } from "../schemas/recognition.js";
import { parseOrThrow } from "../validate.js";
import { renderNotAllowed as renderNotAllowedPage } from "../pages/registrar-pages.js";
import type { ConsoleFrame } from "../pages/registrar-pages.js";
import { SlugSchema } from "../schemas/institutions.js";

const LangQuery = z.object({ lang: z.enum(["kk", "ru", "en"]).optional(), notice: z.literal("done").optional() });
const Form = z.record(z.string(), z.unknown());

interface Context {
  readonly frame: ConsoleFrame;
  readonly institution: Institution;
  readonly principal: Principal;
}

export const consoleRecognitionRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Documents arrive as files with their names and types; fields (and the CSRF token) as plain values.
  await app.register(multipart, {
    attachFieldsToBody: "keyValues",
    limits: { fileSize: 10 * 1024 * 1024, files: 2, fields: 40 },
    onFile: async (part) => {
      const content = await part.toBuffer();
      (part as unknown as { value: unknown }).value =
        content.length > 0 ? { name: part.filename, mediaType: part.mimetype, content } : null;
    },
  });
  const open = { access: { scope: "public" } } as const;
  const tags = ["console"];
  const html = sendHtml;
  const has = (p: Principal, institution: Institution, role: InstitutionRole) =>
    decide(p, { scope: "institution", roles: [role] }, institution.id).allowed;

  const context = (request: FastifyRequest, reply: FastifyReply, slug: string): Promise<Context | null> =>
    institutionPage(request, reply, slug, ANY_MEMBER, deps);

  async function applicationPage(
    ctx: Context,
    reply: FastifyReply,
    applicationId: string,
    status = 200,
    notice: string | null = null,
    error: string | null = null,
  ) {
    const { institution, principal, frame } = ctx;
    const a = await findApplication(institution, applicationId, deps);
    const learner = await deps.repos.learners.findById(institution.id, a.learnerId);
    const curriculum = await deps.repos.curricula.findCurriculumById(a.curriculumId);
    const group = a.expertGroupId ? await deps.repos.commissions.findExpertGroup(institution.id, a.expertGroupId) : null;
    const secretary = has(principal, institution, "commission_secretary");
    const openMeetings: { id: string; label: string }[] = [];
    if (secretary && a.stage === "concluded")
      for (const c of await deps.repos.commissions.list(institution.id))
        if (c.kind === commissionKindFor(a.procedure))
          for (const m of await deps.repos.commissions.listMeetings(c.id))
            if (m.status === "open") openMeetings.push({ id: m.id, label: `${m.heldOn} · ${m.place ?? c.orderNumber}` });
    const credentialId = a.decision?.credentialId ?? null;
    const body = renderApplicationPage(frame, {
      application: a,
      learner: learner?.fullName ?? "—",
      disciplineNames: new Map((curriculum?.disciplines ?? []).map((d) => [d.code, d.names[frame.lang]])),
      can: {
        forward: secretary && a.stage === "submitted",
        override: secretary && (a.stage === "submitted" || a.stage === "with_experts"),
        conclude: a.stage === "with_experts" && !!principal.userId && !!group?.members.some((m) => m.userId === principal.userId),
        agenda: secretary && a.stage === "concluded",
        record:
          has(principal, institution, "registrar") &&
          a.stage === "decided" &&
          a.decision?.outcome === "recognised" &&
          a.decision.protocolNumber !== null,
      },
      expertGroups: (await deps.repos.commissions.listExpertGroups(institution.id)).map((g) => ({ id: g.id, name: g.name })),
      openMeetings,
      trail: await Promise.all(
        (await deps.repos.audit.listBySubject(`application:${a.id}`)).map(async (e) => ({
          at: e.at.toISOString(),
          // People by name; machine actors (tokens, wallets) as they are.
          actor: e.actor.startsWith("user:") ? ((await deps.repos.users.findById(e.actor.slice(5)))?.fullName ?? e.actor) : e.actor,
          action: e.action,
        })),
      ),
      notice,
      error,
      credentialUrl: credentialId ? credentialUrlOf(deps.config.publicUrl, credentialId) : null,
    });
    return html(reply, status, body);
  }

  async function meetingPage(
    ctx: Context,
    reply: FastifyReply,
    meetingId: string,
    status = 200,
    notice: string | null = null,
    error: string | null = null,
  ) {
    const { meeting, commission } = await findMeeting(ctx.institution, meetingId, deps);
    const items = [];
    for (const item of meeting.items) {
      const a = await findApplication(ctx.institution, item.applicationId, deps);
      const learner = await deps.repos.learners.findById(ctx.institution.id, a.learnerId);
      const recommended = (a.conclusion?.recommendations ?? []).filter((r) => r.recommendation !== "not" && r.letter);
      const prepared = new Map(a.preparation.disciplines.map((d) => [d.code, d]));
      items.push({
        applicationId: a.id,
        number: a.number,
        learner: learner?.fullName ?? "—",
        disciplines: recommended.map((r) => ({
          code: r.disciplineCode,
          credits: r.credits ?? prepared.get(r.disciplineCode)?.credits ?? 0,
          hours: r.hours ?? prepared.get(r.disciplineCode)?.hours ?? 0,
          letter: r.letter!,
        })),
      });
    }
    const userId = ctx.principal.userId ?? null;
    const voter = userId && commission.members.some((m) => m.userId === userId) && meeting.present.includes(userId) ? userId : null;
    const isSecretary = has(ctx.principal, ctx.institution, "commission_secretary");
    const present = [];
    for (const id of meeting.present) present.push({ id, name: (await deps.repos.users.findById(id))?.fullName ?? id });
    return html(
      reply,
      status,
      renderMeetingPage(ctx.frame, {
        meeting,
        items,
        election:
          isSecretary && !commission.chairUserId && meeting.status === "open"
            ? electionForm(ctx.frame, meeting.id, commission.id, present)
            : null,
        isSecretary,
        voterId: voter,
        notice,
        error,
      }),
    );
  }

  /** Runs an action; on a refusal the same page comes back with the reason, on success a fresh one. */
  async function act(
    reply: FastifyReply,
    ctx: Context,
    back: () => unknown,
    again: (error: string, status: number) => unknown,
    fn: () => Promise<unknown>,
  ) {
    try {
      await fn();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return again(error.localized(ctx.frame.lang), error.status);
    }
    return back();
  }

  const slugOnly = z.object({ slug: SlugSchema });
  app.get(
    "/console/orgs/:slug/recognition",
    { config: open, schema: { tags, summary: "Console: recognition inbox", params: slugOnly, querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      const today = kzDateOf(deps.clock());
      const { items } = await deps.repos.applications.list({ institutionId: ctx.institution.id, limit: 100, offset: 0 });
      const rows = [];
      for (const a of items) {
        const learner = await deps.repos.learners.findById(ctx.institution.id, a.learnerId);
        rows.push({
          id: a.id,
          number: a.number,
          procedure: a.procedure,
          learner: learner?.fullName ?? "—",
          stage: a.stage,
          receivedOn: a.receivedOn,
          overdue: overdueSteps(a, today),
        });
      }
      return html(reply, 200, renderInbox(ctx.frame, rows, has(ctx.principal, ctx.institution, "commission_secretary")));
    },
  );

  // ---- commissions: their meetings, opening one with its attendance, the chair's election ----
  const STAFF = ["registrar", "commission_secretary"] as const;
  /** The commissions page; a refused form comes back filled in, with the reason, in its own section. */
  async function commissionsPage(
    ctx: Context,
    reply: FastifyReply,
    status = 200,
    forms: { commission?: FormState; group?: FormState } = {},
    notice: string | null = null,
  ) {
    const { institution, principal, frame } = ctx;
    const people = await deps.repos.users.list({ institutionId: institution.id });
    const nameOf = (id: string | null) => (id ? (people.find((u) => u.id === id)?.fullName ?? id) : null);
    const holding = (role: InstitutionRole) =>
      people
        .filter((u) => u.grants.some((g) => g.institutionId === institution.id && g.role === role))
        .map((u) => ({ id: u.id, name: u.fullName }));
    const commissions = [];
    for (const c of await deps.repos.commissions.list(institution.id))
      commissions.push({
        id: c.id,
        kind: c.kind,
        order: { number: c.orderNumber, date: c.orderDate },
        chair: nameOf(c.chairUserId),
        members: c.members.map((m) => ({ id: m.userId, name: nameOf(m.userId)! })),
        meetings: (await deps.repos.commissions.listMeetings(c.id)).map((m) => ({ id: m.id, heldOn: m.heldOn, status: m.status })),
      });
    const staff = holdsRole(ctx, STAFF);
    const groups = (await deps.repos.commissions.listExpertGroups(institution.id)).map((g) => ({
      id: g.id,
      name: g.name,
      order: { number: g.orderNumber, date: g.orderDate },
      members: g.members.map((m) => ({ name: nameOf(m.userId)!, kind: m.kind })),
    }));
    const more = `${staff ? commissionForm(frame, holding("commission_secretary"), holding("commission_member"), forms.commission ?? EMPTY_FORM) : ""}${expertGroupsSection(
      frame,
      { groups, experts: holding("expert"), canEdit: staff, form: forms.group ?? EMPTY_FORM },
    )}`;
    return html(
      reply,
      status,
      renderCommissions(frame, {
        commissions,
        canOpen: has(principal, institution, "commission_secretary"),
        today: kzDateOf(deps.clock()),
        more,
        notice,
      }),
    );
  }
  app.get(
    "/console/orgs/:slug/commissions",
    { config: open, schema: { tags, summary: "Console: commissions and their meetings", params: slugOnly, querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      return commissionsPage(ctx, reply, 200, {}, request.query.notice ? t("saved", ctx.frame.lang) : null);
    },
  );
  app.post(
    "/console/orgs/:slug/commissions/new",
    {
      config: open,
      schema: { tags, summary: "Console: record a commission formed by order", params: slugOnly, querystring: LangQuery, body: Form },
    },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      if (!holdsRole(ctx, STAFF)) return html(reply, 403, renderNotAllowedPage(ctx.frame));
      const values = formValues(request.body);
      const members = chosenPeople(values, "member.").map((m) => ({ userId: m.userId, category: m.value }));
      const input = {
        kind: values.kind,
        orderNumber: values.orderNumber ?? "",
        orderDate: values.orderDate ?? "",
        secretaryUserId: values.secretaryUserId ?? "",
        members,
      };
      const refused = await attemptForm(ctx.frame.lang, values, () =>
        createCommission(ctx.institution, parseOrThrow(CommissionBody, input, "form"), ctx.principal.actor, deps),
      );
      if (refused) return commissionsPage(ctx, reply, refused.status, { commission: refused });
      return reply.redirect(`/console/orgs/${ctx.institution.slug}/commissions?lang=${ctx.frame.lang}&notice=done`, 303);
    },
  );
  app.post(
    "/console/orgs/:slug/expert-groups/new",
    {
      config: open,
      schema: { tags, summary: "Console: record an expert group formed by order", params: slugOnly, querystring: LangQuery, body: Form },
    },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      if (!holdsRole(ctx, STAFF)) return html(reply, 403, renderNotAllowedPage(ctx.frame));
      const values = formValues(request.body);
      const members = chosenPeople(values, "expert.").map((m) => ({ userId: m.userId, kind: m.value }));
      const input = {
        name: values.name ?? "",
        orderNumber: values.orderNumber ?? "",
        orderDate: values.orderDate ?? "",
        members,
      };
      const refused = await attemptForm(ctx.frame.lang, values, () =>
        createExpertGroup(ctx.institution, parseOrThrow(ExpertGroupBody, input, "form"), ctx.principal.actor, deps),
      );
      if (refused) return commissionsPage(ctx, reply, refused.status, { group: refused });
      return reply.redirect(`/console/orgs/${ctx.institution.slug}/commissions?lang=${ctx.frame.lang}&notice=done#expert-groups`, 303);
    },
  );
  const commissionParams = z.object({ slug: SlugSchema, commissionId: z.uuid() });
  app.post(
    "/console/orgs/:slug/commissions/:commissionId/meetings",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: open a meeting with the members present",
        params: commissionParams,
        querystring: LangQuery,
        body: Form,
      },
    },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      if (!has(ctx.principal, ctx.institution, "commission_secretary")) return html(reply, 403, renderNotAllowedPage(ctx.frame));
      const present = [request.body.present ?? []].flat().map(String);
      const meeting = await openMeeting(
        ctx.institution,
        request.params.commissionId,
        { heldOn: String(request.body.heldOn ?? ""), place: String(request.body.place ?? "").trim() || null, present },
        ctx.principal.actor,
        deps,
      );
      return reply.redirect(`/console/orgs/${ctx.institution.slug}/meetings/${meeting.id}?lang=${ctx.frame.lang}`, 303);
    },
  );
  app.post(
    "/console/orgs/:slug/commissions/:commissionId/elections",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: record the open vote electing the chair",
        params: commissionParams,
        querystring: LangQuery,
        body: Form,
      },
    },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      if (!has(ctx.principal, ctx.institution, "commission_secretary")) return html(reply, 403, renderNotAllowedPage(ctx.frame));
      const meetingId = String(request.body.meetingId ?? "");
      const votes = Object.entries(request.body)
        .filter(([k]) => k.startsWith("vote."))
        .map(([k, v]) => ({ voterUserId: k.slice(5), choice: String(v) as VoteChoice }));
      return act(
        reply,
        ctx,
        () => reply.redirect(`/console/orgs/${ctx.institution.slug}/meetings/${meetingId}?lang=${ctx.frame.lang}&notice=done`, 303),
        (error, status) => meetingPage(ctx, reply, meetingId, status, null, error),
        () =>
          recordElection(
            ctx.institution,
            request.params.commissionId,
            { meetingId, position: "chair", candidateUserId: String(request.body.candidate ?? ""), votes },
            ctx.principal.actor,
            deps,
          ),
      );
    },
  );

  // ---- the secretary registers an application as received ----
  const newApplicationPage = async (
    ctx: Context,
    reply: FastifyReply,
    status: number,
    values: Record<string, string>,
    error: string | null,
  ) => {
    const { institution, frame } = ctx;
    const curricula = await deps.repos.curricula.listCurricula(institution.id);
    const codeOf = new Map(curricula.map((c) => [c.id, c.code]));
    const learners = (await deps.repos.learners.list({ institutionId: institution.id, limit: 500, offset: 0 })).items.filter(
      (l) => l.curriculumId,
    );
    return html(
      reply,
      status,
      renderNewApplication(frame, {
        learners: learners.map((l) => ({ id: l.id, name: l.fullName, curriculum: codeOf.get(l.curriculumId!) ?? "" })),
        periods: (await deps.repos.curricula.listPeriods(institution.id)).map((p) => ({ code: p.code, name: p.names[frame.lang] })),
        disciplines: curricula.flatMap((c) => c.disciplines.map((d) => ({ curriculum: c.code, code: d.code, name: d.names[frame.lang] }))),
        values: { receivedOn: kzDateOf(deps.clock()), ...values },
        error,
      }),
    );
  };
  app.get(
    "/console/orgs/:slug/recognition/new",
    { config: open, schema: { tags, summary: "Console: register an application", params: slugOnly, querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      if (!has(ctx.principal, ctx.institution, "commission_secretary")) return html(reply, 403, renderNotAllowedPage(ctx.frame));
      return newApplicationPage(ctx, reply, 200, {}, null);
    },
  );
  app.post(
    "/console/orgs/:slug/recognition/new",
    {
      config: open,
      bodyLimit: 25 * 1024 * 1024,
      schema: { tags, summary: "Console: register an application (multipart form)", params: slugOnly, querystring: LangQuery },
    },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      if (!has(ctx.principal, ctx.institution, "commission_secretary")) return html(reply, 403, renderNotAllowedPage(ctx.frame));
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (key: string) => (typeof body[key] === "string" ? (body[key] as string).trim() : "");
      const chosen = [body.disciplines ?? []].flat().map(String);
      const values = {
        ...Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")),
        disciplines: chosen.join(","),
      } as Record<string, string>;
      try {
        const learner = await deps.repos.learners.findById(ctx.institution.id, text("learnerId"));
        const curriculum = learner?.curriculumId ? await deps.repos.curricula.findCurriculumById(learner.curriculumId) : null;
        const documents = [1, 2].flatMap((n) => {
          const file = body[`doc${n}.file`] as { name: string; mediaType: string; content: Buffer } | null | undefined;
          const pasted = text(`doc${n}.credential`);
          if (!file && !pasted) return [];
          let credential: unknown = undefined;
          if (pasted) credential = pasted.startsWith("{") ? (JSON.parse(pasted) as unknown) : pasted;
          return [
            {
              kind: text(`doc${n}.kind`) as "certificate",
              title: text(`doc${n}.title`) || (file?.name ?? "—"),
              ...(file ? { file } : {}),
              ...(credential !== undefined ? { credential } : {}),
            },
          ];
        });
        const application = await submitApplication(
          ctx.institution,
          {
            procedure: text("procedure") as "A" | "B" | "micro",
            learnerId: text("learnerId"),
            curriculumCode: curriculum?.code ?? "",
            academicPeriodCode: text("academicPeriod"),
            disciplineCodes: chosen.filter((c) => c.startsWith(`${curriculum?.code ?? ""}|`)).map((c) => c.split("|")[1]!),
            applicationText: text("applicationText"),
            receivedOn: text("receivedOn") || undefined,
            documents,
          },
          ctx.principal.actor,
          deps,
        );
        return reply.redirect(
          `/console/orgs/${ctx.institution.slug}/recognition/${application.id}?lang=${ctx.frame.lang}&notice=done`,
          303,
        );
      } catch (error) {
        if (error instanceof SyntaxError)
          return newApplicationPage(ctx, reply, 400, values, new AppError("MALFORMED_BODY").localized(ctx.frame.lang));
        if (!(error instanceof AppError)) throw error;
        return newApplicationPage(ctx, reply, error.status, values, error.localized(ctx.frame.lang));
      }
    },
  );

  const appParams = z.object({ slug: SlugSchema, applicationId: z.uuid() });
  const redirectToApplication = (reply: FastifyReply, ctx: Context, id: string) =>
    reply.redirect(`/console/orgs/${ctx.institution.slug}/recognition/${id}?lang=${ctx.frame.lang}&notice=done`, 303);
  app.get(
    "/console/orgs/:slug/recognition/:applicationId",
    { config: open, schema: { tags, summary: "Console: one application", params: appParams, querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      return applicationPage(ctx, reply, request.params.applicationId, 200, request.query.notice ? t("done", ctx.frame.lang) : null);
    },
  );

  const appAction = (path: string, summary: string, run: (ctx: Context, id: string, form: Record<string, unknown>) => Promise<unknown>) =>
    app.post(
      `/console/orgs/:slug/recognition/:applicationId/${path}`,
      { config: open, schema: { tags, summary, params: appParams, querystring: LangQuery, body: Form } },
      async (request, reply) => {
        const ctx = await context(request, reply, request.params.slug);
        if (!ctx) return reply;
        const id = request.params.applicationId;
        return act(
          reply,
          ctx,
          () => redirectToApplication(reply, ctx, id),
          (error, status) => applicationPage(ctx, reply, id, status, null, error),
          () => run(ctx, id, request.body),
        );
      },
    );

  appAction("forward", "Console: send to the expert group", (ctx, id, form) =>
    forwardToExperts(ctx.institution, id, String(form.expertGroupId ?? ""), ctx.principal.actor, deps),
  );
  app.post(
    "/console/orgs/:slug/recognition/:applicationId/documents/:documentId/override",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: accept a flagged document",
        params: appParams.extend({ documentId: z.uuid() }),
        querystring: LangQuery,
        body: Form,
      },
    },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      const { applicationId, documentId } = request.params;
      return act(
        reply,
        ctx,
        () => redirectToApplication(reply, ctx, applicationId),
        (error, status) => applicationPage(ctx, reply, applicationId, status, null, error),
        () =>
          overrideDocument(ctx.institution, applicationId, documentId, String(request.body.reason ?? "").trim(), ctx.principal.actor, deps),
      );
    },
  );
  appAction("conclusion", "Console: the expert conclusion", async (ctx, id, form) => {
    const text = (key: string) => String(form[key] ?? "").trim();
    const application = await findApplication(ctx.institution, id, deps);
    const aspect = (k: string) => ({ match: text(`${k}.match`) as "full" | "partial" | "none", comment: text(`${k}.comment`) });
    const conclusion: ExpertConclusionDraft = {
      assessments: {
        learningOutcomes: aspect("learningOutcomes"),
        programmeGoals: aspect("programmeGoals"),
        volume: aspect("volume"),
        grade: aspect("grade"),
      },
      recommendations: application.disciplineCodes.map((code) => {
        const prepared = application.preparation.disciplines.find((d) => d.code === code);
        const recommendation = text(`rec.${code}.recommendation`) as "recognise" | "partly" | "not";
        const letter = text(`rec.${code}.letter`);
        return {
          disciplineCode: code,
          recommendation,
          comment: text(`rec.${code}.comment`),
          ...(letter ? { letter } : {}),
          ...(recommendation !== "not" && prepared ? { credits: prepared.credits, hours: prepared.hours } : {}),
        } as ExpertConclusionDraft["recommendations"][number];
      }),
      summary: text("summary"),
    };
    return concludeApplication(
      ctx.institution,
      id,
      conclusion,
      { actor: ctx.principal.actor, userId: ctx.principal.userId, platformAdmin: ctx.principal.platformAdmin },
      deps,
    );
  });
  appAction("agenda", "Console: put on a meeting's agenda", (ctx, id, form) =>
    addToAgenda(ctx.institution, String(form.meetingId ?? ""), id, ctx.principal.actor, deps),
  );
  appAction("transcript", "Console: record in the transcript", (ctx, id) =>
    recordInTranscript(ctx.institution, id, undefined, ctx.principal.actor, deps),
  );

  const meetingParams = z.object({ slug: SlugSchema, meetingId: z.uuid() });
  app.get(
    "/console/orgs/:slug/meetings/:meetingId",
    { config: open, schema: { tags, summary: "Console: a commission meeting", params: meetingParams, querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await context(request, reply, request.params.slug);
      if (!ctx) return reply;
      return meetingPage(ctx, reply, request.params.meetingId, 200, request.query.notice ? t("done", ctx.frame.lang) : null);
    },
  );
  const meetingAction = (
    path: string,
    summary: string,
    run: (ctx: Context, meetingId: string, applicationId: string, form: Record<string, unknown>) => Promise<unknown>,
  ) =>
    app.post(
      `/console/orgs/:slug/meetings/:meetingId/${path}`,
      {
        config: open,
        schema: {
          tags,
          summary,
          params: meetingParams.extend({ applicationId: z.uuid().optional() }),
          querystring: LangQuery,
          body: Form.optional(),
        },
      },
      async (request, reply) => {
        const ctx = await context(request, reply, request.params.slug);
        if (!ctx) return reply;
        const { meetingId, applicationId } = request.params;
        return act(
          reply,
          ctx,
          () => reply.redirect(`/console/orgs/${ctx.institution.slug}/meetings/${meetingId}?lang=${ctx.frame.lang}&notice=done`, 303),
          (error, status) => meetingPage(ctx, reply, meetingId, status, null, error),
          () => run(ctx, meetingId, applicationId ?? "", request.body ?? {}),
        );
      },
    );
  meetingAction("agenda/:applicationId/motion", "Console: put the draft decision to the vote", (ctx, meetingId, applicationId, form) => {
    const disciplines = [form.discipline ?? []].flat().map((d) => {
      const [code, credits, hours, letter] = String(d).split("|");
      return { code: code ?? "", credits: Number(credits), hours: Number(hours), letter: letter ?? "" };
    });
    return putMotion(
      ctx.institution,
      meetingId,
      applicationId,
      { outcome: disciplines.length > 0 ? "recognise" : "refuse", disciplines, note: null },
      ctx.principal.actor,
      deps,
    );
  });
  meetingAction("agenda/:applicationId/votes", "Console: vote, in person", (ctx, meetingId, applicationId, form) =>
    castVote(
      ctx.institution,
      meetingId,
      applicationId,
      String(form.choice ?? "") as VoteChoice,
      { actor: ctx.principal.actor, userId: ctx.principal.userId },
      deps,
    ),
  );
  meetingAction("agenda/:applicationId/decision", "Console: record the decision", (ctx, meetingId, applicationId) =>
    decideApplication(ctx.institution, meetingId, applicationId, ctx.principal.actor, deps),
  );
  meetingAction("close", "Console: close the meeting", (ctx, meetingId) =>
    closeMeeting(ctx.institution, meetingId, ctx.principal.actor, deps),
  );
};
