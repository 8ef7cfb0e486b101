// Access control in one place. Every route declares config.access (a Requirement); this hook
// authenticates the bearer token, loads the institution a /orgs/:slug route addresses, and decides.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { decide, type Principal, type Requirement } from "../../domain/access/roles.js";
import type { Institution } from "../../domain/institutions/institution.js";
import { AppError } from "../../errors.js";
import { authenticateBearer } from "../../services/api-tokens.js";
import type { Deps } from "../../services/deps.js";
import { institutionBySlug } from "../../services/did-documents.js";
import { csrfMatches, SESSION_COOKIE, sessionPrincipal } from "../../services/sessions.js";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Requirement;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** Set when the caller is a signed-in browser (the console): its CSRF token and the user's name. */
    session: { csrfToken: string; userName: string } | null;
    /** The institution addressed by :slug, loaded and access-checked by the auth hook. */
    institution: Institution | null;
  }
}

/** Routes added by third-party plugins (Swagger UI) that are public by nature. */
const PUBLIC_PREFIXES = ["/docs", "/web/", "/vendor/"];

const CONSOLE_PATH = /^\/console(?:[/?]|$)/;

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("principal", null);
  app.decorateRequest("institution", null);
  app.decorateRequest("session", null);

  app.addHook("onRoute", (route) => {
    if (route.config?.access) return;
    if (PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), access: { scope: "public" } };
      return;
    }
    throw new Error(`route ${String(route.method)} ${route.url} declares no access requirement (config.access)`);
  });

  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // 404 handler
    request.principal = access.scope === "public" && access.protocolBearer ? null : await principalOf(request, deps);
    // Public routes outside the console act for nobody, so a session cookie is not read there: a signed-in person
    // can use the public verification page and the VC API like anyone else, with no CSRF token to send.
    const readsSession = access.scope !== "public" || CONSOLE_PATH.test(request.url);
    if (!request.principal && !request.headers.authorization && readsSession) {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) {
        try {
          const found = await sessionPrincipal(sessionId, deps);
          if (found) {
            request.principal = found.principal;
            request.session = { csrfToken: found.csrfToken, userName: found.userName };
          }
        } catch (error) {
          // A stale cookie does not spoil public pages; elsewhere it is a clear 401.
          if (access.scope !== "public") throw error;
        }
      }
    }

    const slug = (request.params as Record<string, string> | undefined)?.slug;
    if (access.scope === "institution" && slug === undefined) {
      throw new Error(`route ${request.routeOptions.url} is institution-scoped but has no :slug`);
    }
    // Anonymous callers learn nothing about which institutions exist before they authenticate.
    if (access.scope !== "public" && !request.principal) throw new AppError("UNAUTHENTICATED");

    if (slug !== undefined) {
      const institution = await institutionBySlug(slug, deps);
      if (!institution) throw new AppError("INSTITUTION_NOT_FOUND", { slug });
      request.institution = institution;
    }
    if (access.scope === "public" || access.scope === "authenticated") return;
    const decision = decide(request.principal, access, request.institution?.id);
    if (decision.allowed) return;
    if (decision.reason === "other_institution") throw new AppError("OTHER_INSTITUTION", { slug: slug ?? "" });
    const required = access.scope === "platform" ? "platform_admin" : access.roles.join(", ");
    throw new AppError("FORBIDDEN", { roles: decision.held.join(", ") || "—", required });
  });

  // A browser session changes nothing without the session's CSRF token (header or form field): another site can
  // make the browser send the cookie, but cannot read the token.
  const checkCsrf = async (request: FastifyRequest) => {
    if (!request.session || SAFE_METHODS.has(request.method)) return;
    const sent = request.headers["x-csrf-token"] ?? (request.body as Record<string, unknown> | undefined)?._csrf;
    if (!csrfMatches(request.session.csrfToken, sent)) throw new AppError("CSRF_TOKEN_INVALID");
    if (request.body && typeof request.body === "object" && "_csrf" in request.body) delete (request.body as Record<string, unknown>)._csrf;
  };
  const isMultipart = (request: FastifyRequest) => (request.headers["content-type"] ?? "").startsWith("multipart/");
  // Before validation, so that a forged request learns nothing; multipart forms are read by their plugin's own
  // preValidation, after ours, so their token is checked just before the handler.
  app.addHook("preValidation", async (request) => (isMultipart(request) ? undefined : checkCsrf(request)));
  app.addHook("preHandler", async (request) => (isMultipart(request) ? checkCsrf(request) : undefined));
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

async function principalOf(request: FastifyRequest, deps: Deps): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new AppError("TOKEN_INVALID");
  return authenticateBearer(match[1], deps);
}
