// Asking a wallet for a credential (OpenID4VP 1.0 with DCQL): a request the verifier signs as the platform's
// did:web, fetched by reference from the QR code; the wallet's direct_post answer verified through the same
// pipeline as POST /presentations/verify (holder binding, challenge = nonce, domain = client_id, every credential
// in full, trust required) and checked against the query; the requesting page polls the result with its key.
import { randomBytes, randomUUID } from "node:crypto";
import QRCode from "qrcode";
import { verificationMethodId } from "../credentials/did-web.js";
import type { PresentationRequestRecord } from "../db/repositories/wallets.js";
import { AppError } from "../errors.js";
import { ProtocolError } from "../openid4vc/issuer.js";
import {
  MICRO_QUALIFICATION_QUERY,
  PRESENTATION_SCHEME,
  openid4vpVerifier,
  parseDcqlQuery,
  type RequestParameters,
} from "../openid4vc/verifier.js";
import type { Deps } from "./deps.js";
import { hashToken } from "./api-tokens.js";
import { platformDid } from "./did-documents.js";
import { verifyIncomingPresentation } from "./verify-credential.js";
import { callbackEnvironment } from "./wallet-issuance.js";

type Json = Record<string, unknown>;

export const REQUEST_TTL_S = 10 * 60;
const base = (deps: Deps) => deps.config.publicUrl.href.replace(/\/$/, "");

const verifierOf = (deps: Deps) =>
  openid4vpVerifier(callbackEnvironment(deps), { allowInsecureUrls: deps.config.publicUrl.protocol === "http:" });
export const clientIdOf = (deps: Deps) => `decentralized_identifier:${platformDid(deps)}`;
const responseUriOf = (deps: Deps) => `${base(deps)}/openid4vp/response`;
export const requestUriOf = (deps: Deps, id: string) => `${base(deps)}/openid4vp/requests/${id}`;

const parametersOf = (r: PresentationRequestRecord, deps: Deps): RequestParameters => ({
  clientId: r.clientId,
  responseUri: responseUriOf(deps),
  nonce: r.nonce,
  state: r.state,
  query: r.query,
  clientName: "Kualik",
});

export interface CreatedRequest {
  readonly id: string;
  readonly authorizationRequest: string;
  readonly requestUri: string;
  readonly qrPngDataUrl: string;
  /** Lets the requester read the result; shown once, stored as a hash. */
  readonly resultKey: string;
  readonly expiresAt: Date;
}

export async function createPresentationRequest(
  input: { query: Json | null; purpose: string | null; requester: string },
  actor: string,
  deps: Deps,
): Promise<CreatedRequest> {
  let query: Json;
  try {
    query = parseDcqlQuery(input.query ?? MICRO_QUALIFICATION_QUERY);
  } catch (error) {
    throw new AppError("DCQL_QUERY_INVALID", { reason: (error as Error).message }, { cause: error });
  }
  const id = randomUUID();
  const did = platformDid(deps);
  const identifier = await deps.repos.veramo.getIdentifier({ did });
  const key = identifier?.keys[0];
  if (!key) throw new Error("the platform has no signing key");
  const now = deps.clock();
  const parameters: RequestParameters = {
    clientId: clientIdOf(deps),
    responseUri: responseUriOf(deps),
    nonce: randomBytes(24).toString("base64url"),
    state: randomBytes(24).toString("base64url"),
    query,
    clientName: "Kualik",
  };
  const { authorizationRequest, requestObject } = await verifierOf(deps).createRequest({
    ...parameters,
    requestUri: requestUriOf(deps, id),
    signerDidUrl: verificationMethodId(did, key.publicKeyHex),
    expiresInSeconds: REQUEST_TTL_S,
  });
  const resultKey = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + REQUEST_TTL_S * 1000);
  await deps.repos.wallets.createRequest({
    id,
    nonce: parameters.nonce,
    state: parameters.state,
    clientId: parameters.clientId,
    requestObject,
    resultKeyHash: hashToken(resultKey),
    query,
    requester: input.requester,
    purpose: input.purpose,
    expiresAt,
    createdBy: actor,
  });
  return {
    id,
    authorizationRequest,
    requestUri: requestUriOf(deps, id),
    qrPngDataUrl: await QRCode.toDataURL(authorizationRequest, { errorCorrectionLevel: "M", margin: 2, width: 320 }),
    resultKey,
    expiresAt,
  };
}

/** The signed request object, while the request is open. */
export async function requestObjectOf(id: string, deps: Deps): Promise<string> {
  const request = await deps.repos.wallets.findRequest(id);
  if (!request || request.status !== "pending" || request.expiresAt <= deps.clock())
    throw new ProtocolError(404, "invalid_request_uri", "the request is unknown, answered or expired");
  return request.requestObject;
}

/** The wallet's direct_post answer: verified, checked against the query, recorded once. */
export async function receivePresentation(form: Json, deps: Deps): Promise<Json> {
  const state = typeof form.state === "string" ? form.state : "";
  const request = state ? await deps.repos.wallets.findRequestByState(state) : null;
  if (!request) throw new ProtocolError(400, "invalid_request", "the state matches no presentation request");
  if (request.status !== "pending") throw new ProtocolError(400, "invalid_request", "a response was already received for this request");
  const now = deps.clock();
  if (request.expiresAt <= now) throw new ProtocolError(400, "invalid_request", "the presentation request has expired");

  const verifier = verifierOf(deps);
  const presentations = await verifier.parseResponse(parametersOf(request, deps), form);
  const reports: Json[] = [];
  const presented: Record<string, { format: string; credential: Json }[]> = {};
  let holder: string | null = null;
  let verified = true;
  for (const [queryId, list] of Object.entries(presentations)) {
    presented[queryId] = [];
    for (const vp of list) {
      const report = await verifyIncomingPresentation(
        vp,
        { challenge: request.nonce, domain: request.clientId },
        { requireTrust: true },
        deps,
      );
      // The presentation itself (its signature, nonce, audience) and the holder's binding to each credential are
      // the protocol: when they fail, the answer is refused and the request stays open for the real holder.
      const broken = [...report.checks, ...report.credentials.flatMap((c) => c.checks.filter((k) => k.id === "holder"))].find(
        (k) => k.outcome === "failed",
      );
      if (broken) throw new ProtocolError(400, "invalid_request", `the presentation is not accepted: ${broken.reason}`);
      reports.push({
        queryId,
        verified: report.verified,
        verdict: report.verdict,
        holder: report.holder,
        checks: report.checks,
        credentials: report.credentials,
      });
      holder ??= report.holder;
      verified &&= report.verified;
      for (const c of report.credentials)
        if (c.credential)
          presented[queryId]!.push({ format: c.format === "data-integrity" ? "ldp_vc" : "jwt_vc_json", credential: c.credential });
    }
  }
  if (!verifier.satisfies(request.query, presented))
    throw new ProtocolError(400, "invalid_request", "the presented credentials do not satisfy the request's DCQL query");
  // What was presented is recorded, valid or not: a revoked or expired credential is the verifier's to see.
  const status = verified ? "verified" : "rejected";
  const result: Json = {
    verified: status === "verified",
    satisfiesQuery: true,
    holder,
    presentations: reports,
    credentials: reports.flatMap((r) =>
      (r.credentials as Json[]).map((c) => ({ verdict: c.verdict, issuer: c.issuer, credential: c.credential })),
    ),
  };
  // A second answer racing this one finds the request no longer pending.
  if (!(await deps.repos.wallets.answerRequest(request.id, status, result, now)))
    throw new ProtocolError(400, "invalid_request", "a response was already received for this request");
  await deps.repos.audit.record(
    {
      actor: holder ? `wallet:${holder}` : "wallet",
      action: "presentation.received",
      subject: `presentation_request:${request.id}`,
      details: { status },
    },
    now,
  );
  // The wallet learns only that the answer arrived; the result is for the verifier's page.
  return {};
}

export interface RequestResult {
  readonly id: string;
  readonly status: PresentationRequestRecord["status"];
  readonly result: Json | null;
  readonly expiresAt: string;
  readonly respondedAt: string | null;
}

/** The openid4vp:// URI of a request (what its QR code holds), rebuilt from what is stored. */
const authorizationRequestOf = (r: PresentationRequestRecord, deps: Deps) =>
  `${PRESENTATION_SCHEME}?client_id=${encodeURIComponent(r.clientId)}&request_uri=${encodeURIComponent(requestUriOf(deps, r.id))}`;

export async function presentationResult(
  id: string,
  key: string,
  deps: Deps,
): Promise<RequestResult & { authorizationRequest: string | null; qrPngDataUrl: string | null }> {
  const request = await deps.repos.wallets.findRequest(id);
  if (!request || request.resultKeyHash !== hashToken(key)) throw new AppError("PRESENTATION_REQUEST_NOT_FOUND", { requestId: id });
  const status = request.status === "pending" && request.expiresAt <= deps.clock() ? "expired" : request.status;
  return {
    id: request.id,
    status,
    result: request.result,
    expiresAt: request.expiresAt.toISOString(),
    respondedAt: request.respondedAt?.toISOString() ?? null,
    authorizationRequest: status === "pending" ? authorizationRequestOf(request, deps) : null,
    qrPngDataUrl:
      status === "pending"
        ? await QRCode.toDataURL(authorizationRequestOf(request, deps), { errorCorrectionLevel: "M", margin: 2, width: 320 })
        : null,
  };
}
