import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.js";
import type { Deps } from "../../services/deps.js";
import { didDocumentFor, platformDid } from "../../services/did-documents.js";
import { problems } from "../schemas/common.js";
import { SlugParams } from "../schemas/institutions.js";

const DidDocumentSchema = z.object({ id: z.string() }).catchall(z.unknown()).meta({ id: "DidDocument" });

export const didDocumentRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const send = async (did: string) => {
    const document = await didDocumentFor(did, deps);
    if (!document) throw new AppError("ROUTE_NOT_FOUND", { method: "GET", url: did });
    return document;
  };
  // Wallets and verifiers in browsers fetch DID documents across origins.
  const headers = { "access-control-allow-origin": "*", "cache-control": "public, max-age=300" };

  app.get(
    "/.well-known/did.json",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["identifiers"],
        summary: "The platform's DID document (did:web)",
        response: { 200: DidDocumentSchema, ...problems(404) },
      },
    },
    async (_request, reply) => {
      const document = await send(platformDid(deps));
      return reply
        .headers(headers)
        .type("application/did+json")
        .send({ ...document });
    },
  );

  app.get(
    "/orgs/:slug/did.json",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["identifiers"],
        summary: "An institution's DID document: did:web:{host}:orgs:{slug}",
        description:
          "Lists every key the institution has signed with (current first), all valid for assertion, so credentials issued before a key rotation still verify.",
        params: SlugParams,
        response: { 200: DidDocumentSchema, ...problems(404) },
      },
    },
    async (request, reply) => {
      const document = await send(request.institution!.did);
      return reply
        .headers(headers)
        .type("application/did+json")
        .send({ ...document });
    },
  );
};
