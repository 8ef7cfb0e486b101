// The console's reference data for recognition: academic periods, educational programmes (a form with discipline
// rows, or the API's JSON as a file), learners with their enrolment. The same services and zod schemas as the
// API; a refused form comes back filled in with the reason, and nothing is written.
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ANY_MEMBER, type InstitutionRole } from "../../domain/access/roles.js";
import { hoursPerCredit } from "../../domain/institutions/kind.js";
import { runInTransaction } from "../../db/transaction.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../../services/deps.js";
import { findLearner, registerLearner } from "../../services/learners.js";
import { transcriptOf } from "../../services/recognition/transcripts.js";
import { createAcademicPeriod, createCurriculum, enrolLearner, findCurriculum } from "../../services/recognition/curricula.js";
import { attemptForm, formValues, holdsRole, institutionPage, sendHtml, type InstitutionPage } from "../console-kit.js";
import { LANGS } from "../pages/form-kit.js";
import { t } from "../pages/messages.js";
import {
  CURRICULUM_ROWS,
  EMPTY_FORM,
  MAX_CURRICULUM_ROWS,
  renderCurriculumForm,
  renderCurriculumPage,
  renderLearnersPage,
  renderReferencePage,
  renderTranscriptPage,
  type FormState,
} from "../pages/reference-pages.js";
import { renderNotAllowed } from "../pages/registrar-pages.js";
import { SlugSchema } from "../schemas/institutions.js";
import { LearnerBody } from "../schemas/learners.js";
import { AcademicPeriodBody, CurriculumBody, curriculumInput } from "../schemas/recognition.js";
import { parseOrThrow } from "../validate.js";

const LangQuery = z.object({ lang: z.enum(["kk", "ru", "en"]).optional(), notice: z.literal("done").optional() });
const Form = z.record(z.string(), z.unknown());
const STAFF: readonly InstitutionRole[] = ["registrar", "commission_secretary"];
const LEARNER_READERS: readonly InstitutionRole[] = ["registrar", "commission_secretary", "viewer"];
const PAGE = 50;

const localized = (v: Record<string, string>, name: string) => Object.fromEntries(LANGS.map((l) => [l, (v[`${name}.${l}`] ?? "").trim()]));
const lines = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
const numberOrText = (text: string | undefined) => (text && text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

/**
 * The API's curriculum body from the form's discipline rows. Empty rows are skipped; outcome k of a discipline is
 * line k of each language's box, so the three languages stay paired.
 */
export function curriculumFromForm(v: Readonly<Record<string, string>>, rows: number): unknown {
  const disciplines = [];
  for (let i = 1; i <= rows; i++) {
    const field = (name: string) => (v[`d.${i}.${name}`] ?? "").trim();
    const filled = ["code", ...LANGS, "credits", "hours", "period", ...LANGS.map((l) => `outcomes.${l}`)].some((name) => field(name));
    if (!filled) continue;
    const code = field("code");
    const byLang = Object.fromEntries(LANGS.map((l) => [l, lines(v[`d.${i}.outcomes.${l}`])]));
    const count = Math.max(...LANGS.map((l) => byLang[l]!.length));
    const learningOutcomes = Array.from({ length: count }, (_, k) => ({
      code: `${code}.LO${k + 1}`,
      text: Object.fromEntries(LANGS.flatMap((l) => (byLang[l]![k] ? [[l, byLang[l]![k]]] : []))),
    }));
    disciplines.push({
      code,
      names: Object.fromEntries(LANGS.map((l) => [l, field(l)])),
      credits: numberOrText(field("credits")),
      hours: numberOrText(field("hours")),
      period: numberOrText(field("period")),
      learningOutcomes,
    });
  }
  return {
    code: (v.code ?? "").trim(),
    names: localized(v, "names"),
    level: (v.level ?? "").trim() || null,
    disciplines,
  };
}

export const consoleReferenceRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // A programme of 60 disciplines is a few hundred fields.
  await app.register(formbody, { bodyLimit: 512 * 1024 });
  await app.register(multipart, {
    attachFieldsToBody: "keyValues",
    limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 5 },
    onFile: async (part) => {
      (part as unknown as { value: unknown }).value = (await part.toBuffer()).toString("utf8");
    },
  });
  const open = { access: { scope: "public" } } as const;
  const tags = ["console"];
  const slugOnly = z.object({ slug: SlugSchema });
  const page = (request: FastifyRequest, reply: FastifyReply, slug: string, roles: readonly InstitutionRole[]) =>
    institutionPage(request, reply, slug, roles, deps);
  const refused = (ctx: InstitutionPage, reply: FastifyReply) => sendHtml(reply, 403, renderNotAllowed(ctx.frame));
  const back = (reply: FastifyReply, ctx: InstitutionPage, path: string) =>
    reply.redirect(`/console/orgs/${ctx.institution.slug}/${path}${path.includes("?") ? "&" : "?"}lang=${ctx.frame.lang}&notice=done`, 303);
  const attempt = (ctx: InstitutionPage, values: Record<string, string>, fn: () => Promise<unknown>) =>
    attemptForm(ctx.frame.lang, values, fn);
  const statusOf = (form: FormState) => form.status ?? 400;

  // ---- academic periods and the list of programmes ----
  async function referencePage(ctx: InstitutionPage, reply: FastifyReply, periodForm: FormState, notice: string | null, status = 200) {
    const { institution, frame } = ctx;
    const curricula = await deps.repos.curricula.listCurricula(institution.id);
    return sendHtml(
      reply,
      status,
      renderReferencePage(frame, {
        periods: (await deps.repos.curricula.listPeriods(institution.id)).map((p) => ({
          code: p.code,
          name: p.names[frame.lang],
          startsOn: p.startsOn,
          endsOn: p.endsOn,
        })),
        curricula: curricula.map((c) => ({
          code: c.code,
          name: c.names[frame.lang],
          disciplines: c.disciplines.length,
          credits: c.disciplines.reduce((sum, d) => sum + d.credits, 0),
        })),
        canEdit: holdsRole(ctx, STAFF),
        periodForm,
        notice,
      }),
    );
  }
  app.get(
    "/console/orgs/:slug/reference",
    {
      config: open,
      schema: { tags, summary: "Console: academic periods and educational programmes", params: slugOnly, querystring: LangQuery },
    },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, ANY_MEMBER);
      if (!ctx) return reply;
      return referencePage(ctx, reply, EMPTY_FORM, request.query.notice ? t("saved", ctx.frame.lang) : null);
    },
  );
  app.post(
    "/console/orgs/:slug/reference/periods",
    { config: open, schema: { tags, summary: "Console: add an academic period", params: slugOnly, querystring: LangQuery, body: Form } },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, ANY_MEMBER);
      if (!ctx) return reply;
      if (!holdsRole(ctx, STAFF)) return refused(ctx, reply);
      const v = formValues(request.body);
      const failed = await attempt(ctx, v, () =>
        createAcademicPeriod(
          ctx.institution,
          parseOrThrow(
            AcademicPeriodBody,
            { code: v.code ?? "", names: localized(v, "names"), startsOn: v.startsOn ?? "", endsOn: v.endsOn ?? "" },
            "form",
          ),
          ctx.actor,
          deps,
        ),
      );
      if (failed) return referencePage(ctx, reply, failed, null, statusOf(failed));
      return back(reply, ctx, "reference");
    },
  );

  // ---- a new educational programme ----
  const rowsOf = (v: Record<string, string>) => {
    const n = Number(v.rows);
    return Number.isInteger(n) ? Math.min(MAX_CURRICULUM_ROWS, Math.max(1, n)) : CURRICULUM_ROWS;
  };
  const curriculumForm = (ctx: InstitutionPage, reply: FastifyReply, rows: number, form: FormState, status = 200) =>
    sendHtml(reply, status, renderCurriculumForm(ctx.frame, rows, form, hoursPerCredit(ctx.institution.kind)));
  app.get(
    "/console/orgs/:slug/curricula/new",
    { config: open, schema: { tags, summary: "Console: describe an educational programme", params: slugOnly, querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, STAFF);
      if (!ctx) return reply;
      return curriculumForm(ctx, reply, CURRICULUM_ROWS, EMPTY_FORM);
    },
  );
  app.post(
    "/console/orgs/:slug/curricula/new",
    {
      config: open,
      schema: { tags, summary: "Console: save an educational programme", params: slugOnly, querystring: LangQuery, body: Form },
    },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, STAFF);
      if (!ctx) return reply;
      const v = formValues(request.body);
      const rows = rowsOf(v);
      // "More rows" keeps what was typed and saves nothing.
      if (v.more) return curriculumForm(ctx, reply, Math.min(MAX_CURRICULUM_ROWS, rows + CURRICULUM_ROWS), { values: v, error: null });
      let code = "";
      const failed = await attempt(ctx, v, async () => {
        const body = parseOrThrow(CurriculumBody, curriculumFromForm(v, rows), "form");
        code = (await saveCurriculum(ctx, body)).code;
      });
      if (failed) return curriculumForm(ctx, reply, rows, failed, statusOf(failed));
      return back(reply, ctx, `curricula/${encodeURIComponent(code)}`);
    },
  );
  app.post(
    "/console/orgs/:slug/curricula/upload",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: save an educational programme from its JSON file (multipart)",
        params: slugOnly,
        querystring: LangQuery,
      },
    },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, STAFF);
      if (!ctx) return reply;
      const text = String((request.body as Record<string, unknown> | undefined)?.file ?? "");
      let code = "";
      const failed = await attempt(ctx, {}, async () => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new AppError("MALFORMED_BODY");
        }
        code = (await saveCurriculum(ctx, parseOrThrow(CurriculumBody, json, "file"))).code;
      });
      if (failed) return curriculumForm(ctx, reply, CURRICULUM_ROWS, failed, statusOf(failed));
      return back(reply, ctx, `curricula/${encodeURIComponent(code)}`);
    },
  );
  const saveCurriculum = (ctx: InstitutionPage, body: z.infer<typeof CurriculumBody>) =>
    createCurriculum(ctx.institution, curriculumInput(body), ctx.actor, deps);
  app.get(
    "/console/orgs/:slug/curricula/:code",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: one educational programme",
        params: z.object({ slug: SlugSchema, code: z.string().max(64) }),
        querystring: LangQuery,
      },
    },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, ANY_MEMBER);
      if (!ctx) return reply;
      const curriculum = await findCurriculum(ctx.institution, request.params.code, deps);
      return sendHtml(reply, 200, renderCurriculumPage(ctx.frame, curriculum, request.query.notice ? t("saved", ctx.frame.lang) : null));
    },
  );

  // ---- learners and their enrolment ----
  const LearnersQuery = LangQuery.extend({
    q: z.string().trim().max(100).optional(),
    offset: z.coerce.number().int().min(0).default(0),
  });
  async function learnersPage(
    ctx: InstitutionPage,
    reply: FastifyReply,
    query: { q?: string | undefined; offset: number },
    form: FormState,
    notice: string | null,
    status = 200,
  ) {
    const { institution, frame } = ctx;
    const curricula = await deps.repos.curricula.listCurricula(institution.id);
    const codeOf = new Map(curricula.map((c) => [c.id, c.code]));
    const { items, total } = await deps.repos.learners.list({
      institutionId: institution.id,
      search: query.q || undefined,
      limit: PAGE,
      offset: query.offset,
    });
    return sendHtml(
      reply,
      status,
      renderLearnersPage(frame, {
        q: query.q ?? "",
        rows: items.map((l) => ({
          id: l.id,
          name: l.fullName,
          email: l.email,
          curriculum: l.curriculumId ? (codeOf.get(l.curriculumId) ?? null) : null,
        })),
        curricula: curricula.map((c) => ({ code: c.code, name: c.names[frame.lang] })),
        paging: { offset: query.offset, limit: PAGE, total },
        canEdit: holdsRole(ctx, ["registrar"]),
        form,
        notice,
      }),
    );
  }
  app.get(
    "/console/orgs/:slug/learners",
    { config: open, schema: { tags, summary: "Console: learners and their enrolment", params: slugOnly, querystring: LearnersQuery } },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, LEARNER_READERS);
      if (!ctx) return reply;
      return learnersPage(ctx, reply, request.query, EMPTY_FORM, request.query.notice ? t("saved", ctx.frame.lang) : null);
    },
  );
  app.post(
    "/console/orgs/:slug/learners",
    { config: open, schema: { tags, summary: "Console: register a learner", params: slugOnly, querystring: LangQuery, body: Form } },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, ["registrar"]);
      if (!ctx) return reply;
      const v = formValues(request.body);
      const failed = await attempt(ctx, v, async () => {
        const input = parseOrThrow(
          LearnerBody,
          { fullName: v.fullName ?? "", iin: (v.iin ?? "").trim(), email: (v.email ?? "").trim() || null },
          "form",
        );
        // Registered and enrolled in one step: a learner is never left half set up.
        const curriculum = (v.curriculum ?? "").trim();
        if (curriculum) await findCurriculum(ctx.institution, curriculum, deps);
        await runInTransaction(deps.db, async () => {
          const learner = await registerLearner(ctx.institution, input, ctx.actor, deps);
          if (curriculum) await enrolLearner(ctx.institution, learner.id, curriculum, ctx.actor, deps);
        });
      });
      if (failed) return learnersPage(ctx, reply, { offset: 0 }, failed, null, statusOf(failed));
      return back(reply, ctx, "learners");
    },
  );
  app.get(
    "/console/orgs/:slug/learners/:learnerId/transcript",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: a learner's transcript (re-credited disciplines with their protocol, what is left, micro-qualifications)",
        params: z.object({ slug: SlugSchema, learnerId: z.uuid() }),
        querystring: LangQuery,
      },
    },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, LEARNER_READERS);
      if (!ctx) return reply;
      const { lang } = ctx.frame;
      const learner = await findLearner(ctx.institution, request.params.learnerId, deps);
      const view = await transcriptOf(ctx.institution, learner.id, deps);
      const text = (names: Record<string, string>) => names[lang] ?? names.ru ?? names.kk ?? names.en ?? "";
      return sendHtml(
        reply,
        200,
        renderTranscriptPage(ctx.frame, {
          learner: learner.fullName,
          curriculum: view.curriculum
            ? { code: view.curriculum.code, name: text(view.curriculum.names), totalCredits: view.curriculum.totalCredits }
            : null,
          entries: view.entries.map((e) => ({
            code: e.disciplineCode,
            name: text(e.name),
            credits: e.credits,
            hours: e.hours,
            letter: e.letter,
            protocol: String(e.basis.protocolNumber ?? "—"),
            protocolDate: String(e.basis.protocolDate ?? ""),
            recordedOn: e.recordedOn,
          })),
          disciplines: view.disciplines.map((d) => ({
            code: d.code,
            name: text(d.names),
            credits: d.credits,
            period: d.period,
            status: d.status,
          })),
          micro: view.microQualifications.awarded,
        }),
      );
    },
  );
  app.post(
    "/console/orgs/:slug/learners/:learnerId/enrolment",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: enrol a learner in an educational programme (or withdraw)",
        params: z.object({ slug: SlugSchema, learnerId: z.uuid() }),
        querystring: LangQuery,
        body: Form,
      },
    },
    async (request, reply) => {
      const ctx = await page(request, reply, request.params.slug, ["registrar"]);
      if (!ctx) return reply;
      const curriculum = String(request.body.curriculum ?? "").trim();
      const failed = await attempt(ctx, {}, () =>
        enrolLearner(ctx.institution, request.params.learnerId, curriculum === "" ? null : curriculum, ctx.actor, deps),
      );
      if (failed) return learnersPage(ctx, reply, { offset: 0 }, failed, null, statusOf(failed));
      return back(reply, ctx, "learners");
    },
  );
};
