// The platform administrator's console: institutions (key rotation behind a confirmation), users (create, grant a
// role, reset a password — shown once), and the trust registry. Same services as the API.
import { randomBytes } from "node:crypto";
import formbody from "@fastify/formbody";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { INSTITUTION_ROLES, type Principal } from "../../domain/access/roles.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../../services/deps.js";
import { institutionBySlug } from "../../services/did-documents.js";
import { rotateInstitutionKey } from "../../services/rotate-institution-key.js";
import { resetPassword } from "../../services/sessions.js";
import { createUser, grantRole } from "../../services/users.js";
import { sendHtml, signedIn } from "../console-kit.js";
import { renderAdminPage, renderRotatePage, type AdminFrame } from "../pages/admin-pages.js";
import { t } from "../pages/messages.js";
import { SlugSchema } from "../schemas/institutions.js";

const LangQuery = z.object({
  lang: z.enum(["kk", "ru", "en"]).optional(),
  notice: z.enum(["done", "rotated"]).optional(),
  shown: z.string().max(64).optional(),
});

/**
 * A generated password waits here for the one page that shows it (Post/Redirect/Get: reloading that page cannot
 * reset the password again). Read once, kept two minutes, in this process's memory only: never stored.
 */
const oneTime = new Map<string, { email: string; password: string; until: number; viewer: string }>();

export const consoleAdminRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(formbody, { bodyLimit: 16 * 1024 });
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
    extra: { notice?: string | null; error?: string | null; generatedPassword?: { email: string; password: string } | null },
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
      const shown = request.query.shown ? oneTime.get(request.query.shown) : undefined;
      if (request.query.shown) oneTime.delete(request.query.shown);
      const generatedPassword =
        shown && shown.until > Date.now() && shown.viewer === ctx.principal.actor ? { email: shown.email, password: shown.password } : null;
      return render(reply, ctx.frame, 200, { notice, generatedPassword });
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
        const id = randomBytes(18).toString("base64url");
        for (const [key, value] of oneTime) if (value.until <= Date.now()) oneTime.delete(key);
        oneTime.set(id, { email: user?.email ?? "", password: password!, until: Date.now() + 120_000, viewer: ctx.principal.actor });
        return reply.redirect(`/console/admin?lang=${ctx.frame.lang}&shown=${id}`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return render(reply, ctx.frame, error.status, { error: error.localized(ctx.frame.lang) });
      }
    },
  );
};
