// OpenID4VP 1.0: presentation requests (API and the employer's page), the request object by reference, the
// wallet's direct_post response, and the result the requester polls.
import formbody from "@fastify/formbody";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../services/deps.js";
import {
  createPresentationRequest,
  presentationResult,
  receivePresentation,
  requestObjectOf,
} from "../../services/presentation-requests.js";
import { pickLang } from "../lang.js";
import { renderRequestPage } from "../pages/wallet-pages.js";
import { problems } from "../schemas/common.js";

const RequestBody = z.strictObject({
  query: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("A DCQL query; by default: a micro-qualification credential, showing the achievement and the grade"),
  purpose: z.string().trim().max(300).optional(),
});
const CreatedView = z.object({
  id: z.string(),
  authorizationRequest: z.string().describe("openid4vp://… — what the QR code holds"),
  requestUri: z.string(),
  qrPng: z.string().describe("The QR code as a PNG data URL"),
  resultKey: z.string().describe("Lets the requester read the result: GET /presentation-requests/{id}?key=…"),
  expiresAt: z.string(),
});
const Params = z.strictObject({ id: z.uuid() });
const KeyQuery = z.strictObject({ key: z.string().min(20).max(64), lang: z.enum(["kk", "ru", "en"]).optional() });

export const openid4vpRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  const tags = ["wallets"];
  const open = { access: { scope: "public" } } as const;
  const view = (r: Awaited<ReturnType<typeof createPresentationRequest>>) => ({
    id: r.id,
    authorizationRequest: r.authorizationRequest,
    requestUri: r.requestUri,
    qrPng: r.qrPngDataUrl,
    resultKey: r.resultKey,
    expiresAt: r.expiresAt.toISOString(),
  });

  app.post(
    "/presentation-requests",
    {
      config: { access: { scope: "authenticated" } },
      schema: {
        tags,
        summary: "Ask a wallet for a credential (OpenID4VP 1.0, DCQL): the QR code to show and the key to read the result",
        security: [{ bearer: [] }],
        body: RequestBody,
        response: { 201: CreatedView, ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const created = await createPresentationRequest(
        { query: request.body.query ?? null, purpose: request.body.purpose ?? null, requester: request.principal!.actor },
        request.principal!.actor,
        deps,
      );
      return reply.code(201).header("cache-control", "no-store").send(view(created));
    },
  );
  app.get(
    "/presentation-requests/:id",
    {
      config: open,
      schema: {
        tags,
        summary: "The result of a presentation request: pending, verified, rejected or expired, with the verification report",
        params: Params,
        querystring: KeyQuery,
        response: { 200: z.record(z.string(), z.unknown()), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const result = await presentationResult(request.params.id, request.query.key, deps);
      return reply.header("cache-control", "no-store").send({
        id: result.id,
        status: result.status,
        result: result.result,
        expiresAt: result.expiresAt,
        respondedAt: result.respondedAt,
      });
    },
  );
  app.get(
    "/openid4vp/requests/:id",
    { config: open, schema: { tags, summary: "The signed request object (request_uri)", params: Params } },
    async (request, reply) =>
      reply
        .type("application/oauth-authz-req+jwt")
        .header("cache-control", "no-store")
        .send(await requestObjectOf(request.params.id, deps)),
  );
  app.post(
    "/openid4vp/response",
    { config: open, schema: { tags, summary: "The wallet's answer (response_mode direct_post)", body: z.record(z.string(), z.unknown()) } },
    async (request, reply) => reply.header("cache-control", "no-store").send(await receivePresentation(request.body, deps)),
  );

  // The employer's page: a fresh request with its QR code, then the result as soon as the wallet answers.
  app.get(
    "/verify/request",
    {
      config: open,
      schema: {
        tags,
        summary: "Employer's page: start a request for a micro-qualification credential",
        querystring: z.strictObject({ lang: z.enum(["kk", "ru", "en"]).optional() }),
      },
    },
    async (request, reply) => {
      const created = await createPresentationRequest({ query: null, purpose: null, requester: "public" }, "public", deps);
      const lang = request.query.lang ? `&lang=${request.query.lang}` : "";
      return reply.redirect(`/verify/request/${created.id}?key=${created.resultKey}${lang}`, 303);
    },
  );
  app.get(
    "/verify/request/:id",
    {
      config: open,
      schema: {
        tags,
        summary: "Employer's page for one request (refreshes until the wallet answers)",
        params: Params,
        querystring: KeyQuery,
      },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers["accept-language"], request.query.lang);
      const result = await presentationResult(request.params.id, request.query.key, deps);
      return reply
        .type("text/html; charset=utf-8")
        .headers({ "cache-control": "no-store", "referrer-policy": "no-referrer" })
        .send(
          renderRequestPage(lang, {
            id: result.id,
            status: result.status,
            qrPngDataUrl: result.qrPngDataUrl,
            authorizationRequest: result.authorizationRequest,
            result: result.result,
            selfUrl: `/verify/request/${result.id}`,
            keyQuery: `key=${encodeURIComponent(request.query.key)}`,
            newUrl: "/verify/request",
          }),
        );
    },
  );
};
