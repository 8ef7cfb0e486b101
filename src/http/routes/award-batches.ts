import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AwardBatch } from "../../db/repositories/award-batches.js";
import { AppError } from "../../errors.js";
import { readCohortCsv, startAwardBatch } from "../../services/award-batches.js";
import type { Deps } from "../../services/deps.js";
import { findProgramme } from "../../services/programmes.js";
import { problems } from "../schemas/common.js";
import { CredentialFormatSchema } from "../schemas/credentials.js";
import { SlugParams, SlugSchema } from "../schemas/institutions.js";
import { ProgrammeParams } from "../schemas/programmes.js";
import { parseOrThrow } from "../validate.js";

const cell = z.string().max(500).optional();
const JsonRows = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        full_name: cell,
        iin: cell,
        result: z
          .union([z.string().max(20), z.number()])
          .transform(String)
          .optional(),
        session: cell,
        held_on: cell,
        email: cell,
        holder_did: cell,
      }),
    )
    .min(1),
});

const BatchView = z
  .object({
    id: z.string(),
    programme: z.string(),
    format: CredentialFormatSchema,
    status: z.enum(["queued", "running", "completed", "failed"]),
    total: z.number(),
    processed: z.number(),
    issued: z.number(),
    alreadyIssued: z.number(),
    failed: z.number(),
    percent: z.number(),
    fileName: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    links: z.object({ self: z.string(), events: z.string(), results: z.string() }),
  })
  .meta({ id: "AwardBatch" });

const BatchParams = z.strictObject({ slug: SlugSchema, batchId: z.uuid() });

export const awardBatchRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const security = [{ bearer: [] }];
  const readers = { access: { scope: "institution", roles: ["registrar", "viewer"] } } as const;
  const codes = new Map<string, string>();
  const codeOf = async (programmeId: string) => {
    if (!codes.has(programmeId)) codes.set(programmeId, (await deps.repos.programmes.findById(programmeId))?.code ?? programmeId);
    return codes.get(programmeId)!;
  };
  const view = async (slug: string, b: AwardBatch): Promise<z.infer<typeof BatchView>> => {
    const self = `/orgs/${slug}/award-batches/${b.id}`;
    return {
      id: b.id,
      programme: await codeOf(b.programmeId),
      format: b.format,
      status: b.status,
      total: b.total,
      processed: b.processed,
      issued: b.issued,
      alreadyIssued: b.alreadyIssued,
      failed: b.failed,
      percent: b.total === 0 ? 100 : Math.floor((b.processed / b.total) * 100),
      fileName: b.fileName,
      error: b.error,
      createdAt: b.createdAt.toISOString(),
      finishedAt: b.finishedAt?.toISOString() ?? null,
      links: { self, events: `${self}/events`, results: `${self}/results` },
    };
  };
  const findBatch = async (institutionId: string, batchId: string) => {
    const batch = await deps.repos.awardBatches.find(batchId);
    if (!batch || batch.institutionId !== institutionId) throw new AppError("BATCH_NOT_FOUND", { batchId });
    return batch;
  };

  app.addContentTypeParser("text/csv", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.post(
    "/orgs/:slug/programmes/:code/award-batches",
    {
      config: { access: { scope: "institution", roles: ["registrar"] } },
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ["credentials"],
        summary: "Award a cohort from a CSV or JSON file of final attestation results",
        description:
          "Send `text/csv` (UTF-8; header `full_name,iin,result,session,held_on[,email,holder_did]`; `result` is a percentage or a letter) or JSON `{rows:[…]}` with the same keys. " +
          "Answers 202 at once; follow progress at `links.events` (server-sent events) or `links.self`. Rows that fail are reported one by one and do not stop the others. " +
          "Re-sending a file never issues twice: the learner's attestation in the session is the key.",
        security,
        params: ProgrammeParams,
        querystring: z.strictObject({ format: CredentialFormatSchema.optional(), fileName: z.string().max(200).optional() }),
        response: { 202: BatchView, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const institution = request.institution!;
      const body: unknown = request.body;
      const rows = Buffer.isBuffer(body) ? readCohortCsv(body) : parseOrThrow(JsonRows, body, "body").rows;
      const programme = await findProgramme(institution, request.params.code, deps);
      const batch = await startAwardBatch(
        institution,
        programme,
        rows,
        { format: request.query.format ?? institution.credentialFormat, fileName: request.query.fileName ?? null },
        request.principal!.actor,
        deps,
      );
      const shown = await view(institution.slug, batch);
      return reply.code(202).header("location", shown.links.self).send(shown);
    },
  );

  app.get(
    "/orgs/:slug/award-batches",
    {
      config: readers,
      schema: {
        tags: ["credentials"],
        summary: "Award batches, newest first",
        security,
        params: SlugParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(BatchView), total: z.number() }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const institution = request.institution!;
      const { items, total } = await deps.repos.awardBatches.list({
        institutionId: institution.id,
        limit: request.query.limit,
        offset: request.query.offset,
      });
      return { items: await Promise.all(items.map((b) => view(institution.slug, b))), total };
    },
  );

  app.get(
    "/orgs/:slug/award-batches/:batchId",
    {
      config: readers,
      schema: {
        tags: ["credentials"],
        summary: "An award batch and its progress",
        security,
        params: BatchParams,
        response: { 200: BatchView, ...problems(401, 403, 404) },
      },
    },
    async (request) => view(request.institution!.slug, await findBatch(request.institution!.id, request.params.batchId)),
  );

  app.get(
    "/orgs/:slug/award-batches/:batchId/results",
    {
      config: readers,
      schema: {
        tags: ["credentials"],
        summary: "What happened to each row",
        security,
        params: BatchParams,
        querystring: z.strictObject({
          outcome: z.enum(["issued", "already_issued", "failed"]).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                row: z.number(),
                outcome: z.enum(["issued", "already_issued", "failed"]),
                credentialId: z.string().nullable(),
                learnerId: z.string().nullable(),
                errorCode: z.string().nullable(),
                message: z.string().nullable(),
              }),
            ),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const batch = await findBatch(request.institution!.id, request.params.batchId);
      return { items: await deps.repos.awardBatches.results(batch.id, request.query) };
    },
  );

  app.get(
    "/orgs/:slug/award-batches/:batchId/events",
    {
      config: readers,
      schema: {
        tags: ["credentials"],
        summary: "Progress as server-sent events (event: progress, then event: done)",
        security,
        params: BatchParams,
      },
    },
    async (request, reply) => {
      const institution = request.institution!;
      let batch = await findBatch(institution.id, request.params.batchId);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      let closed = false;
      request.raw.on("close", () => (closed = true));
      let last = "";
      // Progress is read from the database, so any node can stream a batch another node is running.
      while (!closed) {
        const payload = JSON.stringify(await view(institution.slug, batch));
        if (payload !== last) {
          raw.write(`event: progress\ndata: ${payload}\n\n`);
          last = payload;
        }
        if (batch.status === "completed" || batch.status === "failed") {
          raw.write(`event: done\ndata: ${payload}\n\n`);
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
        batch = (await deps.repos.awardBatches.find(batch.id)) ?? batch;
      }
      raw.end();
    },
  );
};
