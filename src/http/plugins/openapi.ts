import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

export async function registerOpenApi(app: FastifyInstance, options: { version: string; publicUrl: URL }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Kualik",
        version: options.version,
        description:
          "Verifiable credentials for micro-qualifications and recognition decisions of Kazakhstan's universities and colleges. Errors are RFC 9457 problem+json with a stable `code`; send `Accept-Language: kk|ru|en` for the human text.",
      },
      servers: [{ url: options.publicUrl.href.replace(/\/$/, "") }],
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token, or KUALIK_ADMIN_TOKEN" } } },
      tags: [
        { name: "operations", description: "Health and readiness" },
        { name: "institutions", description: "Education organisations, their DIDs and keys" },
        { name: "identifiers", description: "DID documents (did:web)" },
        { name: "access", description: "API tokens, users and roles" },
        { name: "programmes", description: "Micro-qualification programmes (M п.9–11, appendix)" },
        { name: "learners", description: "Learners and final attestation results (M п.16–17)" },
        { name: "credentials", description: "Issued micro-qualification credentials, their status lists and QR codes" },
        { name: "verification", description: "Verifying any incoming credential (W3C VC API)" },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
}
