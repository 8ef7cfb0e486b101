import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import QRCode from "qrcode";
import { z } from "zod";
import type { IssuedCredential } from "../../db/repositories/credentials.js";
import { AppError } from "../../errors.js";
import { VC_V2_CONTEXT } from "../../domain/qualifications/micro-credential.js";
import { verifyIncomingCredential } from "../../services/verify-credential.js";
import { renderVerifyPage } from "../pages/verify-page.js";
import { pickLang } from "../lang.js";
import { awardMicroQualification } from "../../services/award-micro-qualification.js";
import { changeCredentialStatus, findInstitutionCredential } from "../../services/credential-status.js";
import type { Deps } from "../../services/deps.js";
import { findLearner } from "../../services/learners.js";
import { findProgramme } from "../../services/programmes.js";
import { credentialUrlOf, holderUrlOf } from "../../services/urls.js";
import { certificatePdf } from "../../services/certificate.js";
import { problems } from "../schemas/common.js";
import { AwardBody, CredentialListQuery, CredentialParams, CredentialView, StatusChangeBody } from "../schemas/credentials.js";
import { SlugParams } from "../schemas/institutions.js";
import { ProgrammeParams } from "../schemas/programmes.js";

export const credentialRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const security = [{ bearer: [] }];
  const registrar = { access: { scope: "institution", roles: ["registrar"] } } as const;
  const readers = { access: { scope: "institution", roles: ["registrar", "viewer"] } } as const;
  const programmeCodes = new Map<string, string>();
  const codeOf = async (programmeId: string | null) => {
    if (programmeId === null) return null;
    let code = programmeCodes.get(programmeId);
    if (!code) {
      code = (await deps.repos.programmes.findById(programmeId))?.code ?? programmeId;
      programmeCodes.set(programmeId, code);
    }
    return code;
  };
  const view = async (c: IssuedCredential): Promise<z.infer<typeof CredentialView>> => ({
    id: c.id,
    url: credentialUrlOf(deps.config.publicUrl, c.id),
    holderUrl: holderUrlOf(deps.config.publicUrl, c.holderToken),
    format: c.format,
    kind: c.kind,
    programme: await codeOf(c.programmeId),
    learnerId: c.learnerId,
    attestationId: c.attestationId,
    applicationId: c.applicationId,
    status: c.status,
    statusReason: c.statusReason,
    statusChangedAt: c.statusChangedAt?.toISOString() ?? null,
    issuedAt: c.issuedAt.toISOString(),
    validUntil: c.validUntil?.toISOString() ?? null,
    credential: c.document,
    jwt: c.jwt,
  });

  app.post(
    "/orgs/:slug/programmes/:code/awards",
    {
      config: registrar,
      schema: {
        tags: ["credentials"],
        summary: "Award the micro-qualification for a passing final attestation (M п.16)",
        description:
          "Issues a signed MicroQualificationCredential (Open Badges 3.0). Idempotent: awarding the same attestation again answers 200 with the credential already issued.",
        security,
        params: ProgrammeParams,
        body: AwardBody,
        response: { 201: CredentialView, 200: CredentialView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const institution = request.institution!;
      const programme = await findProgramme(institution, request.params.code, deps);
      const attestation = await deps.repos.learners.findAttestationById(institution.id, request.body.attestationId);
      if (!attestation || attestation.programmeId !== programme.id)
        throw new AppError("ATTESTATION_NOT_FOUND", { attestationId: request.body.attestationId });
      const learner = await findLearner(institution, attestation.learnerId, deps);
      const { credential, created } = await awardMicroQualification(
        institution,
        { programme, attestation, learner },
        request.body.format ?? institution.credentialFormat,
        request.principal!.actor,
        deps,
      );
      return reply.code(created ? 201 : 200).send(await view(credential));
    },
  );

  app.get(
    "/orgs/:slug/credentials",
    {
      config: readers,
      schema: {
        tags: ["credentials"],
        summary: "Find issued credentials by learner, programme, status or date",
        security,
        params: SlugParams,
        querystring: CredentialListQuery,
        response: { 200: z.object({ items: z.array(CredentialView), total: z.number() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const institution = request.institution!;
      const q = request.query;
      const programmeId = q.programme ? (await findProgramme(institution, q.programme, deps)).id : undefined;
      const { items, total } = await deps.repos.credentials.list({
        institutionId: institution.id,
        learnerId: q.learner,
        programmeId,
        status: q.status,
        issuedFrom: q.issuedFrom ? new Date(`${q.issuedFrom}T00:00:00Z`) : undefined,
        issuedTo: q.issuedTo ? new Date(Date.parse(`${q.issuedTo}T00:00:00Z`) + 86_400_000) : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: await Promise.all(items.map(view)), total };
    },
  );

  app.get(
    "/orgs/:slug/credentials/:credentialId",
    {
      config: readers,
      schema: {
        tags: ["credentials"],
        summary: "One issued credential",
        security,
        params: CredentialParams,
        response: { 200: CredentialView, ...problems(401, 403, 404) },
      },
    },
    async (request) => view(await findInstitutionCredential(request.institution!, request.params.credentialId, deps)),
  );

  for (const action of ["revoke", "suspend", "reinstate"] as const) {
    app.post(
      `/orgs/:slug/credentials/:credentialId/${action}`,
      {
        config: registrar,
        schema: {
          tags: ["credentials"],
          summary: {
            revoke: "Revoke a credential (final)",
            suspend: "Suspend a credential",
            reinstate: "Reinstate a suspended credential",
          }[action],
          description:
            "Sets the credential's bit in the institution's Bitstring Status List and re-signs the list: verifiers see the change at once.",
          security,
          params: CredentialParams,
          body: StatusChangeBody,
          response: { 200: CredentialView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        view(
          await changeCredentialStatus(
            request.institution!,
            request.params.credentialId,
            action,
            request.body.reason,
            request.principal!.actor,
            deps,
          ),
        ),
    );
  }

  // ---- public: what a QR code and a verifier open ----

  const publicCredential = async (id: string) => {
    const credential = await deps.repos.credentials.findById(id);
    if (!credential) throw new AppError("CREDENTIAL_NOT_FOUND", { credentialId: id });
    return credential;
  };

  app.get(
    "/credentials/:credentialId",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["credentials"],
        summary: "A credential at its id (the URL inside it and behind its QR code)",
        description:
          "Answers the signed credential: `application/vc+jwt` when asked for it (Accept), else JSON. The verification page comes with the verification API.",
        params: z.strictObject({ credentialId: z.uuid() }),
        querystring: z.strictObject({ lang: z.enum(["kk", "ru", "en"]).optional(), format: z.enum(["json"]).optional() }),
      },
    },
    async (request, reply) => {
      const accept = request.headers.accept ?? "";
      // A browser (the QR code) gets the verification page; programs get the credential.
      if (accept.includes("text/html") && !accept.startsWith("application/") && request.query.format !== "json") {
        const lang = pickLang(request.headers["accept-language"], request.query.lang);
        const credential = await deps.repos.credentials.findById(request.params.credentialId);
        const self = credentialUrlOf(deps.config.publicUrl, request.params.credentialId);
        const report = credential
          ? await verifyIncomingCredential(credential.jwt ?? credential.document, { requireTrust: false }, deps)
          : null;
        const [institution, programme] = credential
          ? await Promise.all([
              deps.repos.institutions.findById(credential.institutionId),
              credential.programmeId ? deps.repos.programmes.findById(credential.programmeId) : null,
            ])
          : [null, null];
        const html = renderVerifyPage({
          lang,
          report,
          links: { pdf: credential ? `${self}/certificate.pdf` : null, json: `${self}?format=json`, self },
          checkedAt: deps.clock(),
          localized: {
            ...(institution ? { issuerName: institution.names[lang] } : {}),
            ...(programme ? { qualification: programme.content.qualificationName[lang] } : {}),
          },
        });
        return reply
          .code(credential ? 200 : 404)
          .header("vary", "accept, accept-language")
          .header("cache-control", "no-cache")
          .header("content-language", lang)
          .type("text/html; charset=utf-8")
          .send(html);
      }
      const credential = await publicCredential(request.params.credentialId);
      void reply.header("access-control-allow-origin", "*").header("vary", "accept").header("cache-control", "no-cache");
      if (credential.jwt && (request.headers.accept ?? "").includes("application/vc+jwt"))
        return reply.type("application/vc+jwt").send(credential.jwt);
      // VC DM 2.0: a JOSE-secured credential travels in JSON as an EnvelopedVerifiableCredential.
      if (credential.jwt) {
        return reply
          .type("application/json")
          .send({ "@context": [VC_V2_CONTEXT], id: `data:application/vc+jwt,${credential.jwt}`, type: "EnvelopedVerifiableCredential" });
      }
      return reply.type("application/json").send(credential.document);
    },
  );

  app.get(
    "/credentials/:credentialId/certificate.pdf",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["credentials"],
        summary: "Printable certificate (A4 PDF in Kazakh, Russian and English, with the verification QR code)",
        params: z.strictObject({ credentialId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const credential = await publicCredential(request.params.credentialId);
      const pdf = await certificatePdf(credential, deps);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="certificate-${credential.id}.pdf"`)
        .header("cache-control", "no-cache")
        .send(pdf);
    },
  );

  app.get(
    "/holder/:holderToken",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["credentials"],
        summary: "The learner's private link: their credential and everything to share or print",
        params: z.strictObject({ holderToken: z.string().min(20).max(64) }),
        response: {
          200: z.object({
            credential: z.record(z.string(), z.unknown()),
            status: z.string(),
            links: z.object({
              verification: z.string(),
              jwt: z.string().nullable(),
              certificatePdf: z.string(),
              qrPng: z.string(),
              qrSvg: z.string(),
            }),
          }),
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const credential = await deps.repos.credentials.findByHolderToken(request.params.holderToken);
      if (!credential) throw new AppError("CREDENTIAL_NOT_FOUND", { credentialId: "…" });
      // A person opening the link gets the page with "Add to wallet"; programs get the JSON below.
      const accept = request.headers.accept ?? "";
      if (accept.includes("text/html") && !accept.startsWith("application/"))
        return reply.header("cache-control", "no-store").redirect(`/holder/${request.params.holderToken}/wallet`, 303);
      const url = credentialUrlOf(deps.config.publicUrl, credential.id);
      void reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
      return {
        credential: credential.jwt
          ? { "@context": [VC_V2_CONTEXT], id: `data:application/vc+jwt,${credential.jwt}`, type: "EnvelopedVerifiableCredential" }
          : credential.document,
        status: credential.status,
        links: {
          verification: url,
          jwt: credential.jwt ? url : null,
          certificatePdf: `${url}/certificate.pdf`,
          qrPng: `${url}/qr.png`,
          qrSvg: `${url}/qr.svg`,
        },
      };
    },
  );

  for (const kind of ["png", "svg"] as const) {
    app.get(
      `/credentials/:credentialId/qr.${kind}`,
      {
        config: { access: { scope: "public" } },
        schema: {
          tags: ["credentials"],
          summary: `QR code (${kind.toUpperCase()}) that opens the credential's verification URL`,
          params: z.strictObject({ credentialId: z.uuid() }),
          querystring: z.strictObject({ size: z.coerce.number().int().min(64).max(2048).default(320) }),
        },
      },
      async (request, reply) => {
        const credential = await publicCredential(request.params.credentialId);
        const url = credentialUrlOf(deps.config.publicUrl, credential.id);
        void reply.header("cache-control", "public, max-age=86400");
        if (kind === "png")
          return reply
            .type("image/png")
            .send(await QRCode.toBuffer(url, { width: request.query.size, margin: 2, errorCorrectionLevel: "M" }));
        return reply
          .type("image/svg+xml")
          .send(await QRCode.toString(url, { type: "svg", width: request.query.size, margin: 2, errorCorrectionLevel: "M" }));
      },
    );
  }

  const statusParams = z.strictObject({
    slug: SlugParams.shape.slug,
    purpose: z.enum(["revocation", "suspension"]),
    sequence: z.coerce.number().int().positive(),
  });
  const findStatusList = async (institutionId: string, purpose: "revocation" | "suspension", sequence: number, url: string) => {
    const list = await deps.repos.credentials.findList(institutionId, purpose, sequence);
    if (!list?.signedJwt || !list.signedJson) throw new AppError("ROUTE_NOT_FOUND", { method: "GET", url });
    return { version: list.version, signedJwt: list.signedJwt, signedJson: list.signedJson };
  };
  // Verifiers must see a revocation at once: they may keep a copy, but must revalidate it.
  const statusHeaders = (version: number) => ({ "access-control-allow-origin": "*", "cache-control": "no-cache", etag: `"${version}"` });

  app.get(
    "/orgs/:slug/status/:purpose/:sequence",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["credentials"],
        summary: "A BitstringStatusListCredential with a Data Integrity proof (for Data Integrity credentials)",
        params: statusParams,
        response: { 200: z.record(z.string(), z.unknown()), ...problems(404) },
      },
    },
    async (request, reply) => {
      const list = await findStatusList(request.institution!.id, request.params.purpose, request.params.sequence, request.url);
      return reply.headers(statusHeaders(list.version)).type("application/json").send(list.signedJson);
    },
  );

  app.get(
    "/orgs/:slug/status/:purpose/:sequence/jwt",
    {
      config: { access: { scope: "public" } },
      schema: {
        tags: ["credentials"],
        summary: "The same status list as vc+jwt (for vc+jwt credentials)",
        params: statusParams,
        response: { 200: z.string(), ...problems(404) },
      },
    },
    async (request, reply) => {
      const list = await findStatusList(request.institution!.id, request.params.purpose, request.params.sequence, request.url);
      return reply.headers(statusHeaders(list.version)).type("application/vc+jwt").send(list.signedJwt);
    },
  );
};
