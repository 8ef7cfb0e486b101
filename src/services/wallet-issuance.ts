// Getting a credential into a wallet (OpenID4VCI 1.0, pre-authorized code flow). The registrar or the learner
// (from the holder page) creates a one-time, expiring offer with a PIN; the wallet redeems the code (with the PIN)
// for a one-time access token, asks for a nonce, proves possession of its key, and receives the credential
// re-signed with its own DID as the subject. Codes, tokens and PINs are stored only as SHA-256 hashes.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import QRCode from "qrcode";
import type { CredentialPayload } from "../credentials/agent.js";
import { verificationMethodId } from "../credentials/did-web.js";
import { ed25519DidKeyDocument } from "../credentials/data-integrity.js";
import { decodeJws, signVcJwt } from "../credentials/vc-jose.js";
import type { IssuedCredential } from "../db/repositories/credentials.js";
import type { CredentialOfferRecord } from "../db/repositories/wallets.js";
import { runInTransaction } from "../db/transaction.js";
import type { Institution } from "../domain/institutions/institution.js";
import { OB_V3_CONTEXT, VC_V1_CONTEXT } from "../domain/qualifications/micro-credential.js";
import { AppError } from "../errors.js";
import type { CallbackEnvironment } from "../openid4vc/callbacks.js";
import { openid4vciIssuer, ProtocolError, type ConfigurationId } from "../openid4vc/issuer.js";
import type { Deps } from "./deps.js";
import { hashToken } from "./api-tokens.js";
import { verificationEnvironment } from "./verify-credential.js";

type Json = Record<string, unknown>;

export const OFFER_TTL_MS = 7 * 24 * 3600_000;
export const ACCESS_TOKEN_TTL_S = 600;
export const NONCE_TTL_S = 300;
/** Wrong PINs before the offer is blocked: a 6-digit PIN cannot be guessed in 5 tries (1 in 200,000). */
export const MAX_WRONG_PINS = 5;

const base = (deps: Deps) => deps.config.publicUrl.href.replace(/\/$/, "");

export const credentialIssuerOf = (deps: Deps, slug: string) => `${base(deps)}/orgs/${slug}`;
export const offerUrlOf = (deps: Deps, slug: string, offerId: string) => `${credentialIssuerOf(deps, slug)}/openid4vci/offers/${offerId}`;

/** Our keys and DID resolution, as the OpenID4VC libraries' callbacks need them. */
export function callbackEnvironment(deps: Deps): CallbackEnvironment {
  const env = verificationEnvironment(deps);
  return {
    ownSigner: async (didUrl) => {
      const [did] = didUrl.split("#") as [string];
      const identifier = await deps.repos.veramo.getIdentifier({ did });
      const key = identifier?.keys.find((k) => verificationMethodId(did, k.publicKeyHex) === didUrl);
      return key ? deps.signing.signer(key.kid) : null;
    },
    // A wallet's did:key in the Multikey form; anything else as verification resolves it (ours from the database).
    didDocument: async (did) => ed25519DidKeyDocument(did) ?? (await env.resolveDid(did)),
  };
}

export function issuerOf(institution: Institution, deps: Deps) {
  return openid4vciIssuer(
    {
      credentialIssuer: credentialIssuerOf(deps, institution.slug),
      names: institution.names,
      allowInsecureUrls: deps.config.publicUrl.protocol === "http:",
    },
    callbackEnvironment(deps),
  );
}

export interface CreatedOffer {
  readonly offerId: string;
  /** openid-credential-offer://?credential_offer_uri=… — what the QR code holds. */
  readonly offerUri: string;
  readonly qrPngDataUrl: string;
  /** The PIN, shown once and never stored in clear; null when the offer asks for none. */
  readonly txCode: string | null;
  readonly expiresAt: Date;
  readonly configurationId: ConfigurationId;
}

export async function createOffer(
  institution: Institution,
  credential: IssuedCredential,
  input: { configurationId: ConfigurationId; withPin: boolean },
  actor: string,
  deps: Deps,
): Promise<CreatedOffer> {
  if (credential.institutionId !== institution.id || credential.kind !== "micro_qualification")
    throw new AppError("CREDENTIAL_NOT_FOUND", { credentialId: credential.id });
  if (credential.status === "revoked")
    throw new AppError("CREDENTIAL_NOT_OFFERABLE", { credentialId: credential.id, status: credential.status });
  const offerId = randomUUID();
  const txCode = input.withPin ? String(randomInt(0, 1_000_000)).padStart(6, "0") : null;
  const { offerUri, offer, preAuthorizedCode } = await issuerOf(institution, deps).createOffer({
    configurationId: input.configurationId,
    offerUri: offerUrlOf(deps, institution.slug, offerId),
    txCode: txCode ? { length: 6, description: "PIN / ПИН / PIN" } : null,
  });
  const expiresAt = new Date(deps.clock().getTime() + OFFER_TTL_MS);
  await runInTransaction(deps.db, async () => {
    await deps.repos.wallets.createOffer({
      id: offerId,
      institutionId: institution.id,
      credentialId: credential.id,
      configurationId: input.configurationId,
      offer,
      preAuthorizedCodeHash: hashToken(preAuthorizedCode),
      txCodeHash: txCode ? hashToken(`${offerId}:${txCode}`) : null,
      txCodeLength: txCode ? 6 : null,
      expiresAt,
      createdBy: actor,
    });
    await deps.repos.audit.record(
      {
        actor,
        action: "credential.offered",
        institutionId: institution.id,
        subject: credential.id,
        details: { offerId, configurationId: input.configurationId, pin: txCode !== null },
      },
      deps.clock(),
    );
  });
  return {
    offerId,
    offerUri,
    qrPngDataUrl: await QRCode.toDataURL(offerUri, { errorCorrectionLevel: "M", margin: 2, width: 320 }),
    txCode,
    expiresAt,
    configurationId: input.configurationId,
  };
}

/** The offer object at its credential_offer_uri, while it can still be redeemed. */
export async function offerObject(institution: Institution, offerId: string, deps: Deps): Promise<Json> {
  const offer = await deps.repos.wallets.findOffer(offerId);
  if (!offer || offer.institutionId !== institution.id || offer.status !== "offered" || offer.expiresAt <= deps.clock())
    throw new AppError("OFFER_NOT_FOUND", { offerId });
  return offer.offer;
}

const invalidGrant = (description: string) => new ProtocolError(400, "invalid_grant", description);

/** The token endpoint: one pre-authorized code, one access token; the PIN checked with a limit on attempts. */
export async function redeemPreAuthorizedCode(
  institution: Institution,
  request: { url: string; headers: Headers },
  form: Record<string, unknown>,
  deps: Deps,
): Promise<Json> {
  const issuer = issuerOf(institution, deps);
  const parsed = issuer.parseTokenRequest(request, form);
  const code = parsed.grant.preAuthorizedCode;
  const now = deps.clock();
  const offer = await deps.repos.wallets.findOfferByCode(hashToken(code));
  if (!offer || offer.institutionId !== institution.id) throw invalidGrant("the pre-authorized code is not known");
  if (offer.status === "blocked") throw invalidGrant("the offer is blocked after too many wrong PINs; ask for a new one");
  if (offer.status !== "offered") throw invalidGrant("the pre-authorized code was already used");
  if (offer.expiresAt <= now) throw invalidGrant("the pre-authorized code has expired");
  if (offer.txCodeHash) {
    const txCode = parsed.grant.txCode;
    if (!txCode) throw new ProtocolError(400, "invalid_request", "this offer needs the PIN (tx_code)");
    if (hashToken(`${offer.id}:${txCode}`) !== offer.txCodeHash) {
      const wrong = await deps.repos.wallets.countWrongTxCode(offer.id, MAX_WRONG_PINS);
      throw invalidGrant(
        wrong >= MAX_WRONG_PINS ? "wrong PIN; the offer is now blocked" : `wrong PIN (${MAX_WRONG_PINS - wrong} attempts left)`,
      );
    }
  }
  await issuer.verifyTokenRequest(parsed, request, {
    preAuthorizedCode: code,
    txCode: parsed.grant.txCode,
    expiresAt: offer.expiresAt,
    now,
  });
  const accessToken = randomBytes(32).toString("base64url");
  const moved = await deps.repos.wallets.advanceOffer(offer.id, "offered", {
    status: "token_issued",
    accessTokenHash: hashToken(accessToken),
    accessTokenExpiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_S * 1000),
  });
  if (!moved) throw invalidGrant("the pre-authorized code was already used");
  return { access_token: accessToken, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_S };
}

export async function issueNonce(institution: Institution, deps: Deps): Promise<Json> {
  const nonce = randomBytes(24).toString("base64url");
  await deps.repos.wallets.createNonce(nonce, institution.id, new Date(deps.clock().getTime() + NONCE_TTL_S * 1000));
  return issuerOf(institution, deps).nonceResponse(nonce, NONCE_TTL_S) as unknown as Json;
}

const invalidToken = (description: string) =>
  new ProtocolError(401, "invalid_token", description, `Bearer error="invalid_token", error_description="${description}"`);

/** The credential endpoint: a valid one-time access token, a fresh nonce, a proof of the wallet's key. */
export async function issueToWallet(institution: Institution, authorization: string | undefined, body: Json, deps: Deps): Promise<Json> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) throw invalidToken("an access token is required");
  const now = deps.clock();
  const offer = await deps.repos.wallets.findOfferByAccessToken(hashToken(token));
  if (!offer || offer.institutionId !== institution.id) throw invalidToken("the access token is not known");
  if (offer.status !== "token_issued") throw invalidToken("the access token was already used");
  if (!offer.accessTokenExpiresAt || offer.accessTokenExpiresAt <= now) throw invalidToken("the access token has expired");

  const issuer = issuerOf(institution, deps);
  const { parsed, configurationId, proof } = issuer.parseCredentialRequest(body);
  if (configurationId !== offer.configurationId)
    throw new ProtocolError(400, "unknown_credential_configuration", `this offer is for ${offer.configurationId}, not ${configurationId}`);
  const nonce = String(decodeJws(proof)?.payload.nonce ?? "");
  if (!nonce || !(await deps.repos.wallets.useNonce(nonce, institution.id, now)))
    throw new ProtocolError(400, "invalid_nonce", "the proof's nonce is unknown, used or expired; ask the nonce endpoint for a fresh one");
  const holderDid = await issuer.verifyProof(proof, nonce, new Date(now.getTime() + 1000), now);

  const credential = await deps.repos.credentials.findById(offer.credentialId);
  if (!credential || credential.status === "revoked")
    throw new ProtocolError(400, "credential_request_denied", "the credential is no longer available");
  const issued = await signForHolder(institution, credential, holderDid, configurationId, deps);
  return runInTransaction(deps.db, async () => {
    if (!(await deps.repos.wallets.advanceOffer(offer.id, "token_issued", { status: "credential_issued", holderDid })))
      throw invalidToken("the access token was already used");
    await deps.repos.audit.record(
      {
        actor: `wallet:${holderDid}`,
        action: "credential.sent_to_wallet",
        institutionId: institution.id,
        subject: credential.id,
        details: { offerId: offer.id, configurationId, holderDid },
      },
      now,
    );
    return issuer.credentialResponse(parsed, issued) as unknown as Json;
  });
}

/**
 * The credential, re-signed with the wallet's DID as its subject: the same id and status entries, so revoking
 * the credential revokes the wallet's copy too. jwt_vc_json carries the VC data model 1.1 JWT claims (what
 * wallets and did-jwt-vc read); ldp_vc the VC 2.0 document with a Data Integrity proof.
 */
async function signForHolder(
  institution: Institution,
  credential: IssuedCredential,
  holderDid: string,
  configurationId: ConfigurationId,
  deps: Deps,
): Promise<string | Json> {
  const { proof: _proof, ...stored } = credential.document as Json & { proof?: unknown };
  const toFormat = (url: string, jwt: boolean) => (jwt ? (url.endsWith("/jwt") ? url : `${url}/jwt`) : url.replace(/\/jwt$/, ""));
  const statusFor = (jwt: boolean) =>
    ((stored.credentialStatus as Json[] | undefined) ?? []).map((s) => ({
      ...s,
      id: toFormat(String(s.statusListCredential), jwt) + `#${String(s.statusListIndex)}`,
      statusListCredential: toFormat(String(s.statusListCredential), jwt),
    }));
  const subject = { ...(stored.credentialSubject as Json), id: holderDid };

  if (configurationId === "MicroQualificationCredential_ldp_vc") {
    const document = { ...stored, credentialSubject: subject, credentialStatus: statusFor(false) };
    return (await deps.agent.createVerifiableCredential({
      credential: document as unknown as CredentialPayload,
      proofFormat: "di",
      keyRef: institution.activeKid,
    })) as unknown as Json;
  }
  const { validFrom, validUntil, credentialSchema: _schema, "@context": _context, ...rest } = stored;
  const seconds = (iso: unknown) => Math.floor(Date.parse(String(iso)) / 1000);
  const vc = {
    "@context": [VC_V1_CONTEXT, OB_V3_CONTEXT],
    ...rest,
    issuanceDate: validFrom,
    ...(validUntil ? { expirationDate: validUntil } : {}),
    credentialSubject: subject,
    credentialStatus: statusFor(true),
  };
  const claims = {
    iss: institution.did,
    sub: holderDid,
    jti: String(stored.id),
    nbf: seconds(validFrom),
    ...(validUntil ? { exp: seconds(validUntil) } : {}),
    vc,
  };
  const signer = await deps.signing.signer(institution.activeKid);
  return signVcJwt(claims, signer, verificationMethodId(institution.did, signer.publicKeyHex), "JWT");
}

export async function offersOf(credentialId: string, deps: Deps): Promise<CredentialOfferRecord[]> {
  return deps.repos.wallets.offersOf(credentialId);
}
