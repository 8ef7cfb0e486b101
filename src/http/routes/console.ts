// The staff console: sign-in with a local account, the home page with the user's roles, sign-out; and the
// administrator's password reset. The session cookie is HttpOnly, SameSite=Lax, and Secure behind TLS.
import { randomBytes } from "node:crypto";
import formbody from "@fastify/formbody";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, type Lang } from "../../errors.js";
import type { Deps } from "../../services/deps.js";
import { csrfMatches, resetPassword, SESSION_COOKIE, signIn, signOut, ABSOLUTE_MS } from "../../services/sessions.js";
import { pickLang } from "../lang.js";
import { LANG_COOKIE, sendHtml } from "../console-kit.js";
import { institutionBySlug } from "../../services/did-documents.js";
import { finishSso, putSso, SSO_COOKIE, startSso } from "../../services/sso.js";
import { renderConsoleHome, renderSignInPage } from "../pages/console-pages.js";
import { problems } from "../schemas/common.js";

const LOGIN_COOKIE = "kualik_login";
const LangQuery = z.strictObject({ lang: z.enum(["kk", "ru", "en"]).optional(), ended: z.literal("1").optional() });

export const consoleRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(formbody, { bodyLimit: 16 * 1024 });
  const tags = ["console"];
  const secure = deps.config.publicUrl.protocol === "https:" || deps.config.tls !== undefined;
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax" as const, secure };

  /** The language: ?lang= (remembered in a cookie), else the cookie, else the browser's. */
  const langOf = (request: FastifyRequest, reply: FastifyReply): Lang => {
    const asked = (request.query as { lang?: Lang }).lang;
    if (asked) {
      void reply.setCookie(LANG_COOKIE, asked, { path: "/", sameSite: "lax", secure, maxAge: 365 * 24 * 3600 });
      return asked;
    }
    return pickLang(request.headers["accept-language"], request.cookies[LANG_COOKIE]);
  };
  const html = sendHtml;

  // Sign-in is protected from cross-site posting by a token tied to a short-lived cookie (no session yet).
  const signInPage = async (reply: FastifyReply, lang: Lang, status: number, error: string | null, email = "") => {
    const loginToken = randomBytes(24).toString("base64url");
    void reply.setCookie(LOGIN_COOKIE, loginToken, { ...cookieOptions, maxAge: 3600 });
    const ids = await deps.repos.sso.institutionsWithSso();
    const sso = (await deps.repos.institutions.list({ ids })).map((i) => ({ slug: i.slug, name: i.names[lang] }));
    return html(reply, status, renderSignInPage({ lang, loginToken, error, email, sso }));
  };

  app.get(
    "/console/sign-in",
    { config: { access: { scope: "public" } }, schema: { tags, summary: "Sign-in page of the staff console", querystring: LangQuery } },
    async (request, reply) => {
      if (request.session) return reply.redirect("/console", 303);
      const lang = langOf(request, reply);
      if (request.query.ended) void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return signInPage(reply, lang, 200, request.query.ended ? new AppError("SESSION_EXPIRED").localized(lang) : null);
    },
  );

  app.post(
    "/console/sign-in",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags,
        summary: "Sign in with e-mail and password (form post)",
        querystring: LangQuery,
        body: z.object({ email: z.string().max(254), password: z.string().max(1024), _login: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const lang = langOf(request, reply);
      if (!csrfMatches(request.cookies[LOGIN_COOKIE] ?? "", request.body._login))
        return signInPage(reply, lang, 403, new AppError("CSRF_TOKEN_INVALID").localized(lang), request.body.email);
      try {
        const signed = await signIn(request.body.email, request.body.password, deps);
        void reply
          .clearCookie(LOGIN_COOKIE, { path: "/" })
          .setCookie(SESSION_COOKIE, signed.sessionId, { ...cookieOptions, maxAge: ABSOLUTE_MS / 1000 });
        return reply.redirect("/console", 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return signInPage(reply, lang, error.status, error.localized(lang), request.body.email);
      }
    },
  );

  app.get(
    "/console",
    { config: { access: { scope: "public" } }, schema: { tags, summary: "Home of the staff console (signed in)", querystring: LangQuery } },
    async (request, reply) => {
      const lang = langOf(request, reply);
      if (!request.session || !request.principal)
        return reply.redirect(`/console/sign-in?lang=${lang}${request.cookies[SESSION_COOKIE] ? "&ended=1" : ""}`, 303);
      const institutions = new Map<string, { name: string; slug: string }>();
      for (const g of request.principal.grants) {
        if (institutions.has(g.institutionId)) continue;
        const institution = await deps.repos.institutions.findById(g.institutionId);
        if (institution) institutions.set(g.institutionId, { name: institution.names[lang], slug: institution.slug });
      }
      return html(
        reply,
        200,
        renderConsoleHome({
          lang,
          userName: request.session.userName,
          principal: request.principal,
          institutions,
          csrfToken: request.session.csrfToken,
        }),
      );
    },
  );

  app.post(
    "/console/sign-out",
    {
      config: { access: { scope: "authenticated" } },
      schema: { tags, summary: "Sign out (form post with the CSRF token)", querystring: LangQuery },
    },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await signOut(sessionId, deps);
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.redirect(`/console/sign-in?lang=${langOf(request, reply)}`, 303);
    },
  );

  // ---- single sign-on through the institution's OpenID Connect provider ----
  app.put(
    "/orgs/:slug/sso",
    {
      config: { access: { scope: "platform" } },
      schema: {
        tags: ["access"],
        summary: "Configure an institution's single sign-on (OpenID Connect); the client secret is sealed at rest",
        security: [{ bearer: [] }],
        params: z.strictObject({ slug: z.string().min(1).max(64) }),
        body: z.strictObject({
          issuer: z.url(),
          clientId: z.string().min(1).max(200),
          clientSecret: z.string().min(1).max(500),
          emailDomain: z.string().max(200).nullable().default(null),
        }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await putSso(request.institution!, request.body, request.principal!.actor, deps);
      return reply.code(204).send(null);
    },
  );
  const ssoParams = z.strictObject({ slug: z.string().min(1).max(64) });
  app.get(
    "/console/sso/:slug",
    {
      config: { access: { scope: "public" } },
      schema: { tags, summary: "Start signing in through the institution's provider", params: ssoParams, querystring: LangQuery },
    },
    async (request, reply) => {
      const lang = langOf(request, reply);
      try {
        const institution = await institutionBySlug(request.params.slug, deps);
        if (!institution) throw new AppError("INSTITUTION_NOT_FOUND", { slug: request.params.slug });
        const { url, cookie } = await startSso(institution, deps);
        void reply.setCookie(SSO_COOKIE, cookie, { ...cookieOptions, maxAge: 600 });
        return reply.redirect(url, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return signInPage(reply, lang, error.status, error.localized(lang));
      }
    },
  );
  app.get(
    "/console/sso/:slug/callback",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags,
        summary: "The provider sends the browser back here",
        params: ssoParams,
        querystring: z.record(z.string(), z.string()),
      },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers["accept-language"], request.cookies[LANG_COOKIE]);
      void reply.clearCookie(SSO_COOKIE, { path: "/" });
      try {
        const institution = await institutionBySlug(request.params.slug, deps);
        if (!institution) throw new AppError("INSTITUTION_NOT_FOUND", { slug: request.params.slug });
        const signed = await finishSso(institution, request.url.split("?")[1] ?? "", request.cookies[SSO_COOKIE], deps);
        void reply.setCookie(SESSION_COOKIE, signed.sessionId, { ...cookieOptions, maxAge: ABSOLUTE_MS / 1000 });
        return reply.redirect("/console", 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return signInPage(reply, lang, error.status, error.localized(lang));
      }
    },
  );

  app.put(
    "/users/:userId/password",
    {
      config: { access: { scope: "platform" } },
      schema: {
        tags: ["access"],
        summary: "Set a user's console password, or have one generated (shown once); ends the user's sessions and lifts a lock-out",
        security: [{ bearer: [] }],
        params: z.strictObject({ userId: z.string().min(1).max(64) }),
        body: z.strictObject({ password: z.string().max(1024).optional() }),
        response: {
          200: z.object({ password: z.string().nullable().describe("The generated password, when none was given") }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) =>
      reply
        .header("cache-control", "no-store")
        .send(await resetPassword(request.params.userId, request.body.password ?? null, request.principal!.actor, deps)),
  );
};
