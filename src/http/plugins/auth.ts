// Access control in one place. Every route declares config.access (a Requirement); this hook
// authenticates the bearer token, loads the institution a /orgs/:slug route addresses, and decides.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { decide, type Principal, type Requirement } from "../../domain/access/roles.js";
import type { Institution } from "../../domain/institutions/institution.js";
import { AppError } from "../../errors.js";
import { authenticateBearer } from "../../services/api-tokens.js";
import type { Deps } from "../../services/deps.js";
import { institutionBySlug } from "../../services/did-documents.js";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Requirement;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The institution addressed by :slug, loaded and access-checked by the auth hook. */
    institution: Institution | null;
  }
}

/** Routes added by third-party plugins (Swagger UI) that are public by nature. */
const PUBLIC_PREFIXES = ["/docs"];

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("principal", null);
  app.decorateRequest("institution", null);

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
}

async function principalOf(request: FastifyRequest, deps: Deps): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new AppError("TOKEN_INVALID");
  return authenticateBearer(match[1], deps);
}
