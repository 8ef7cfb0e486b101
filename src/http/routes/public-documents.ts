// Public documents that credentials point to: the JSON Schema of our credential type and each
// programme's Open Badges Achievement.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { buildAchievement } from "../../domain/qualifications/micro-credential.js";
import { AppError } from "../../errors.js";
import { projectRoot } from "../../paths.js";
import type { Deps } from "../../services/deps.js";
import { findProgramme } from "../../services/programmes.js";
import { achievementUrlOf, decisionSchemaUrlOf, schemaUrlOf } from "../../services/urls.js";
import { RECOGNITION_CONTEXT_PATH, recognitionContext } from "../../credentials/data-integrity.js";
import { problems } from "../schemas/common.js";
import { ProgrammeParams } from "../schemas/programmes.js";

export const publicDocumentRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // Our credentials' JSON Schemas, read once at start (generated at build time) and served under this deployment's URL.
  const schemaFiles = [
    {
      file: "micro-qualification-credential.json",
      id: schemaUrlOf(deps.config.publicUrl),
      name: "MicroQualificationCredential (its credentialSchema)",
    },
    { file: "recognition-decision-credential.json", id: decisionSchemaUrlOf(deps.config.publicUrl), name: "RecognitionDecisionCredential" },
  ];
  for (const { file, id, name } of schemaFiles) {
    const served = { ...(JSON.parse(readFileSync(path.join(projectRoot, "schemas", file), "utf8")) as Record<string, unknown>), $id: id };
    app.get(
      `/schemas/${file}`,
      {
        config: { access: { scope: "public" } },
        schema: { tags: ["credentials"], summary: `JSON Schema of the ${name}`, response: { 200: z.record(z.string(), z.unknown()) } },
      },
      async (_request, reply) =>
        reply
          .header("access-control-allow-origin", "*")
          .header("cache-control", "public, max-age=3600")
          .type("application/schema+json")
          .send(served),
    );
  }
  app.get(
    RECOGNITION_CONTEXT_PATH,
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["credentials"],
        summary: "The JSON-LD context of the RecognitionDecisionCredential",
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (_request, reply) =>
      reply
        .header("access-control-allow-origin", "*")
        .header("cache-control", "public, max-age=86400")
        .type("application/ld+json")
        .send(recognitionContext as Record<string, unknown>),
  );

  app.get(
    "/orgs/:slug/achievements/:code",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["programmes"],
        summary: "A published programme as an Open Badges 3.0 Achievement (the credentials' achievement id)",
        params: ProgrammeParams,
        response: { 200: z.record(z.string(), z.unknown()), ...problems(404) },
      },
    },
    async (request, reply) => {
      const institution = request.institution!;
      const programme = await findProgramme(institution, request.params.code, deps);
      // Drafts are internal; published and retired programmes stay describable for the credentials they issued.
      if (programme.status !== "published" && programme.status !== "retired")
        throw new AppError("PROGRAMME_NOT_FOUND", { code: request.params.code });
      const achievement = buildAchievement({
        achievementUrl: achievementUrlOf(deps.config.publicUrl, institution.slug, programme.code),
        code: programme.code,
        content: programme.content,
        workload: { credits: programme.credits, hours: programme.hours },
      });
      return reply.header("access-control-allow-origin", "*").send({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        ...achievement,
        status: programme.status,
        names: programme.content.qualificationName,
      });
    },
  );
};
