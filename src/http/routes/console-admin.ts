// The platform administrator's console: institutions (key rotation behind a confirmation), users (create, grant a
// role, reset a password — shown once), API tokens (create — the secret shown once —, revoke behind a confirmation)
// and the trust registry (add, remove behind a confirmation, replace from the exported file). Same services as the
// API. API tokens are managed here only: the API lets only a platform administrator manage them too.
import { randomBytes } from "node:crypto";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiTokenRecord } from "../../db/repositories/api-tokens.js";
import type { TrustedIssuer } from "../../db/repositories/trust-registry.js";
import { INSTITUTION_ROLES, type Principal } from "../../domain/access/roles.js";
import type { Institution } from "../../domain/institutions/institution.js";
import { AppError } from "../../errors.js";
import { issueApiToken, revokeApiToken } from "../../services/api-tokens.js";
import type { Deps } from "../../services/deps.js";
import { createInstitution } from "../../services/create-institution.js";
import { institutionBySlug } from "../../services/did-documents.js";
import { rotateInstitutionKey } from "../../services/rotate-institution-key.js";
import { resetPassword } from "../../services/sessions.js";
import { changeTrustRegistry, replaceTrustRegistry } from "../../services/trust-registry.js";
import { createUser, grantRole } from "../../services/users.js";
import { formValues, sendHtml, signedIn } from "../console-kit.js";
import {
  EMPTY_TOKEN_FORM,
  PLATFORM_CHOICE,
  renderAdminPage,
  renderRotatePage,
  renderTokenRevokePage,
  renderTokensPage,
  renderTrustRegistryPage,
  renderTrustRemovePage,
  type AdminFrame,
  type TokenForm,
  type TokenRow,
  type TrustForm,
} from "../pages/admin-pages.js";
import { t } from "../pages/messages.js";
import { fill } from "../pages/registrar-pages.js";
import { CreateInstitutionBody, SlugSchema } from "../schemas/institutions.js";
import { parseOrThrow } from "../validate.js";
import { TrustRegistryEntry, TrustRegistryUpload, trustedIssuerOf } from "./trust-registry.js";

const Lang = z.enum(["kk", "ru", "en"]).optional();
const LangQuery = z.object({
  lang: Lang,
  notice: z.enum(["done", "rotated"]).optional(),
  shown: z.string().max(64).optional(),
});
const PAGE = 20;
const DAY_MS = 86_400_000;

/**
 * A generated password or API token waits here for the one page that shows it (Post/Redirect/Get: reloading that
 * page cannot make another). Read once, kept two minutes, only for the admin who made it, in this process's memory
 * only: never stored, never in a URL or a log.
 */
class ShownOnce<T> {
  private readonly waiting = new Map<string, { value: T; until: number; viewer: string }>();

  keep(value: T, viewer: string): string {
    for (const [key, w] of this.waiting) if (w.until <= Date.now()) this.waiting.delete(key);
    const id = randomBytes(18).toString("base64url");
    this.waiting.set(id, { value, until: Date.now() + 120_000, viewer });
    return id;
  }

  take(id: string | undefined, viewer: string): T | null {
    if (!id) return null;
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    return w && w.until > Date.now() && w.viewer === viewer ? w.value : null;
  }
}

const passwords = new ShownOnce<{ email: string; password: string }>();
const tokenSecrets = new ShownOnce<{ name: string; token: string }>();

export const consoleAdminRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(formbody, { bodyLimit: 16 * 1024 });
  // The trust registry's file; its fields land in the body, so the CSRF check sees the form's token.
  await app.register(multipart, { attachFieldsToBody: "keyValues", limits: { fileSize: 8 * 1024 * 1024, files: 1, fields: 4 } });
  const open = { access: { scope: "public" } } as const;
  const tags = ["console"];
  const html = sendHtml;

  async function adminPage(request: FastifyRequest, reply: FastifyReply): Promise<{ frame: AdminFrame; principal: Principal } | null> {
    const person = await signedIn(request, reply);
    if (!person) return null;
    const { lang } = person;
    const frame: AdminFrame = { lang, csrfToken: person.csrfToken, path: request.url.split("?")[0]! };
    if (!person.principal.platformAdmin) {
      await html(
        reply,
        403,
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>403</title></head><body><main><p role="alert">${t("notAllowed", lang)}</p></main></body></html>`,
      );
      return null;
    }
    return { frame, principal: person.principal };
  }

  const render = async (
    reply: FastifyReply,
    frame: AdminFrame,
    status: number,
    extra: {
      notice?: string | null;
      error?: string | null;
      generatedPassword?: { email: string; password: string } | null;
      /** A refused new institution: what was typed and why. */
      institutionForm?: { values: Record<string, string>; error: string };
    },
  ) =>
    html(
      reply,
      status,
      renderAdminPage(frame, {
        institutions: await deps.repos.institutions.list(),
        users: await deps.repos.users.list({}),
        trusted: await deps.repos.trustRegistry.list(),
        notice: extra.notice ?? null,
        error: extra.error ?? null,
        generatedPassword: extra.generatedPassword ?? null,
        institutionForm: extra.institutionForm ?? null,
      }),
    );

  /** Runs an admin action: back to the page with a notice, or the page again with the reason. */
  async function act(reply: FastifyReply, frame: AdminFrame, fn: () => Promise<unknown>, notice: "done" | "rotated" = "done") {
    try {
      await fn();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return render(reply, frame, error.status, { error: error.localized(frame.lang) });
    }
    return reply.redirect(`/console/admin?lang=${frame.lang}&notice=${notice}`, 303);
  }

  app.get(
    "/console/admin",
    { config: open, schema: { tags, summary: "Console: administration", querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const notice =
        request.query.notice === "rotated" ? t("keyRotated", ctx.frame.lang) : request.query.notice ? t("done", ctx.frame.lang) : null;
      const generatedPassword = passwords.take(request.query.shown, ctx.principal.actor);
      return render(reply, ctx.frame, 200, { notice, generatedPassword });
    },
  );

  app.post(
    "/console/admin/institutions",
    {
      config: open,
      schema: { tags, summary: "Console: add an institution (its did:web and signing key are made at once)", querystring: LangQuery },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const values = formValues(request.body);
      try {
        const input = parseOrThrow(
          CreateInstitutionBody,
          {
            slug: (values.slug ?? "").trim(),
            bin: (values.bin ?? "").trim(),
            kind: values.kind,
            names: { kk: values["names.kk"] ?? "", ru: values["names.ru"] ?? "", en: values["names.en"] ?? "" },
            credentialFormat: values.credentialFormat,
          },
          "form",
        );
        await createInstitution(input, ctx.principal.actor, deps);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return render(reply, ctx.frame, error.status, { institutionForm: { values, error: error.localized(ctx.frame.lang) } });
      }
      return reply.redirect(`/console/admin?lang=${ctx.frame.lang}&notice=done`, 303);
    },
  );

  const slugParams = z.object({ slug: SlugSchema });
  app.get(
    "/console/admin/institutions/:slug/rotate-key",
    { config: open, schema: { tags, summary: "Console: confirm a key rotation", params: slugParams, querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const institution = await institutionBySlug(request.params.slug, deps);
      if (!institution) throw new AppError("INSTITUTION_NOT_FOUND", { slug: request.params.slug });
      return html(reply, 200, renderRotatePage(ctx.frame, institution));
    },
  );
  app.post(
    "/console/admin/institutions/:slug/rotate-key",
    { config: open, schema: { tags, summary: "Console: rotate an institution's signing key", params: slugParams, querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      return act(
        reply,
        ctx.frame,
        async () => {
          const institution = await institutionBySlug(request.params.slug, deps);
          if (!institution) throw new AppError("INSTITUTION_NOT_FOUND", { slug: request.params.slug });
          await rotateInstitutionKey(institution, ctx.principal.actor, deps);
        },
        "rotated",
      );
    },
  );

  app.post(
    "/console/admin/users",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: add a user",
        querystring: LangQuery,
        body: z.object({ fullName: z.string().max(200), email: z.string().max(254) }),
      },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      return act(reply, ctx.frame, async () => {
        const parsed = z.object({ fullName: z.string().trim().min(1), email: z.email() }).safeParse(request.body);
        if (!parsed.success)
          throw new AppError("VALIDATION_FAILED", { summary: parsed.error.issues.map((i) => i.path.join(".")).join(", ") });
        await createUser({ ...parsed.data, isPlatformAdmin: false }, ctx.principal.actor, deps);
      });
    },
  );

  const userParams = z.object({ userId: z.string().min(1).max(64) });
  app.post(
    "/console/admin/users/:userId/roles",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: grant a role",
        params: userParams,
        querystring: LangQuery,
        body: z.object({ institution: z.string().max(64), role: z.string().max(40) }),
      },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      return act(reply, ctx.frame, async () => {
        const institution = await institutionBySlug(request.body.institution, deps);
        if (!institution) throw new AppError("INSTITUTION_NOT_FOUND", { slug: request.body.institution });
        const role = INSTITUTION_ROLES.find((r) => r === request.body.role);
        if (!role) throw new AppError("VALIDATION_FAILED", { summary: "role" });
        await grantRole(request.params.userId, institution, role, ctx.principal.actor, deps);
      });
    },
  );
  app.post(
    "/console/admin/users/:userId/password",
    { config: open, schema: { tags, summary: "Console: reset a password (shown once)", params: userParams, querystring: LangQuery } },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      try {
        const user = await deps.repos.users.findById(request.params.userId);
        const { password } = await resetPassword(request.params.userId, null, ctx.principal.actor, deps);
        const id = passwords.keep({ email: user?.email ?? "", password: password! }, ctx.principal.actor);
        return reply.redirect(`/console/admin?lang=${ctx.frame.lang}&shown=${id}`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return render(reply, ctx.frame, error.status, { error: error.localized(ctx.frame.lang) });
      }
    },
  );

  // ---- API tokens ----

  const tokenStatus = (r: ApiTokenRecord, now: Date): TokenRow["status"] =>
    r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= now ? "expired" : "active";

  /** Tokens as rows in the reader's language: owner (institution, platform, person), roles, dates, status. */
  async function rowsOf(frame: AdminFrame, tokens: readonly ApiTokenRecord[], institutions: readonly Institution[]): Promise<TokenRow[]> {
    const { lang } = frame;
    const byId = new Map(institutions.map((i) => [i.id, i]));
    const emails = tokens.some((r) => r.userId)
      ? new Map((await deps.repos.users.list({})).map((u) => [u.id, u.email]))
      : new Map<string, string>();
    const now = deps.clock();
    const rows = tokens.map((r): TokenRow => {
      const institution = r.institutionId ? (byId.get(r.institutionId)?.names[lang] ?? r.institutionId) : null;
      const owner = r.userId
        ? [fill(t("tokenPersonal", lang), { user: emails.get(r.userId) ?? r.userId }), institution].filter(Boolean).join(" · ")
        : (institution ?? t("tokenPlatform", lang));
      return {
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        owner,
        roles: r.roles,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        lastUsedAt: r.lastUsedAt,
        status: tokenStatus(r, now),
      };
    });
    return rows;
  }

  /** A page of every token (institutions', platform and personal ones), newest first. */
  async function tokenRows(
    frame: AdminFrame,
    offset: number,
  ): Promise<{ rows: TokenRow[]; total: number; offset: number; institutions: Institution[] }> {
    const institutions = await deps.repos.institutions.list();
    let page = await deps.repos.apiTokens.page({ limit: PAGE, offset });
    // Past the end (a token revoked from the last page, say): the last page.
    if (page.items.length === 0 && offset > 0 && page.total > 0) {
      offset = Math.floor((page.total - 1) / PAGE) * PAGE;
      page = await deps.repos.apiTokens.page({ limit: PAGE, offset });
    }
    return { rows: await rowsOf(frame, page.items, institutions), total: page.total, offset, institutions };
  }

  async function tokensPage(
    reply: FastifyReply,
    frame: AdminFrame,
    status: number,
    extra: {
      offset?: number;
      form?: TokenForm;
      notice?: string | null;
      errors?: readonly string[];
      secret?: { name: string; token: string } | null;
    },
  ) {
    const { rows, total, offset, institutions } = await tokenRows(frame, extra.offset ?? 0);
    return html(
      reply,
      status,
      renderTokensPage(frame, {
        rows,
        paging: { offset, limit: PAGE, total },
        institutions,
        form: extra.form ?? EMPTY_TOKEN_FORM,
        notice: extra.notice ?? null,
        errors: extra.errors ?? [],
        secret: extra.secret ?? null,
      }),
    );
  }

  app.get(
    "/console/admin/tokens",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: API tokens (a new token's secret shown once)",
        querystring: z.object({
          lang: Lang,
          offset: z.coerce.number().int().min(0).default(0),
          notice: z.enum(["revoked", "alreadyRevoked"]).optional(),
          shown: z.string().max(64).optional(),
        }),
      },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const { notice } = request.query;
      return tokensPage(reply, ctx.frame, 200, {
        offset: request.query.offset,
        notice: notice === "revoked" ? t("tokenRevoked", ctx.frame.lang) : notice ? t("tokenAlreadyRevoked", ctx.frame.lang) : null,
        secret: tokenSecrets.take(request.query.shown, ctx.principal.actor),
      });
    },
  );

  app.post(
    "/console/admin/tokens",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: create an API token",
        querystring: z.object({ lang: Lang }),
        body: z.object({
          institution: z.string().max(64).default(""),
          name: z.string().max(500).default(""),
          roles: z.union([z.string().max(40), z.array(z.string().max(40)).max(20)]).optional(),
          days: z.string().max(20).default(""),
        }),
      },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const { lang } = ctx.frame;
      const body = request.body;
      const form: TokenForm = {
        institution: body.institution,
        name: body.name,
        roles: body.roles === undefined ? [] : [body.roles].flat(),
        days: body.days,
      };
      const platform = form.institution === PLATFORM_CHOICE;
      const name = form.name.trim();
      const roles = INSTITUTION_ROLES.filter((r) => form.roles.includes(r));
      const days = form.days.trim() === "" ? null : Number(form.days);
      const errors = [
        ...(name.length === 0 || name.length > 100 ? [t("tokenNameMissing", lang)] : []),
        ...(!platform && roles.length === 0 ? [t("tokenRolesMissing", lang)] : []),
        ...(days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650) ? [t("tokenDaysInvalid", lang)] : []),
      ];
      if (errors.length > 0) return tokensPage(reply, ctx.frame, 400, { form, errors });
      try {
        const institution = platform ? null : await institutionBySlug(form.institution, deps);
        if (!platform && !institution) throw new AppError("INSTITUTION_NOT_FOUND", { slug: form.institution });
        const { token, record } = await issueApiToken(
          {
            name,
            institutionId: institution?.id ?? null,
            roles: platform ? [] : roles,
            platformAdmin: platform,
            expiresAt: days === null ? null : new Date(deps.clock().getTime() + days * DAY_MS),
            createdByUserId: ctx.principal.userId ?? null,
          },
          ctx.principal.actor,
          deps,
        );
        const id = tokenSecrets.keep({ name: record.name, token }, ctx.principal.actor);
        return reply.redirect(`/console/admin/tokens?lang=${lang}&shown=${id}`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return tokensPage(reply, ctx.frame, error.status, { form, errors: [error.localized(lang)] });
      }
    },
  );

  const tokenParams = z.object({ tokenId: z.string().min(1).max(64) });

  app.get(
    "/console/admin/tokens/:tokenId/revoke",
    {
      config: open,
      schema: { tags, summary: "Console: confirm revoking an API token", params: tokenParams, querystring: z.object({ lang: Lang }) },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const { lang } = ctx.frame;
      const token = await deps.repos.apiTokens.findById(request.params.tokenId);
      const [row] = token ? await rowsOf(ctx.frame, [token], await deps.repos.institutions.list()) : [];
      if (!row)
        return tokensPage(reply, ctx.frame, 404, {
          errors: [new AppError("TOKEN_NOT_FOUND", { tokenId: request.params.tokenId }).localized(lang)],
        });
      if (row.status === "revoked") return reply.redirect(`/console/admin/tokens?lang=${lang}&notice=alreadyRevoked`, 303);
      return html(reply, 200, renderTokenRevokePage(ctx.frame, row, null));
    },
  );

  app.post(
    "/console/admin/tokens/:tokenId/revoke",
    { config: open, schema: { tags, summary: "Console: revoke an API token", params: tokenParams, querystring: z.object({ lang: Lang }) } },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const { lang } = ctx.frame;
      try {
        const found = await deps.repos.apiTokens.findById(request.params.tokenId);
        if (!found) throw new AppError("TOKEN_NOT_FOUND", { tokenId: request.params.tokenId });
        await revokeApiToken(found.id, found.institutionId, ctx.principal.actor, deps);
        return reply.redirect(`/console/admin/tokens?lang=${lang}&notice=revoked`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // A second click on "revoke" (or a reload) finds the token revoked: nothing to do, and nothing to alarm about.
        if (error.code === "TOKEN_ALREADY_REVOKED") return reply.redirect(`/console/admin/tokens?lang=${lang}&notice=alreadyRevoked`, 303);
        return tokensPage(reply, ctx.frame, error.status, { errors: [error.localized(lang)] });
      }
    },
  );

  // ---- the trust registry ----

  async function trustPage(
    reply: FastifyReply,
    frame: AdminFrame,
    status: number,
    extra: { form?: TrustForm; notice?: string | null; error?: { lead: string; details: readonly string[] } | null },
  ) {
    return html(
      reply,
      status,
      renderTrustRegistryPage(frame, {
        entries: await deps.repos.trustRegistry.list(),
        form: extra.form ?? {},
        notice: extra.notice ?? null,
        error: extra.error ?? null,
      }),
    );
  }

  app.get(
    "/console/admin/trust-registry",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: edit the trust registry",
        querystring: z.object({
          lang: Lang,
          notice: z.enum(["added", "removed", "notListed", "replaced"]).optional(),
          count: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const { lang } = ctx.frame;
      const notice = {
        added: t("trustAdded", lang),
        removed: t("trustRemoved", lang),
        notListed: t("trustNotListed", lang),
        replaced: fill(t("trustReplaced", lang), { count: request.query.count ?? 0 }),
      };
      return trustPage(reply, ctx.frame, 200, { notice: request.query.notice ? notice[request.query.notice] : null });
    },
  );

  const field = z.string().max(4000).default("");
  app.post(
    "/console/admin/trust-registry/entries",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: add trust registry entries (one per DID) to the registry as it is",
        querystring: z.object({ lang: Lang }),
        body: z.object({
          dids: field,
          "names.kk": field,
          "names.ru": field,
          "names.en": field,
          kind: field,
          accreditation: field,
          validFrom: field,
          validUntil: field,
        }),
      },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const { lang } = ctx.frame;
      const f = request.body;
      const form: TrustForm = { ...f };
      const labels: Record<string, string> = {
        did: t("trustDids", lang),
        kind: t("kind", lang),
        accreditation: t("accreditation", lang),
        validFrom: t("trustValidFrom", lang),
        validUntil: t("trustValidUntil", lang),
        ...Object.fromEntries(
          (["kk", "ru", "en"] as const).map((l) => [`names.${l}`, fill(t("trustNameIn", lang), { lang: t("languageName", l) })]),
        ),
      };
      const dids = [...new Set(f.dids.split(/\s+/).filter(Boolean))];
      const wrong = new Set<string>(dids.length === 0 ? ["did"] : []);
      const entries: TrustedIssuer[] = [];
      // A day typed in the form covers all of it (UTC days, as the page shows them).
      const from = f.validFrom ? `${f.validFrom}T00:00:00Z` : null;
      const until = f.validUntil ? `${f.validUntil}T23:59:59Z` : null;
      if (from && until && until < from) wrong.add("validUntil");
      for (const did of dids.length > 0 ? dids : [""]) {
        const parsed = TrustRegistryEntry.safeParse({
          did,
          names: { kk: f["names.kk"], ru: f["names.ru"], en: f["names.en"] },
          kind: f.kind,
          accreditation: f.accreditation.trim() || null,
          validFrom: from,
          validUntil: until,
        });
        if (parsed.success) entries.push(trustedIssuerOf(parsed.data));
        else for (const issue of parsed.error.issues) wrong.add(issue.path.slice(0, 2).join("."));
      }
      if (wrong.size > 0) {
        const details = Object.keys(labels)
          .filter((k) => wrong.has(k))
          .map((k) => labels[k]!);
        return trustPage(reply, ctx.frame, 400, { form, error: { lead: t("trustEntryInvalid", lang), details } });
      }
      const result = await changeTrustRegistry({ add: entries }, ctx.principal.actor, deps);
      if ("conflict" in result) {
        return trustPage(reply, ctx.frame, 409, {
          form,
          error: { lead: fill(t("trustAlreadyListed", lang), { dids: result.dids.join(", ") }), details: [] },
        });
      }
      return reply.redirect(`/console/admin/trust-registry?lang=${lang}&notice=added`, 303);
    },
  );

  app.get(
    "/console/admin/trust-registry/remove",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: confirm removing a trust registry entry",
        querystring: z.object({ lang: Lang, did: z.string().max(2048) }),
      },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const entry = await deps.repos.trustRegistry.find(request.query.did);
      if (!entry) return trustPage(reply, ctx.frame, 404, { notice: t("trustNotListed", ctx.frame.lang) });
      return html(reply, 200, renderTrustRemovePage(ctx.frame, entry));
    },
  );

  app.post(
    "/console/admin/trust-registry/remove",
    {
      config: open,
      schema: {
        tags,
        summary: "Console: remove a trust registry entry from the registry as it is",
        querystring: z.object({ lang: Lang }),
        body: z.object({ did: z.string().max(2048) }),
      },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const result = await changeTrustRegistry({ remove: request.body.did }, ctx.principal.actor, deps);
      // Removing what is already gone (a second click) changes nothing and says so.
      return reply.redirect(
        `/console/admin/trust-registry?lang=${ctx.frame.lang}&notice=${"conflict" in result ? "notListed" : "removed"}`,
        303,
      );
    },
  );

  app.post(
    "/console/admin/trust-registry/file",
    {
      config: open,
      bodyLimit: 9 * 1024 * 1024,
      schema: {
        tags,
        summary: "Console: replace the whole trust registry from its exported JSON file",
        querystring: z.object({ lang: Lang }),
      },
    },
    async (request, reply) => {
      const ctx = await adminPage(request, reply);
      if (!ctx) return reply;
      const { lang } = ctx.frame;
      const body = (request.body ?? {}) as { file?: unknown; confirm?: unknown };
      const refuse = (lead: string, details: readonly string[] = []) => trustPage(reply, ctx.frame, 400, { error: { lead, details } });
      if (!Buffer.isBuffer(body.file) || body.file.length === 0) return refuse(t("trustFileMissing", lang));
      if (body.confirm !== "yes") return refuse(t("trustReplaceUnconfirmed", lang));
      let json: unknown;
      try {
        json = JSON.parse(body.file.toString("utf8").replace(/^\uFEFF/, ""));
      } catch (error) {
        return refuse(fill(t("trustFileNotJson", lang), { reason: error instanceof Error ? error.message : "?" }));
      }
      const parsed = TrustRegistryUpload.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues.map(problemOf);
        return refuse(t("trustFileInvalid", lang), issues.length > 20 ? [...issues.slice(0, 20), "…"] : issues);
      }
      const saved = await replaceTrustRegistry(parsed.data.issuers.map(trustedIssuerOf), ctx.principal.actor, deps);
      return reply.redirect(`/console/admin/trust-registry?lang=${lang}&notice=replaced&count=${saved.length}`, 303);
    },
  );
};

/** A problem in the file, with where it is as a reader would write it: "issuers[2].names.kk: …". */
function problemOf(issue: { path: readonly PropertyKey[]; message: string }): string {
  const place = issue.path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
  return place ? `${place}: ${issue.message}` : issue.message;
}
