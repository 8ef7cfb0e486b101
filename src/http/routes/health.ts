import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.js";
import type { Deps } from "../../services/deps.js";
import { problems } from "../schemas/common.js";

export const healthRoutes: FastifyPluginAsyncZod<{ deps: Deps; version: string }> = async (app, { deps, version }) => {
  const startedAt = Date.now();

  app.get(
    "/health",
    {
      config: { access: { scope: "public" }, rateLimit: false },
      schema: {
        tags: ["operations"],
        summary: "The process is up",
        response: { 200: z.object({ status: z.literal("ok"), version: z.string(), uptimeSeconds: z.number() }) },
      },
    },
    async () => ({ status: "ok" as const, version, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }),
  );

  app.get(
    "/ready",
    {
      config: { access: { scope: "public" }, rateLimit: false },
      schema: {
        tags: ["operations"],
        summary: "The database is reachable",
        response: { 200: z.object({ status: z.literal("ready"), database: z.enum(["sqlite", "postgres"]) }), ...problems(503) },
      },
    },
    async (request) => {
      try {
        await deps.db.$queryRawUnsafe("SELECT 1");
      } catch (error) {
        request.log.warn({ err: error }, "readiness check failed");
        throw new AppError("DATABASE_UNAVAILABLE");
      }
      return { status: "ready" as const, database: deps.config.database.provider };
    },
  );
};
