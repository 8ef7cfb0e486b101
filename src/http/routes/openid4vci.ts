// OpenID4VCI 1.0 endpoints of each institution (the issuer identifier is {PUBLIC_URL}/orgs/{slug}), the
// registrar's offers, and the learner's "Add to wallet" page behind the private holder link.
import formbody from "@fastify/formbody";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.js";
import { isConfigurationId } from "../../openid4vc/issuer.js";
import type { Deps } from "../../services/deps.js";
import { institutionBySlug } from "../../services/did-documents.js";
import { createOffer, issueNonce, issuerOf, issueToWallet, offerObject, redeemPreAuthorizedCode } from "../../services/wallet-issuance.js";
import { credentialUrlOf } from "../../services/urls.js";
import { pickLang } from "../lang.js";
import { renderHolderPage } from "../pages/wallet-pages.js";
import { problems } from "../schemas/common.js";
import { SlugParams, SlugSchema } from "../schemas/institutions.js";
import type { FastifyRequest } from "fastify";

const ConfigurationSchema = z.enum(["MicroQualificationCredential_jwt_vc_json", "MicroQualificationCredential_ldp_vc"]);

export const openid4vciRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  const tags = ["wallets"];
  const open = { access: { scope: "public" } } as const;
  const institution = async (slug: string) => {
    const found = await institutionBySlug(slug, deps);
    if (!found) throw new AppError("INSTITUTION_NOT_FOUND", { slug });
    return found;
  };
  // The library wants the request as the wallet addressed it: the public URL, not our listening address.
  const asAddressed = (request: FastifyRequest) => ({
    url: `${deps.config.publicUrl.href.replace(/\/$/, "")}${request.url}`,
    headers: new Headers(Object.entries(request.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : []))),
  });
  const noStore = { "cache-control": "no-store", pragma: "no-cache" };

  app.get(
    "/.well-known/openid-credential-issuer/orgs/:slug",
    { config: open, schema: { tags, summary: "Credential issuer metadata of an institution (OpenID4VCI 1.0 §12.2)", params: SlugParams } },
    async (request, reply) =>
      reply
        .header("access-control-allow-origin", "*")
        .send(issuerOf(await institution(request.params.slug), deps).credentialIssuerMetadata),
  );
  app.get(
    "/.well-known/oauth-authorization-server/orgs/:slug",
    { config: open, schema: { tags, summary: "Authorization server metadata of an institution (RFC 8414)", params: SlugParams } },
    async (request, reply) =>
      reply
        .header("access-control-allow-origin", "*")
        .send(issuerOf(await institution(request.params.slug), deps).authorizationServerMetadata),
  );
  app.get(
    "/orgs/:slug/openid4vci/offers/:offerId",
    {
      config: open,
      schema: {
        tags,
        summary: "A credential offer by reference (credential_offer_uri)",
        params: z.strictObject({ slug: SlugSchema, offerId: z.uuid() }),
      },
    },
    async (request, reply) =>
      reply.headers(noStore).send(await offerObject(await institution(request.params.slug), request.params.offerId, deps)),
  );
  app.post(
    "/orgs/:slug/openid4vci/token",
    {
      config: open,
      schema: {
        tags,
        summary: "Token endpoint: the pre-authorized code (and the PIN as tx_code) for a one-time access token",
        params: SlugParams,
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (request, reply) =>
      reply
        .headers(noStore)
        .send(await redeemPreAuthorizedCode(await institution(request.params.slug), asAddressed(request), request.body, deps)),
  );
  app.post(
    "/orgs/:slug/openid4vci/nonce",
    { config: open, schema: { tags, summary: "Nonce endpoint: a one-time c_nonce for the proof of possession", params: SlugParams } },
    async (request, reply) => reply.headers(noStore).send(await issueNonce(await institution(request.params.slug), deps)),
  );
  app.post(
    "/orgs/:slug/openid4vci/credential",
    {
      config: { access: { scope: "public", protocolBearer: true } },
      schema: {
        tags,
        summary: "Credential endpoint: the credential, bound to the key the wallet proved",
        params: SlugParams,
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (request, reply) =>
      reply
        .headers(noStore)
        .send(await issueToWallet(await institution(request.params.slug), request.headers.authorization, request.body, deps)),
  );

  app.post(
    "/orgs/:slug/credentials/:credentialId/offers",
    {
      config: { access: { scope: "institution", roles: ["registrar"] } },
      schema: {
        tags,
        summary: "Offer a credential to the learner's wallet: a one-time, expiring offer with a PIN to deliver out of band",
        security: [{ bearer: [] }],
        params: z.strictObject({ slug: SlugSchema, credentialId: z.uuid() }),
        body: z.strictObject({
          configuration: ConfigurationSchema.default("MicroQualificationCredential_jwt_vc_json"),
          pin: z.boolean().default(true),
        }),
        response: {
          201: z.object({
            offerId: z.string(),
            offerUri: z.string(),
            qrPng: z.string(),
            txCode: z.string().nullable(),
            expiresAt: z.string(),
            configuration: z.string(),
          }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const credential = await deps.repos.credentials.findById(request.params.credentialId);
      if (!credential) throw new AppError("CREDENTIAL_NOT_FOUND", { credentialId: request.params.credentialId });
      const offer = await createOffer(
        request.institution!,
        credential,
        { configurationId: request.body.configuration, withPin: request.body.pin },
        request.principal!.actor,
        deps,
      );
      return reply.code(201).headers(noStore).send({
        offerId: offer.offerId,
        offerUri: offer.offerUri,
        qrPng: offer.qrPngDataUrl,
        txCode: offer.txCode,
        expiresAt: offer.expiresAt.toISOString(),
        configuration: offer.configurationId,
      });
    },
  );

  // The learner's page behind the private holder link: the credential, and "Add to wallet".
  const holderParams = z.strictObject({ holderToken: z.string().min(20).max(64) });
  const holderCredential = async (holderToken: string) => {
    const credential = await deps.repos.credentials.findByHolderToken(holderToken);
    if (!credential) throw new AppError("CREDENTIAL_NOT_FOUND", { credentialId: "…" });
    return credential;
  };
  app.get(
    "/holder/:holderToken/wallet",
    {
      config: open,
      schema: {
        tags,
        summary: "The learner's page: the credential and an 'Add to wallet' button (kk/ru/en)",
        params: holderParams,
        querystring: z.strictObject({ lang: z.enum(["kk", "ru", "en"]).optional() }),
      },
    },
    async (request, reply) => {
      const credential = await holderCredential(request.params.holderToken);
      const lang = pickLang(request.headers["accept-language"], request.query.lang);
      return reply
        .type("text/html; charset=utf-8")
        .headers({ ...noStore, "referrer-policy": "no-referrer" })
        .send(
          renderHolderPage({
            lang,
            credential,
            verificationUrl: credentialUrlOf(deps.config.publicUrl, credential.id),
            offer: null,
            formAction: request.url.split("?")[0]!,
          }),
        );
    },
  );
  app.post(
    "/holder/:holderToken/wallet",
    {
      config: open,
      schema: {
        tags,
        summary: "The learner asks for an offer: the page shows its QR code and PIN",
        params: holderParams,
        querystring: z.strictObject({ lang: z.enum(["kk", "ru", "en"]).optional() }),
        body: z.object({ configuration: z.string().optional() }).optional(),
      },
    },
    async (request, reply) => {
      const credential = await holderCredential(request.params.holderToken);
      const lang = pickLang(request.headers["accept-language"], request.query.lang);
      const holderInstitution = (await deps.repos.institutions.findById(credential.institutionId))!;
      const configuration = request.body?.configuration;
      const offer =
        credential.status === "revoked"
          ? null
          : await createOffer(
              holderInstitution,
              credential,
              {
                configurationId:
                  configuration && isConfigurationId(configuration) ? configuration : "MicroQualificationCredential_jwt_vc_json",
                withPin: true,
              },
              "holder",
              deps,
            );
      return reply
        .type("text/html; charset=utf-8")
        .headers({ ...noStore, "referrer-policy": "no-referrer" })
        .send(
          renderHolderPage({
            lang,
            credential,
            verificationUrl: credentialUrlOf(deps.config.publicUrl, credential.id),
            offer,
            formAction: request.url.split("?")[0]!,
          }),
        );
    },
  );
};
