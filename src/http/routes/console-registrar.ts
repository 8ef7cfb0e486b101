// The registrar's console pages: programmes, awarding a cohort (checked row by row first, then awarded in the
// background with a progress page), issued credentials with search and revocation. Same services as the API.
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ANY_MEMBER, type InstitutionRole } from "../../domain/access/roles.js";
import { addCalendarDays, IsoDateSchema, kzDateOf, kzStartOf } from "../../domain/calendar/working-days.js";
import { dashboardOf } from "../../services/dashboard.js";
import { renderDashboard } from "../pages/dashboard-page.js";
import type { Institution } from "../../domain/institutions/institution.js";
import { checkAwardRows } from "../../domain/qualifications/award-rows.js";
import { AppError, type Lang } from "../../errors.js";
import { readCohortCsv, startAwardBatch } from "../../services/award-batches.js";
import { changeCredentialStatus, findInstitutionCredential } from "../../services/credential-status.js";
import type { Deps } from "../../services/deps.js";
import { changeProgrammeStatus, createProgramme, findProgramme } from "../../services/programmes.js";
import { CreateProgrammeBody } from "../schemas/programmes.js";
import type { IssuedCredential } from "../../db/repositories/credentials.js";
import { institutionPage, sendHtml } from "../console-kit.js";
import { t } from "../pages/messages.js";
import {
  renderAwardPage,
  renderProgrammeForm,
  renderProgrammePage,
  FORM_ROWS,
  renderBatchPage,
  renderCredentialsPage,
  renderProgrammesPage,
  renderStatusActionPage,
  type CredentialRow,
} from "../pages/registrar-pages.js";
import { SlugSchema } from "../schemas/institutions.js";

const PAGE = 20;
const Lang = z.enum(["kk", "ru", "en"]).optional();

export const consoleRegistrarRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // Form fields (and the file) land in the body, so the CSRF check sees the form's token like any other form.
  await app.register(formbody, { bodyLimit: 16 * 1024 });
  await app.register(multipart, { attachFieldsToBody: "keyValues", limits: { fileSize: 16 * 1024 * 1024, files: 1, fields: 5 } });
  const open = { access: { scope: "public" } } as const;
  const tags = ["console"];

  const html = sendHtml;
  const registrarPage = (request: FastifyRequest, reply: FastifyReply, slug: string, roles: readonly InstitutionRole[] = ["registrar"]) =>
    institutionPage(request, reply, slug, roles, deps);

  const credentialRows = async (
    institution: Institution,
    credentials: readonly IssuedCredential[],
    lang: Lang,
  ): Promise<CredentialRow[]> => {
    const programmes = new Map<string, string>();
    const rows: CredentialRow[] = [];
    for (const c of credentials) {
      const learner = await deps.repos.learners.findById(institution.id, c.learnerId);
      let programme = c.programmeId ? programmes.get(c.programmeId) : "—";
      if (programme === undefined && c.programmeId) {
        const p = await deps.repos.programmes.findById(c.programmeId);
        programme = p ? `${p.code} · ${p.content.names[lang]}` : "—";
        programmes.set(c.programmeId, programme);
      }
      rows.push({
        id: c.id,
        learner: learner?.fullName ?? "—",
        programme: programme ?? "—",
        issuedOn: kzDateOf(c.issuedAt),
        status: c.status,
      });
    }
    return rows;
  };

  app.get(
    "/console/orgs/:slug/dashboard",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: the dashboard (charts of issued credentials and verifications, applications by stage)",
        params: z.strictObject({ slug: SlugSchema }),
        querystring: z.strictObject({ lang: Lang }),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug, ANY_MEMBER);
      if (!ctx) return reply;
      return html(reply, 200, renderDashboard(ctx.frame, await dashboardOf(ctx.institution, deps)));
    },
  );
  app.get(
    "/orgs/:slug/dashboard",
    {
      config: { access: { scope: "institution", roles: ANY_MEMBER } },
      schema: {
        tags: ["console"],
        summary: "The dashboard's figures: per week for 12 weeks, and applications by stage",
        security: [{ bearer: [] }],
        params: z.strictObject({ slug: SlugSchema }),
      },
    },
    async (request) => dashboardOf(request.institution!, deps),
  );

  app.get(
    "/console/orgs/:slug/programmes",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: the institution's programmes",
        params: z.strictObject({ slug: SlugSchema }),
        querystring: z.strictObject({ lang: Lang, offset: z.coerce.number().int().min(0).default(0) }),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      const { items, total } = await deps.repos.programmes.list({
        institutionId: ctx.institution.id,
        limit: PAGE,
        offset: request.query.offset,
      });
      return html(
        reply,
        200,
        renderProgrammesPage(
          ctx.frame,
          items.map((p) => ({ code: p.code, name: p.content.names[ctx.frame.lang], status: p.status, credits: p.credits })),
          { offset: request.query.offset, limit: PAGE, total },
        ),
      );
    },
  );

  // ---- a new programme, its approval and publication ----
  const flat = (body: Record<string, unknown>): Record<string, string> =>
    Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.map(String).join(",") : String(v ?? "")]));
  const contentOf = (f: Record<string, string>) => {
    const trio = (name: string) => ({ kk: f[`${name}.kk`] ?? "", ru: f[`${name}.ru`] ?? "", en: f[`${name}.en`] ?? "" });
    const number = (name: string) => (f[name] ? Number(f[name]) : null);
    const filled = (i: number, prefix: string) => ["kk", "ru", "en"].some((l) => (f[`${prefix}.${i}.${l}`] ?? "").trim() !== "");
    const indexes = Array.from({ length: FORM_ROWS }, (_, i) => i + 1);
    return {
      names: trio("names"),
      qualificationName: trio("qualificationName"),
      goal: trio("goal"),
      form: f.form,
      nqfLevel: number("nqfLevel"),
      accreditations:
        f.accreditation && f.accreditation !== "none" ? [{ kind: f.accreditation, agency: f.agency?.trim() || null, register: null }] : [],
      workload: { credits: number("credits"), hours: number("hours") },
      languages: (f.languages ?? "").split(",").filter(Boolean),
      professionalBasis: { kind: "standard", standard: trio("standard"), labourFunction: trio("labourFunction"), code: null },
      learningOutcomes: indexes.filter((i) => filled(i, "lo")).map((i) => ({ code: f[`lo.${i}.code`] || `LO${i}`, text: trio(`lo.${i}`) })),
      thematicPlan: indexes
        .filter((i) => filled(i, "plan"))
        .map((i) => ({ kind: "module", title: trio(`plan.${i}`), hours: number(`plan.${i}.hours`) })),
      teachingMethods: trio("teachingMethods"),
      assessment: trio("assessment"),
    };
  };
  app.get(
    "/console/orgs/:slug/programmes/new",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: describe a new programme",
        params: z.strictObject({ slug: SlugSchema }),
        querystring: z.strictObject({ lang: Lang }),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      return html(reply, 200, renderProgrammeForm(ctx.frame, { form: "blended", languages: "kk,ru", accreditation: "none" }, []));
    },
  );
  app.post(
    "/console/orgs/:slug/programmes/new",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: create the programme (a draft)",
        params: z.strictObject({ slug: SlugSchema }),
        querystring: z.strictObject({ lang: Lang }),
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      const values = flat(request.body);
      const parsed = CreateProgrammeBody.safeParse({ code: values.code, content: contentOf(values) });
      if (!parsed.success)
        return html(
          reply,
          400,
          renderProgrammeForm(
            ctx.frame,
            values,
            parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
          ),
        );
      try {
        const programme = await createProgramme(ctx.institution, { code: parsed.data.code, content: parsed.data.content }, ctx.actor, deps);
        return reply.redirect(
          `/console/orgs/${ctx.institution.slug}/programmes/${encodeURIComponent(programme.code)}?lang=${ctx.frame.lang}`,
          303,
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return html(reply, error.status, renderProgrammeForm(ctx.frame, values, [error.localized(ctx.frame.lang)]));
      }
    },
  );
  const programmeParams = z.strictObject({ slug: SlugSchema, code: z.string().min(1).max(64) });
  const programmePage = async (
    ctx: NonNullable<Awaited<ReturnType<typeof registrarPage>>>,
    reply: FastifyReply,
    code: string,
    status = 200,
    error: string | null = null,
  ) => {
    const p = await findProgramme(ctx.institution, code, deps);
    // The programme's recent awards, each with its progress page: long work can be left and come back to.
    const batches = (
      await deps.repos.awardBatches.list({ institutionId: ctx.institution.id, programmeId: p.id, limit: 10, offset: 0 })
    ).items.map((b) => ({ id: b.id, status: b.status, total: b.total, processed: b.processed, createdAt: b.createdAt.toISOString() }));
    return html(
      reply,
      status,
      renderProgrammePage(
        ctx.frame,
        {
          batches,
          code: p.code,
          name: p.content.names[ctx.frame.lang],
          status: p.status,
          credits: p.credits,
          hours: p.hours,
          outcomes: p.content.learningOutcomes.map((o) => o.text[ctx.frame.lang]),
        },
        error,
      ),
    );
  };
  app.get(
    "/console/orgs/:slug/programmes/:code",
    {
      config: open,
      schema: { tags, summary: "Console: a programme", params: programmeParams, querystring: z.strictObject({ lang: Lang }) },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      return programmePage(ctx, reply, request.params.code);
    },
  );
  for (const action of ["approve", "publish"] as const)
    app.post(
      `/console/orgs/:slug/programmes/:code/${action}`,
      {
        config: open,
        schema: {
          tags,
          summary: `Console: ${action} a programme`,
          params: programmeParams,
          querystring: z.strictObject({ lang: Lang }),
          body: z.record(z.string(), z.unknown()).optional(),
        },
      },
      async (request, reply) => {
        const ctx = await registrarPage(request, reply, request.params.slug);
        if (!ctx) return reply;
        const body = flat(request.body ?? {});
        try {
          await changeProgrammeStatus(
            ctx.institution,
            request.params.code,
            action === "approve"
              ? { action, decisionNumber: (body.decisionNumber ?? "").trim(), decisionDate: body.decisionDate ?? "" }
              : { action },
            ctx.actor,
            deps,
          );
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return programmePage(ctx, reply, request.params.code, error.status, error.localized(ctx.frame.lang));
        }
        return reply.redirect(
          `/console/orgs/${ctx.institution.slug}/programmes/${encodeURIComponent(request.params.code)}?lang=${ctx.frame.lang}`,
          303,
        );
      },
    );

  const awardParams = z.strictObject({ slug: SlugSchema, code: z.string().min(1).max(64) });
  app.get(
    "/console/orgs/:slug/programmes/:code/award",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: award a cohort from a CSV file",
        params: awardParams,
        querystring: z.strictObject({ lang: Lang }),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      const programme = await findProgramme(ctx.institution, request.params.code, deps);
      return html(
        reply,
        200,
        renderAwardPage(ctx.frame, { code: programme.code, name: programme.content.names[ctx.frame.lang] }, { error: null, problems: [] }),
      );
    },
  );
  app.post(
    "/console/orgs/:slug/programmes/:code/award",
    {
      config: open,
      bodyLimit: 17 * 1024 * 1024,
      schema: {
        tags,
        summary: "Console: check the file row by row, then award it",
        params: awardParams,
        querystring: z.strictObject({ lang: Lang }),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      const programme = await findProgramme(ctx.institution, request.params.code, deps);
      const shown = { code: programme.code, name: programme.content.names[ctx.frame.lang] };
      const body = (request.body ?? {}) as { file?: unknown; format?: unknown };
      try {
        if (!Buffer.isBuffer(body.file)) throw new AppError("FILE_EMPTY");
        const rows = readCohortCsv(body.file);
        const checked = checkAwardRows(rows);
        // In the console a file is awarded only when every row is right: the registrar fixes it and sends it again.
        const problems = [
          ...checked.problems.map((p) => ({ row: p.row, code: p.code, message: p.message })),
          ...checked.duplicates.flatMap((d) =>
            d.rows.map((row) => ({ row, code: "DUPLICATE", message: `${t("row", ctx.frame.lang)} ${d.rows.join(", ")}: ${d.session}` })),
          ),
        ].sort((a, b) => a.row - b.row);
        if (problems.length > 0) return html(reply, 422, renderAwardPage(ctx.frame, shown, { error: null, problems }));
        const format = body.format === "di" ? "di" : "vc+jwt";
        const batch = await startAwardBatch(ctx.institution, programme, rows, { format, fileName: null }, ctx.actor, deps);
        return reply.redirect(`/console/orgs/${ctx.institution.slug}/award-batches/${batch.id}?lang=${ctx.frame.lang}`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return html(reply, error.status, renderAwardPage(ctx.frame, shown, { error: error.localized(ctx.frame.lang), problems: [] }));
      }
    },
  );

  app.get(
    "/console/orgs/:slug/award-batches/:batchId",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: an award's progress (refreshes while it runs)",
        params: z.strictObject({ slug: SlugSchema, batchId: z.uuid() }),
        querystring: z.strictObject({ lang: Lang }),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      const batch = await deps.repos.awardBatches.find(request.params.batchId);
      if (!batch || batch.institutionId !== ctx.institution.id) throw new AppError("BATCH_NOT_FOUND", { batchId: request.params.batchId });
      const programme = await deps.repos.programmes.findById(batch.programmeId);
      const failed = await deps.repos.awardBatches.results(batch.id, { outcome: "failed", limit: 200, offset: 0 });
      return html(
        reply,
        200,
        renderBatchPage(
          ctx.frame,
          batch,
          { code: programme?.code ?? "—", name: programme?.content.names[ctx.frame.lang] ?? "" },
          failed.map((r) => ({ row: r.row, code: r.errorCode ?? "", message: r.message ?? r.errorCode ?? "" })),
        ),
      );
    },
  );

  app.get(
    "/console/orgs/:slug/credentials",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: issued credentials, found by the learner's name or IIN, programme, status and day of issue",
        params: z.strictObject({ slug: SlugSchema }),
        querystring: z.strictObject({
          lang: Lang,
          q: z.string().trim().max(100).default(""),
          programme: z.string().trim().max(64).default(""),
          status: z.enum(["", "active", "suspended", "revoked"]).default(""),
          // An empty date field is sent as "": no bound.
          from: z.union([z.literal(""), IsoDateSchema]).default(""),
          to: z.union([z.literal(""), IsoDateSchema]).default(""),
          offset: z.coerce.number().int().min(0).default(0),
          notice: z.enum(["revoked", "suspended", "reinstated"]).optional(),
        }),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      const { q, offset, from, to, status } = request.query;
      const programmes = (await deps.repos.programmes.list({ institutionId: ctx.institution.id, limit: 500, offset: 0 })).items;
      const programme = programmes.find((p) => p.code === request.query.programme);
      const learnerIds = q
        ? (await deps.repos.learners.list({ institutionId: ctx.institution.id, search: q, limit: 500, offset: 0 })).items.map((l) => l.id)
        : undefined;
      const { items, total } =
        learnerIds && learnerIds.length === 0
          ? { items: [], total: 0 }
          : await deps.repos.credentials.list({
              institutionId: ctx.institution.id,
              ...(learnerIds ? { learnerIds } : {}),
              ...(programme ? { programmeId: programme.id } : {}),
              ...(status ? { status } : {}),
              ...(from ? { issuedFrom: kzStartOf(from) } : {}),
              // "Until" includes the whole day.
              ...(to ? { issuedTo: kzStartOf(addCalendarDays(to, 1)) } : {}),
              limit: PAGE,
              offset,
            });
      return html(
        reply,
        200,
        renderCredentialsPage(ctx.frame, {
          q,
          filters: { programme: programme?.code ?? "", status, from, to },
          programmes: programmes.map((p) => ({ code: p.code, name: p.content.names[ctx.frame.lang] })),
          notice: request.query.notice ? t(request.query.notice, ctx.frame.lang) : null,
          rows: await credentialRows(ctx.institution, items, ctx.frame.lang),
          paging: { offset, limit: PAGE, total },
        }),
      );
    },
  );

  const actionParams = z.strictObject({ slug: SlugSchema, credentialId: z.uuid(), action: z.enum(["revoke", "suspend", "reinstate"]) });
  const NOTICE = { revoke: "revoked", suspend: "suspended", reinstate: "reinstated" } as const;
  app.get(
    "/console/orgs/:slug/credentials/:credentialId/:action",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: confirm revoking, suspending or reinstating a credential",
        params: actionParams,
        querystring: z.strictObject({ lang: Lang }),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      const credential = await findInstitutionCredential(ctx.institution, request.params.credentialId, deps);
      const row = (await credentialRows(ctx.institution, [credential], ctx.frame.lang))[0]!;
      return html(reply, 200, renderStatusActionPage(ctx.frame, row, request.params.action, null));
    },
  );
  app.post(
    "/console/orgs/:slug/credentials/:credentialId/:action",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: revoke, suspend or reinstate a credential, with a reason",
        params: actionParams,
        querystring: z.strictObject({ lang: Lang }),
        body: z.object({ reason: z.string().max(500) }),
      },
    },
    async (request, reply) => {
      const ctx = await registrarPage(request, reply, request.params.slug);
      if (!ctx) return reply;
      const { action } = request.params;
      const credential = await findInstitutionCredential(ctx.institution, request.params.credentialId, deps);
      const reason = request.body.reason.trim();
      try {
        if (reason.length < 3) throw new AppError("VALIDATION_FAILED", { summary: t("reason", ctx.frame.lang) });
        await changeCredentialStatus(ctx.institution, credential.id, action, reason, ctx.actor, deps);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const row = (await credentialRows(ctx.institution, [credential], ctx.frame.lang))[0]!;
        return html(reply, error.status, renderStatusActionPage(ctx.frame, row, action, error.localized(ctx.frame.lang)));
      }
      return reply.redirect(`/console/orgs/${ctx.institution.slug}/credentials?lang=${ctx.frame.lang}&notice=${NOTICE[action]}`, 303);
    },
  );
};
