import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import { parseOrThrow } from "../validate.js";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pickLang } from "../lang.js";
import { renderPastePage } from "../pages/verify-page.js";
import { z } from "zod";
import { parseCredential } from "../../credentials/verifier.js";
import { CHECK_IDS, VERDICTS } from "../../domain/verification/report.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../../services/deps.js";
import { verifyIncomingCredential, verifyIncomingPresentation } from "../../services/verify-credential.js";
import { parsePresentation } from "../../credentials/presentation-verifier.js";
import { issueViaVcApi } from "../../services/issue-via-vc-api.js";
import { SlugParams } from "../schemas/institutions.js";
import { problems } from "../schemas/common.js";

const CheckView = z.object({
  id: z.enum(CHECK_IDS),
  outcome: z.enum(["passed", "failed", "warning", "skipped"]),
  code: z.string(),
  reason: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const VerificationReportView = z
  .object({
    verified: z.boolean(),
    verdict: z.enum(VERDICTS),
    format: z.string(),
    issuer: z.string().nullable(),
    checks: z.array(CheckView),
    warnings: z.array(z.string()),
    errors: z.array(z.string()),
    credential: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "VerificationReport" });

const PresentationReportView = z
  .object({
    verified: z.boolean(),
    verdict: z.enum(VERDICTS),
    format: z.string(),
    holder: z.string().nullable(),
    checks: z.array(CheckView),
    credentials: z.array(VerificationReportView),
    warnings: z.array(z.string()),
    errors: z.array(z.string()),
  })
  .meta({ id: "PresentationReport" });

export const verificationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: 1024 * 1024, files: 1, fields: 5 } });

  const html = (reply: FastifyReply, lang: string, body: string, status = 200) =>
    reply.code(status).header("cache-control", "no-store").header("content-language", lang).type("text/html; charset=utf-8").send(body);

  app.get(
    "/verify",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["verification"],
        summary: "Page: paste a credential to check it (kk/ru/en)",
        querystring: z.strictObject({ lang: z.enum(["kk", "ru", "en"]).optional() }),
      },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers["accept-language"], request.query.lang);
      return html(reply, lang, renderPastePage({ lang, checkedAt: deps.clock() }));
    },
  );

  app.post(
    "/verify",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["verification"],
        summary: "Page: the report for a pasted or uploaded credential",
        description:
          "A form post: `credential` (text) as application/x-www-form-urlencoded, or multipart/form-data with `credential` and/or a `file` (1 MiB at most).",
        querystring: z.strictObject({ lang: z.enum(["kk", "ru", "en"]).optional() }),
      },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers["accept-language"], request.query.lang);
      let text = "";
      if (request.isMultipart()) {
        for await (const part of request.parts()) {
          if (part.type === "file") {
            const content = (await part.toBuffer()).toString("utf8").trim();
            if (content) text = content; // an uploaded file wins over pasted text
          } else if (part.fieldname === "credential" && !text) {
            text = String(part.value ?? "").trim();
          }
        }
      } else {
        text = parseOrThrow(z.strictObject({ credential: z.string().max(1024 * 1024) }), request.body, "body").credential.trim();
      }
      let input: unknown = text;
      if (text.startsWith("{")) {
        try {
          input = JSON.parse(text);
        } catch {
          input = null;
        }
      }
      if (!parseCredential(input)) return html(reply, lang, renderPastePage({ lang, text, error: true, checkedAt: deps.clock() }), 400);
      const report = await verifyIncomingCredential(input, { requireTrust: false }, deps);
      return html(reply, lang, renderPastePage({ lang, text, report, checkedAt: deps.clock() }), report.verified ? 200 : 422);
    },
  );

  app.post(
    "/orgs/:slug/credentials/issue",
    {
      config: { access: { scope: "institution", roles: ["registrar"] } },
      schema: {
        tags: ["verification"],
        summary: "Issue a credential (W3C VC API)",
        description:
          "Signs a VC DM 2.0 or 1.1 credential with the institution's key: 2.0 as vc+jwt (answered as an EnvelopedVerifiableCredential) or Data Integrity (`options.format`, else the institution's default); 1.1 as a JWT. " +
          '`options.credentialStatus: {type: "BitstringStatusListEntry"}` adds a status entry. Answers 201 with `{verifiableCredential}`.',
        security: [{ bearer: [] }],
        params: SlugParams,
        body: z.strictObject({
          credential: z.record(z.string(), z.unknown()),
          options: z
            .object({
              credentialStatus: z
                .object({ type: z.literal("BitstringStatusListEntry"), statusPurpose: z.enum(["revocation", "suspension"]).optional() })
                .loose()
                .optional(),
              format: z.enum(["vc+jwt", "di"]).optional(),
            })
            .loose()
            .optional(),
        }),
        response: { 201: z.object({ verifiableCredential: z.record(z.string(), z.unknown()) }), ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const verifiableCredential = await issueViaVcApi(
        request.institution!,
        { credential: request.body.credential, options: request.body.options ?? {} },
        request.principal!.actor,
        deps,
      );
      return reply.code(201).send({ verifiableCredential });
    },
  );

  app.post(
    "/presentations/verify",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["verification"],
        summary: "Verify a presentation and every credential in it (W3C VC API)",
        description:
          "Checks the holder's proof (JWT VP, vp+jwt or Data Integrity), the challenge and domain when given, then verifies each credential in full and that the holder is its subject. 200 when all pass, 422 with the report otherwise.",
        body: z.strictObject({
          verifiablePresentation: z.unknown(),
          options: z
            .object({
              challenge: z.string().max(500).optional(),
              domain: z.string().max(500).optional(),
              requireTrust: z.boolean().default(false),
            })
            .loose()
            .optional(),
        }),
        response: {
          200: PresentationReportView,
          422: PresentationReportView,
          ...problems(400, 413, 415),
        },
      },
    },
    async (request, reply) => {
      if (!parsePresentation(request.body.verifiablePresentation)) throw new AppError("NOT_A_PRESENTATION");
      const options = request.body.options ?? { requireTrust: false };
      const report = await verifyIncomingPresentation(
        request.body.verifiablePresentation,
        {
          ...(options.challenge !== undefined ? { challenge: options.challenge } : {}),
          ...(options.domain !== undefined ? { domain: options.domain } : {}),
        },
        { requireTrust: options.requireTrust ?? false },
        deps,
      );
      return reply.code(report.verified ? 200 : 422).send(JSON.parse(JSON.stringify(report)) as z.infer<typeof PresentationReportView>);
    },
  );

  app.post(
    "/credentials/verify",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["verification"],
        summary: "Verify a credential (W3C VC API)",
        description:
          "Accepts `vc+jwt`, VC 1.1 JWTs, `EnvelopedVerifiableCredential` and Data Integrity (`eddsa-rdfc-2022`) credentials. Every check is reported: format, contexts, signature, issuer, validity, status, schema, trust. " +
          "Answers 200 for a valid credential and 422, with the same report, for one that fails a check; 400 when the body holds no credential.",
        body: z.strictObject({
          verifiableCredential: z.unknown(),
          options: z
            .object({ requireTrust: z.boolean().default(false).describe("Fail credentials whose issuer nobody vouches for") })
            .loose()
            .optional(),
        }),
        response: { 200: VerificationReportView, 422: VerificationReportView, ...problems(400, 413, 415) },
      },
    },
    async (request, reply) => {
      const report = await verifyIncomingCredential(
        request.body.verifiableCredential,
        { requireTrust: request.body.options?.requireTrust ?? false },
        deps,
      );
      // The verifier parses the input once; only something that is no credential at all comes back without one.
      if (report.credential === null) throw new AppError("NOT_A_CREDENTIAL");
      // The report is built by typed code in exactly the shape of its view (same keys, same order): checking it
      // again with zod before writing it walked the whole credential once more, so it is written as it is.
      return reply
        .code(report.verified ? 200 : 422)
        .type("application/json; charset=utf-8")
        .serializer(JSON.stringify)
        .send({ ...report, checks: [...report.checks], warnings: [...report.warnings], errors: [...report.errors] });
    },
  );
};
