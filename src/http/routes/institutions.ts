import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ANY_MEMBER } from "../../domain/access/roles.js";
import type { Institution } from "../../domain/institutions/institution.js";
import { ed25519Multibase, verificationMethodId } from "../../credentials/did-web.js";
import { createInstitution } from "../../services/create-institution.js";
import type { Deps } from "../../services/deps.js";
import { publicKeyOf } from "../../services/caches.js";
import { updateInstitution } from "../../services/update-institution.js";
import { rotateInstitutionKey } from "../../services/rotate-institution-key.js";
import { problems } from "../schemas/common.js";
import { CreateInstitutionBody, InstitutionKeyView, InstitutionView, SlugParams, UpdateInstitutionBody } from "../schemas/institutions.js";
import { institutionView } from "../views.js";

export const institutionRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const view = async (institution: Institution) => {
    const publicKeyHex = await publicKeyOf(institution.activeKid, deps);
    if (!publicKeyHex) throw new Error(`institution ${institution.slug} has no stored signing key ${institution.activeKid}`);
    return institutionView(institution, publicKeyHex, deps.config.publicUrl);
  };

  app.post(
    "/orgs",
    {
      config: { access: { scope: "platform" } },
      schema: {
        tags: ["institutions"],
        summary: "Register an education organisation",
        description: "Creates its did:web under PUBLIC_URL and an Ed25519 signing key (sealed at rest).",
        security: [{ bearer: [] }],
        body: CreateInstitutionBody,
        response: { 201: InstitutionView, ...problems(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const institution = await createInstitution(request.body, request.principal!.actor, deps);
      return reply
        .code(201)
        .header("location", `/orgs/${institution.slug}`)
        .send(await view(institution));
    },
  );

  app.get(
    "/orgs",
    {
      config: { access: { scope: "authenticated" } },
      schema: {
        tags: ["institutions"],
        summary: "List institutions: all for a platform admin, one's own for staff",
        security: [{ bearer: [] }],
        response: { 200: z.object({ items: z.array(InstitutionView) }), ...problems(401) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const institutions = principal.platformAdmin
        ? await deps.repos.institutions.list()
        : await deps.repos.institutions.list({ ids: [...new Set(principal.grants.map((g) => g.institutionId))] });
      return { items: await Promise.all(institutions.map(view)) };
    },
  );

  app.get(
    "/orgs/:slug",
    {
      config: { access: { scope: "institution", roles: ANY_MEMBER } },
      schema: {
        tags: ["institutions"],
        summary: "One institution",
        security: [{ bearer: [] }],
        params: SlugParams,
        response: { 200: InstitutionView, ...problems(401, 403, 404) },
      },
    },
    async (request) => view(request.institution!),
  );

  app.patch(
    "/orgs/:slug",
    {
      config: { access: { scope: "platform" } },
      schema: {
        tags: ["institutions"],
        summary: "Change an institution's names or contact (slug, BIN, kind and DID are fixed)",
        security: [{ bearer: [] }],
        params: SlugParams,
        body: UpdateInstitutionBody,
        response: { 200: InstitutionView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      return view(await updateInstitution(request.institution!, request.body, request.principal!.actor, deps));
    },
  );

  app.get(
    "/orgs/:slug/keys",
    {
      config: { access: { scope: "institution", roles: ANY_MEMBER } },
      schema: {
        tags: ["institutions"],
        summary: "The institution's signing keys, current first",
        security: [{ bearer: [] }],
        params: SlugParams,
        response: { 200: z.object({ items: z.array(InstitutionKeyView) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const institution = request.institution!;
      const history = await deps.repos.institutions.keys(institution.id);
      const items = await Promise.all(
        history.map(async (k) => {
          const key = await deps.repos.veramo.getKey(k.kid);
          if (!key) throw new Error(`key ${k.kid} of ${institution.slug} is missing from the key store`);
          return {
            verificationMethod: verificationMethodId(institution.did, key.publicKeyHex),
            type: "Multikey" as const,
            publicKeyMultibase: ed25519Multibase(key.publicKeyHex),
            active: k.kid === institution.activeKid,
            createdAt: k.createdAt.toISOString(),
            retiredAt: k.retiredAt?.toISOString() ?? null,
          };
        }),
      );
      items.sort((a, b) => Number(b.active) - Number(a.active));
      return { items };
    },
  );

  app.post(
    "/orgs/:slug/keys/rotate",
    {
      config: { access: { scope: "platform" } },
      schema: {
        tags: ["institutions"],
        summary: "Rotate the signing key",
        description:
          "Adds a new Ed25519 key and signs with it from now on; earlier keys stay in the DID document so issued credentials keep verifying.",
        security: [{ bearer: [] }],
        params: SlugParams,
        response: { 201: InstitutionView, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const updated = await rotateInstitutionKey(request.institution!, request.principal!.actor, deps);
      return reply.code(201).send(await view(updated));
    },
  );

  app.get(
    "/orgs/:slug/audit",
    {
      config: { access: { scope: "institution", roles: ["registrar"] } },
      schema: {
        tags: ["institutions"],
        summary: "What was done in this institution, newest first",
        security: [{ bearer: [] }],
        params: SlugParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          before: z.iso.datetime({ offset: true }).optional(),
          lang: z.enum(["kk", "ru", "en"]).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                at: z.string(),
                actor: z.string(),
                action: z.string(),
                subject: z.string().nullable(),
                details: z.record(z.string(), z.unknown()).nullable(),
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const rows = await deps.repos.audit.list({
        institutionId: request.institution!.id,
        limit: request.query.limit,
        before: request.query.before ? new Date(request.query.before) : undefined,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actor: r.actor,
          action: r.action,
          subject: r.subject,
          details: r.details,
        })),
      };
    },
  );
};
