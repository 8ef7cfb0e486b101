import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { TrustedIssuer } from "../../db/repositories/trust-registry.js";
import type { Deps } from "../../services/deps.js";
import { replaceTrustRegistry } from "../../services/trust-registry.js";
import { LocalizedTextSchema, problems } from "../schemas/common.js";
import { DidSchema } from "../schemas/learners.js";

export const TrustRegistryEntry = z.strictObject({
  did: DidSchema,
  names: LocalizedTextSchema,
  kind: z
    .enum(["higher", "tvet", "recognition_centre", "other"])
    .describe("recognition_centre: an accredited centre for recognising professional qualifications (R п.20)"),
  accreditation: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .nullable()
    .default(null)
    .describe("What backs the entry: agency, certificate number, register"),
  validFrom: z.iso.datetime({ offset: true }).nullable().default(null),
  validUntil: z.iso.datetime({ offset: true }).nullable().default(null),
});

/** What PUT takes (the export; platformInstitutions is ignored). The console's upload checks files with it too. */
export const TrustRegistryUpload = z
  .strictObject({ issuers: z.array(TrustRegistryEntry).max(10_000), platformInstitutions: z.array(z.unknown()).optional() })
  .refine((b) => new Set(b.issuers.map((i) => i.did)).size === b.issuers.length, "each DID appears once");

/** An entry as checked by the schema → as stored. */
export const trustedIssuerOf = (e: z.infer<typeof TrustRegistryEntry>): TrustedIssuer => ({
  ...e,
  validFrom: e.validFrom ? new Date(e.validFrom) : null,
  validUntil: e.validUntil ? new Date(e.validUntil) : null,
});

const Registry = z
  .object({
    issuers: z.array(TrustRegistryEntry),
    platformInstitutions: z.array(z.object({ did: z.string(), names: LocalizedTextSchema, kind: z.string() })).optional(),
  })
  .meta({
    id: "TrustRegistry",
    description: "Issuers this platform vouches for. PUT takes the same document (platformInstitutions is ignored).",
  });

const view = (e: TrustedIssuer) => ({
  ...e,
  validFrom: e.validFrom?.toISOString() ?? null,
  validUntil: e.validUntil?.toISOString() ?? null,
});

export const trustRegistryRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    "/trust-registry",
    {
      config: { access: { scope: "public" } },
      schema: { tags: ["verification"], summary: "The issuers this platform vouches for (export)", response: { 200: Registry } },
    },
    async (_request, reply) => {
      const [issuers, institutions] = await Promise.all([deps.repos.trustRegistry.list(), deps.repos.institutions.list()]);
      return reply.header("access-control-allow-origin", "*").send({
        issuers: issuers.map(view),
        platformInstitutions: institutions.map((i) => ({ did: i.did, names: i.names, kind: i.kind })),
      });
    },
  );

  app.put(
    "/trust-registry",
    {
      config: { access: { scope: "platform" } },
      schema: {
        tags: ["verification"],
        summary: "Replace the trust registry from the exported format",
        security: [{ bearer: [] }],
        body: TrustRegistryUpload,
        response: { 200: Registry, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const saved = await replaceTrustRegistry(request.body.issuers.map(trustedIssuerOf), request.principal!.actor, deps);
      return { issuers: saved.map(view) };
    },
  );
};
