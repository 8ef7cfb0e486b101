// Verifies one credential in any of the formats we accept and reports every check separately (never
// throws for an invalid credential). What to conclude is decided by src/domain/verification.
// Formats: VC-JOSE vc+jwt (VC 2.0), JWT VCs of VC 1.1 (the `vc` claim), EnvelopedVerifiableCredential,
// and Data Integrity eddsa-rdfc-2022.
import { base58 } from "@scure/base";
import { compactVerify, decodeProtectedHeader, importJWK, type JWK, type ProtectedHeaderParameters } from "jose";
import type { Check, CheckId, Outcome, TrustLevel } from "../domain/verification/report.js";
import { isBundledContext, verifyDataIntegrity, type DocumentLoader } from "./data-integrity.js";
import { ed25519PublicKey, ed25519Verify } from "./ed25519.js";
import { decodeStatusList } from "./status-list.js";

type Json = Record<string, unknown>;

export type Format = "vc+jwt" | "jwt-vc-1.1" | "data-integrity" | "unknown";

export interface StatusListDocument {
  readonly kind: "jwt" | "json";
  readonly body: string | Json;
}

/**
 * A value, or a promise of it. Environments answer from their caches without a promise: with async hooks on
 * (AsyncLocalStorage), every promise of a check costs hook calls and a turn of the microtask queue.
 */
export type MaybePromise<T> = T | Promise<T>;

export interface VerifyEnvironment {
  readonly now: Date;
  resolveDid(did: string): MaybePromise<Json | null>;
  fetchStatusList(url: string): Promise<StatusListDocument | null>;
  trustOf(issuerDid: string): MaybePromise<{ level: TrustLevel; name?: string }>;
  /** Validates against a credentialSchema; null when the schema is not one we can check. */
  validateSchema(schemaId: string, credential: Json): MaybePromise<{ valid: boolean; errors: string[] } | null>;
  loader: DocumentLoader;
  /** Verified and decoded status lists by URL (optional; shared between verifications). */
  statusLists?: { get(url: string): DecodedStatusList | undefined; set(url: string, list: DecodedStatusList): void };
}

export interface DecodedStatusList {
  readonly issuer: string;
  readonly purpose: string;
  readonly length: number;
  get(index: number): boolean;
}

export interface CredentialFindings {
  readonly format: Format;
  readonly credential: Json | null;
  readonly issuer: string | null;
  readonly checks: Check[];
}

const check = (id: CheckId, outcome: Outcome, code: string, reason: string, details?: Json): Check =>
  details ? { id, outcome, code, reason, details } : { id, outcome, code, reason };

/** The DID document, or null when it cannot be resolved (a resolver error is "unresolvable", not a crash). */
export function resolveDidOrNull(env: VerifyEnvironment, did: string): MaybePromise<Json | null> {
  try {
    const doc = env.resolveDid(did);
    return doc instanceof Promise ? doc.catch(() => null) : doc;
  } catch {
    return null;
  }
}

type JwsHeader = Pick<ProtectedHeaderParameters, "alg" | "kid">;

interface Parsed {
  format: Format;
  credential: Json;
  jwt?: string;
  /** The JWT's protected header, decoded once. */
  header?: JwsHeader;
  /** VC 1.1 JWT registered claims that stand for credential properties. */
  claims?: { iss?: string; nbf?: number; exp?: number };
}

/** Recognises the document's format; null when it is not a credential at all. */
export function parseCredential(input: unknown): Parsed | null {
  if (typeof input === "string") return parseJwt(input.trim());
  if (!input || typeof input !== "object" || Array.isArray(input)) return null;
  const doc = input as Json;
  const types = [doc.type].flat();
  if (types.includes("EnvelopedVerifiableCredential") && typeof doc.id === "string" && doc.id.startsWith("data:application/vc+jwt,")) {
    return parseJwt(doc.id.slice("data:application/vc+jwt,".length));
  }
  const proof = doc.proof as Json | undefined;
  if (proof && typeof proof.jwt === "string") return parseJwt(proof.jwt);
  if (!doc["@context"] || !types.includes("VerifiableCredential")) return null;
  return { format: proof ? "data-integrity" : "unknown", credential: doc };
}

// One scratch buffer for a JWT's bytes (its payload, its signing input), each used synchronously and done with
// before the next: a fresh Buffer per JWT (most are over 4 KiB, outside Node's pool) was a measurable cost.
const SCRATCH_MAX = 1024 * 1024;
let scratch = Buffer.allocUnsafeSlow(32 * 1024);

/** A buffer of at least `bytes` bytes, valid until the next call. */
function scratchBuffer(bytes: number): Buffer {
  if (bytes > SCRATCH_MAX) return Buffer.allocUnsafe(bytes);
  if (scratch.length < bytes) scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_MAX, Math.max(bytes, scratch.length * 2)));
  return scratch;
}

/** The UTF-8 text of a base64url string (decoded as Buffer.from(text, "base64url") does). */
function base64urlText(text: string): string {
  const buffer = scratchBuffer(Math.ceil((text.length * 3) / 4));
  return buffer.toString("utf8", 0, buffer.write(text, "base64url"));
}

/** The UTF-8 bytes of a string, in the scratch buffer: valid until the next scratch use. */
function scratchUtf8(text: string): Buffer {
  // A UTF-16 code unit never takes more than 3 bytes in UTF-8, so the write is never cut short.
  const buffer = scratchBuffer(text.length * 3);
  return buffer.subarray(0, buffer.write(text, "utf8"));
}

function parseJwt(jwt: string): Parsed | null {
  const parts = jwt.split(".");
  if (parts.length !== 3) return null;
  let header: JwsHeader;
  let payload: Json;
  try {
    header = decodeProtectedHeader(jwt);
    payload = JSON.parse(base64urlText(parts[1]!)) as Json;
  } catch {
    return null;
  }
  if (payload.vc && typeof payload.vc === "object") {
    const vc = { ...(payload.vc as Json) };
    if (typeof payload.iss === "string" && !vc.issuer) vc.issuer = payload.iss;
    if (typeof payload.jti === "string" && !vc.id) vc.id = payload.jti;
    return {
      format: "jwt-vc-1.1",
      credential: vc,
      jwt,
      header,
      claims: { iss: payload.iss as string, nbf: payload.nbf as number, exp: payload.exp as number },
    };
  }
  if (payload["@context"]) return { format: "vc+jwt", credential: payload, jwt, header };
  return null;
}

export function issuerOf(credential: Json): string | null {
  const issuer = credential.issuer;
  if (typeof issuer === "string") return issuer;
  if (issuer && typeof issuer === "object" && typeof (issuer as Json).id === "string") return (issuer as Json).id as string;
  return null;
}

// Decoded multibase keys (base58 is slow to decode, and the same few keys sign everything).
const multibaseJwks = new Map<string, JWK | null>();

/** The JWK of a verification method (Multikey Ed25519, publicKeyJwk, or base58 Ed25519 keys). */
export function jwkOf(method: Json): JWK | null {
  if (method.publicKeyJwk && typeof method.publicKeyJwk === "object") return method.publicKeyJwk as JWK;
  const multibase = typeof method.publicKeyMultibase === "string" ? method.publicKeyMultibase : null;
  if (multibase?.startsWith("z")) {
    let jwk = multibaseJwks.get(multibase);
    if (jwk === undefined) {
      const bytes = base58.decode(multibase.slice(1));
      const raw = bytes[0] === 0xed && bytes[1] === 0x01 ? bytes.slice(2) : bytes.length === 32 ? bytes : null;
      jwk = raw && raw.length === 32 ? { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") } : null;
      if (multibaseJwks.size > 10_000) multibaseJwks.clear();
      multibaseJwks.set(multibase, jwk);
    }
    if (jwk) return { ...jwk };
  }
  if (typeof method.publicKeyBase58 === "string") {
    const raw = base58.decode(method.publicKeyBase58);
    if (raw.length === 32) return { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") };
  }
  return null;
}

type Relationship = "assertionMethod" | "authentication";

/** The DID's methods listed under a relationship (assertion for issuers, authentication for holders), by absolute id. */
function methodsFor(doc: Json, did: string, relationship: Relationship): Json[] {
  const methods = ((doc.verificationMethod as Json[] | undefined) ?? []).map((m) => ({
    ...m,
    id: String(m.id).startsWith("#") ? `${did}${String(m.id)}` : m.id,
  }));
  const refs = ((doc[relationship] as (string | Json)[] | undefined) ?? []).map((r) =>
    typeof r === "string"
      ? r.startsWith("#")
        ? `${did}${r}`
        : r
      : { ...r, id: String(r.id).startsWith("#") ? `${did}${String(r.id)}` : r.id },
  );
  return refs.flatMap((r) => (typeof r === "string" ? methods.filter((m) => m.id === r) : [r]));
}

const ALLOWED_JWS_ALGS = ["EdDSA", "Ed25519", "ES256", "ES256K", "ES384"];

// Ed25519 JWS signatures are checked with node:crypto synchronously (the largest cost of a JWT check was
// WebCrypto's thread-pool round trip); jose handles the other algorithms.
function signatureMatches(jwt: string, alg: string, jwk: JWK): MaybePromise<boolean> {
  if ((alg === "EdDSA" || alg === "Ed25519") && jwk.kty === "OKP" && jwk.crv === "Ed25519" && typeof jwk.x === "string") {
    const dot = jwt.lastIndexOf(".");
    const signature = Buffer.from(jwt.slice(dot + 1), "base64url");
    return ed25519Verify(scratchUtf8(jwt.slice(0, dot)), ed25519PublicKey(jwk.x), signature);
  }
  return joseSignatureMatches(jwt, alg, jwk);
}

async function joseSignatureMatches(jwt: string, alg: string, jwk: JWK): Promise<boolean> {
  try {
    await compactVerify(jwt, await importJWK(jwk, alg), { algorithms: ALLOWED_JWS_ALGS });
    return true;
  } catch {
    return false;
  }
}

const ROLES = {
  issuer: {
    relationship: "assertionMethod",
    valid: "signature_valid",
    who: "issuer",
    what: "the credential",
    purpose: "issuing credentials",
  },
  holder: {
    relationship: "authentication",
    valid: "holder_signature_valid",
    who: "holder",
    what: "the presentation",
    purpose: "presenting",
  },
} as const;

/** Checks a JWS against the keys `did` lists for its role: assertion for an issuer, authentication for a holder. */
export function verifyJws(jwt: string, did: string, doc: Json, role: keyof typeof ROLES = "issuer"): MaybePromise<Check> {
  let header: JwsHeader;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return check("signature", "failed", "malformed_jws", "The signature part of the JWT cannot be read.");
  }
  return jwsCheck(jwt, header, did, doc, role);
}

/** verifyJws with the header already decoded. Ed25519 signatures are checked without a promise. */
function jwsCheck(jwt: string, header: JwsHeader, did: string, doc: Json, role: keyof typeof ROLES): MaybePromise<Check> {
  const r = ROLES[role];
  if (!header.alg || !ALLOWED_JWS_ALGS.includes(header.alg)) {
    return check(
      "signature",
      "failed",
      "algorithm_not_allowed",
      `The JWT is signed with "${header.alg ?? "none"}", which is not accepted.`,
    );
  }
  const kid = header.kid ? (header.kid.startsWith("#") ? `${did}${header.kid}` : header.kid) : null;
  if (kid && !kid.startsWith(`${did}#`)) {
    return check("signature", "failed", "key_of_another_did", `The signing key ${kid} does not belong to the ${r.who} ${did}.`);
  }
  const candidates = methodsFor(doc, did, r.relationship);
  const keys = kid ? candidates.filter((m) => m.id === kid) : candidates;
  if (keys.length === 0) {
    return check(
      "signature",
      "failed",
      "key_not_authorised",
      `The ${r.who}'s DID document does not authorise ${kid ?? "any key"} for ${r.purpose}.`,
    );
  }
  const outcome = (method: Json | null): Check =>
    method
      ? check("signature", "passed", r.valid, `The ${r.who}'s signature is valid: nothing was changed since it was signed.`, {
          verificationMethod: method.id,
        })
      : check(
          "signature",
          "failed",
          "signature_mismatch",
          `The signature does not match ${r.what}: it was changed, or signed by someone other than the ${r.who}.`,
        );
  const method = firstSigningMethod(jwt, header.alg, keys, 0);
  return method instanceof Promise ? method.then(outcome) : outcome(method);
}

/** The first of `methods` (from index `from`, in order) whose key made the signature, or null. */
function firstSigningMethod(jwt: string, alg: string, methods: Json[], from: number): MaybePromise<Json | null> {
  for (let i = from; i < methods.length; i++) {
    const method = methods[i]!;
    const jwk = jwkOf(method);
    if (!jwk) continue;
    const matches = signatureMatches(jwt, alg, jwk);
    if (matches instanceof Promise) return matches.then((yes) => (yes ? method : firstSigningMethod(jwt, alg, methods, i + 1)));
    if (matches) return method;
  }
  return null;
}

function contextsCheck(credential: Json, format: Format): Check {
  const contexts = [credential["@context"]].flat().filter((c): c is string => typeof c === "string");
  const unknown = contexts.filter((c) => !isBundledContext(c));
  if (contexts.length === 0) return check("contexts", "failed", "no_context", "The credential names no @context.");
  if (unknown.length === 0) return check("contexts", "passed", "contexts_known", "Every @context is one this service knows.");
  // A JWT is verified as JSON; an unknown context there changes nothing we check, so it is a warning.
  if (format !== "data-integrity")
    return check("contexts", "warning", "unknown_context", `Unknown @context ${unknown.join(", ")} (not fetched).`, { unknown });
  return check(
    "contexts",
    "failed",
    "unknown_context",
    `Unknown @context ${unknown.join(", ")}: it is never fetched, so the proof cannot be checked.`,
    { unknown },
  );
}

function validityCheck(parsed: Parsed, now: Date): Check {
  const c = parsed.credential;
  const from =
    (c.validFrom as string | undefined) ??
    (c.issuanceDate as string | undefined) ??
    (parsed.claims?.nbf ? new Date(parsed.claims.nbf * 1000).toISOString() : undefined);
  const until =
    (c.validUntil as string | undefined) ??
    (c.expirationDate as string | undefined) ??
    (parsed.claims?.exp ? new Date(parsed.claims.exp * 1000).toISOString() : undefined);
  const fromTime = from ? Date.parse(from) : NaN;
  const untilTime = until ? Date.parse(until) : NaN;
  if ((from && Number.isNaN(fromTime)) || (until && Number.isNaN(untilTime)))
    return check("validity", "failed", "bad_date", "A validity date is not a date.");
  if (!Number.isNaN(fromTime) && fromTime > now.getTime() + 60_000)
    return check("validity", "failed", "not_yet_valid", `The credential is valid only from ${from}.`, { validFrom: from });
  if (!Number.isNaN(untilTime) && untilTime < now.getTime())
    return check("validity", "failed", "expired", `The credential expired on ${until}.`, { validUntil: until });
  return check("validity", "passed", "within_validity", until ? `Valid until ${until}.` : "Valid with no end date.", {
    validFrom: from ?? null,
    validUntil: until ?? null,
  });
}

function statusCheck(credential: Json, issuer: string, env: VerifyEnvironment): MaybePromise<Check> {
  const entries = [credential.credentialStatus].flat().filter((e): e is Json => !!e && typeof e === "object");
  if (entries.length === 0) return check("status", "skipped", "no_status", "The credential has no status list: it cannot be revoked.");
  return statusOfEntries(entries, 0, [], issuer, env);
}

/** Checks the status entries in order from `from`, stopping at the first that fails; cached lists need no promise. */
function statusOfEntries(entries: Json[], from: number, seen: Json[], issuer: string, env: VerifyEnvironment): MaybePromise<Check> {
  for (let i = from; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.type !== "BitstringStatusListEntry" && entry.type !== "StatusList2021Entry") {
      return check("status", "warning", "unsupported_status", `Status of type ${String(entry.type)} is not checked.`);
    }
    const url = String(entry.statusListCredential ?? "");
    const index = Number(entry.statusListIndex);
    const purpose = String(entry.statusPurpose ?? "revocation");
    if (!url || !Number.isInteger(index) || index < 0)
      return check("status", "failed", "status_entry_invalid", "The status entry has no list URL or index.");
    const decoded = loadStatusList(url, issuer, env);
    if (decoded instanceof Promise)
      return decoded.then((list) => entryFailure(list, url, index, purpose, seen) ?? statusOfEntries(entries, i + 1, seen, issuer, env));
    const failure = entryFailure(decoded, url, index, purpose, seen);
    if (failure) return failure;
  }
  return check("status", "passed", "not_revoked", "Not revoked and not suspended, according to the issuer's status lists.", {
    lists: seen,
  });
}

/** The failed check of one status entry, or null when its bit is clear (the entry is then added to `seen`). */
function entryFailure(
  decoded: DecodedStatusList | "unavailable" | "invalid",
  url: string,
  index: number,
  purpose: string,
  seen: Json[],
): Check | null {
  if (decoded === "unavailable")
    return check("status", "failed", "status_unavailable", `The status list ${url} could not be fetched.`, { url });
  if (decoded === "invalid")
    return check("status", "failed", "status_list_invalid", `The status list ${url} is not a valid list signed by the issuer.`, { url });
  if (decoded.purpose !== purpose)
    return check("status", "failed", "status_list_invalid", `The status list ${url} is for "${decoded.purpose}", not "${purpose}".`);
  if (index >= decoded.length)
    return check("status", "failed", "status_entry_invalid", `Position ${index} is outside the status list ${url}.`);
  const set = decoded.get(index);
  if (set && purpose === "revocation")
    return check("status", "failed", "revoked", "The issuer has revoked this credential.", { url, index });
  if (set && purpose === "suspension")
    return check("status", "failed", "suspended", "The issuer has suspended this credential.", { url, index });
  seen.push({ purpose, url, index });
  return null;
}

type LoadedStatusList = DecodedStatusList | "unavailable" | "invalid";

/**
 * Fetches of status lists under way, per status-list cache: when a list expires, the requests that arrive
 * meanwhile wait for the one fetch instead of each fetching, verifying and decoding the list again.
 */
const fetching = new WeakMap<object, Map<string, Promise<LoadedStatusList>>>();

function loadStatusList(url: string, issuer: string, env: VerifyEnvironment): MaybePromise<LoadedStatusList> {
  const cache = env.statusLists;
  const cached = cache?.get(url);
  if (cached && cached.issuer === issuer) return cached;
  if (!cache) return fetchStatusList(url, issuer, env);
  let pending = fetching.get(cache);
  if (!pending) fetching.set(cache, (pending = new Map()));
  const key = `${issuer} ${url}`;
  const underway = pending.get(key);
  if (underway) return underway;
  const fetched = fetchStatusList(url, issuer, env).finally(() => pending.delete(key));
  pending.set(key, fetched);
  return fetched;
}

async function fetchStatusList(url: string, issuer: string, env: VerifyEnvironment): Promise<LoadedStatusList> {
  const list = await env.fetchStatusList(url).catch(() => null);
  if (!list) return "unavailable";
  const listCredential = await verifiedStatusList(list, issuer, env);
  if (!listCredential) return "invalid";
  const subject = listCredential.credentialSubject as Json | undefined;
  const encoded = String(subject?.encodedList ?? "");
  try {
    const bits = await decodeStatusList(encoded.startsWith("u") ? encoded.slice(1) : encoded);
    const decoded: DecodedStatusList = { issuer, purpose: String(subject?.statusPurpose), length: bits.length, get: bits.get };
    env.statusLists?.set(url, decoded);
    return decoded;
  } catch {
    return "invalid";
  }
}

async function verifiedStatusList(list: StatusListDocument, issuer: string, env: VerifyEnvironment): Promise<Json | null> {
  if (list.kind === "jwt") {
    const parsed = parseJwt(String(list.body));
    if (!parsed || issuerOf(parsed.credential) !== issuer) return null;
    const doc = await env.resolveDid(issuer);
    if (!doc) return null;
    return (await verifyJws(String(list.body), issuer, doc)).outcome === "passed" ? parsed.credential : null;
  }
  const credential = list.body as Json;
  if (issuerOf(credential) !== issuer) return null;
  // The proof check leaves the dates to us: a list past its validUntil says nothing about today.
  if (validityCheck({ format: "data-integrity", credential }, env.now).outcome !== "passed") return null;
  const result = await verifyDataIntegrity(credential, env.loader);
  return result.verified ? credential : null;
}

type SchemaResult = { id: string; valid: boolean | null; errors: string[] };

function schemaCheck(credential: Json, env: VerifyEnvironment): MaybePromise<Check> {
  const schemas = [credential.credentialSchema].flat().filter((s): s is Json => !!s && typeof s === "object");
  if (schemas.length === 0) return check("schema", "skipped", "no_schema", "The credential names no schema.");
  return schemaResults(credential, schemas, 0, [], env);
}

/** Validates against each schema in order from `from`; schemas compiled already need no promise. */
function schemaResults(
  credential: Json,
  schemas: Json[],
  from: number,
  results: SchemaResult[],
  env: VerifyEnvironment,
): MaybePromise<Check> {
  for (let i = from; i < schemas.length; i++) {
    const id = String(schemas[i]!.id);
    const result = env.validateSchema(id, credential);
    if (result instanceof Promise)
      return result.then((r) => {
        results.push({ id, valid: r?.valid ?? null, errors: r?.errors ?? [] });
        return schemaResults(credential, schemas, i + 1, results, env);
      });
    results.push({ id, valid: result?.valid ?? null, errors: result?.errors ?? [] });
  }
  const broken = results.find((r) => r.valid === false);
  if (broken)
    return check(
      "schema",
      "failed",
      "schema_mismatch",
      `The credential does not match its schema ${broken.id}: ${broken.errors.slice(0, 3).join("; ")}`,
      { results },
    );
  if (results.every((r) => r.valid === true))
    return check("schema", "passed", "schema_valid", "The credential matches its published schema.", { results });
  return check("schema", "warning", "schema_not_checked", "The credential's schema is not one this service checks.", { results });
}

/** Runs every check on one credential. */
export async function verifyCredential(input: unknown, env: VerifyEnvironment): Promise<CredentialFindings> {
  const parsed = parseCredential(input);
  if (!parsed)
    return {
      format: "unknown",
      credential: null,
      issuer: null,
      checks: [check("format", "failed", "not_a_credential", "This is not a verifiable credential in a format we accept.")],
    };
  const checks: Check[] = [check("format", "passed", parsed.format, `Format: ${parsed.format}.`)];
  const { credential } = parsed;
  checks.push(contextsCheck(credential, parsed.format));

  const issuer = issuerOf(credential) ?? parsed.claims?.iss ?? null;
  // Each step may answer at once (from caches) or with a promise: awaited only when it is one.
  const resolved = issuer?.startsWith("did:") ? resolveDidOrNull(env, issuer) : null;
  const doc = resolved instanceof Promise ? await resolved : resolved;
  if (!issuer || !doc) {
    checks.push(
      check(
        "issuer",
        "failed",
        "issuer_unresolvable",
        issuer ? `The issuer ${issuer} could not be resolved.` : "The credential names no issuer.",
        { issuer },
      ),
    );
  } else {
    checks.push(check("issuer", "passed", "issuer_resolved", `Issuer ${issuer} resolved.`, { issuer }));
  }

  if (parsed.format === "unknown") {
    checks.push(check("signature", "failed", "no_proof", "The credential carries no proof."));
  } else if (issuer && doc && parsed.jwt) {
    const signature = parsed.header ? jwsCheck(parsed.jwt, parsed.header, issuer, doc, "issuer") : verifyJws(parsed.jwt, issuer, doc);
    checks.push(signature instanceof Promise ? await signature : signature);
  } else if (issuer && doc) {
    const proof = credential.proof as Json;
    const cryptosuite = String(proof.cryptosuite ?? proof.type);
    if (!((proof.type === "DataIntegrityProof" && proof.cryptosuite === "eddsa-rdfc-2022") || proof.type === "Ed25519Signature2020")) {
      checks.push(check("signature", "failed", "unsupported_proof", `Proofs of type ${cryptosuite} are not supported.`));
    } else if (!String(proof.verificationMethod ?? "").startsWith(`${issuer}#`)) {
      checks.push(
        check(
          "signature",
          "failed",
          "key_of_another_did",
          `The proof's key ${String(proof.verificationMethod)} does not belong to the issuer ${issuer}.`,
        ),
      );
    } else {
      const result = await verifyDataIntegrity(credential, env.loader).catch((error: Error) => ({
        verified: false,
        error: { message: error.message },
      }));
      checks.push(
        result.verified
          ? check("signature", "passed", "signature_valid", "The issuer's signature is valid: nothing was changed since it was signed.", {
              verificationMethod: proof.verificationMethod,
            })
          : check(
              "signature",
              "failed",
              "signature_mismatch",
              "The signature does not match the content: the credential was changed, or signed by someone else.",
              {
                detail:
                  (result as { error?: { message?: string; errors?: { message: string }[] } }).error?.errors?.[0]?.message ??
                  (result as { error?: { message?: string } }).error?.message,
              },
            ),
      );
    }
  } else {
    checks.push(check("signature", "skipped", "issuer_unresolvable", "Without the issuer's keys the signature cannot be checked."));
  }

  checks.push(validityCheck(parsed, env.now));
  const status =
    issuer && doc ? statusCheck(credential, issuer, env) : check("status", "skipped", "issuer_unresolvable", "Status was not checked.");
  checks.push(status instanceof Promise ? await status : status);
  const schema = schemaCheck(credential, env);
  checks.push(schema instanceof Promise ? await schema : schema);
  if (issuer) {
    const trustOf = env.trustOf(issuer);
    const trust = trustOf instanceof Promise ? await trustOf : trustOf;
    checks.push(
      trust.level === "trusted"
        ? check("trust", "passed", "trusted", `The issuer is vouched for${trust.name ? `: ${trust.name}` : ""}.`, {
            issuer,
            name: trust.name ?? null,
          })
        : trust.level === "no-longer-accredited"
          ? check("trust", "failed", "no-longer-accredited", "The issuer is no longer accredited.", { issuer })
          : check("trust", "warning", "unknown", "Nobody this service trusts vouches for the issuer.", { issuer }),
    );
  }
  return { format: parsed.format, credential, issuer, checks };
}
