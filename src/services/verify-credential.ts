// Verifying any incoming credential: builds the environment the verifier needs (DID resolution, status
// lists, schemas, trust) from this service's own data where it can, and fetches safely where it must.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { documentLoader } from "../credentials/data-integrity.js";
import { safeFetch } from "../credentials/safe-fetch.js";
import {
  verifyCredential,
  type CredentialFindings,
  type MaybePromise,
  type StatusListDocument,
  type VerifyEnvironment,
} from "../credentials/verifier.js";
import { verifyPresentation } from "../credentials/presentation-verifier.js";
import { decideVerdict, type Check, type Policy, type Verdict } from "../domain/verification/report.js";
import { trustLevel } from "../domain/verification/trust.js";
import { projectRoot } from "../paths.js";
import type { Deps } from "./deps.js";
import { didDocumentFor } from "./did-documents.js";
import { decisionSchemaUrlOf, schemaUrlOf } from "./urls.js";

type Json = Record<string, unknown>;

export interface VerificationReport {
  readonly verified: boolean;
  readonly verdict: Verdict;
  readonly format: string;
  readonly issuer: string | null;
  readonly checks: readonly Check[];
  readonly warnings: readonly string[];
  readonly errors: readonly string[];
  readonly credential: Json | null;
}

const ourValidators = new Map<string, (credential: Json) => { valid: boolean; errors: string[] }>();
/** Our own credential types' schemas, compiled from the bundled files in schemas/ (never fetched). */
function ourSchemaValidator(file: "micro-qualification-credential.json" | "recognition-decision-credential.json") {
  let validator = ourValidators.get(file);
  if (!validator) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(projectRoot, "schemas", file), "utf8")));
    validator = (credential) => {
      const valid = validate(credential) as boolean;
      return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim()) };
    };
    ourValidators.set(file, validator);
  }
  return validator;
}

type Validator = (credential: Json) => { valid: boolean; errors: string[] };
const remoteValidators = new Map<string, { validate: Validator | null; until: number }>();

/**
 * Another issuer's JSON Schema, fetched safely and compiled once (kept for CACHE_TTL_MS, at least a
 * minute); null when it cannot be fetched or is not a JSON Schema (the check then warns, it does not fail).
 */
function remoteSchemaValidator(url: string, policy: { allowHosts: readonly string[] }, deps: Deps): MaybePromise<Validator | null> {
  const cached = remoteValidators.get(url);
  return cached && cached.until > Date.now() ? cached.validate : fetchSchemaValidator(url, policy, deps);
}

async function fetchSchemaValidator(url: string, policy: { allowHosts: readonly string[] }, deps: Deps): Promise<Validator | null> {
  let validate: Validator | null = null;
  try {
    const { body } = await safeFetch(new URL(url), { ...policy, maxBytes: 512 * 1024 }, "application/schema+json, application/json");
    const schema = JSON.parse(body) as Json;
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats.default(ajv);
    const compiled = ajv.compile(schema);
    validate = (credential) => {
      const valid = compiled(credential) as boolean;
      return { valid, errors: (compiled.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim()) };
    };
  } catch {
    validate = null;
  }
  if (remoteValidators.size > 500) remoteValidators.clear();
  remoteValidators.set(url, { validate, until: Date.now() + Math.max(60_000, deps.config.cacheTtlMs) });
  return validate;
}

// One set of environment functions per deps (its config never changes; repositories and caches are read when
// called); `now` (and the status list cache) are taken per verification.
const environments = new WeakMap<Deps, Omit<VerifyEnvironment, "now" | "statusLists">>();

export function verificationEnvironment(deps: Deps): VerifyEnvironment {
  let shared = environments.get(deps);
  if (!shared) {
    shared = sharedEnvironment(deps);
    environments.set(deps, shared);
  }
  return {
    now: deps.clock(),
    statusLists: deps.caches.statusLists,
    resolveDid: shared.resolveDid,
    loader: shared.loader,
    fetchStatusList: shared.fetchStatusList,
    trustOf: shared.trustOf,
    validateSchema: shared.validateSchema,
  };
}

/** The verification environment. Answers held in a cache come back without a promise (see MaybePromise). */
function sharedEnvironment(deps: Deps): Omit<VerifyEnvironment, "now" | "statusLists"> {
  const policy = { allowHosts: deps.config.fetchAllowHosts };
  // Our own status lists are read from the database, never fetched.
  const base = deps.config.publicUrl.href.replace(/\/$/, "");
  const ownList = new RegExp(
    `^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/orgs/([a-z0-9-]+)/status/(revocation|suspension)/(\\d+)(/jwt)?$`,
  );
  const resolveUncached = async (did: string): Promise<Json | null> => {
    const own = await didDocumentFor(did, deps);
    if (own) return { ...own } as Json;
    const resolved = await deps.agent.resolveDid({ didUrl: did });
    return (resolved.didDocument as Json | null) ?? null;
  };
  const resolveDid = (did: string): Json | null | Promise<Json | null> => {
    // didDocumentFor's own cache, read here so that a hit needs no promise.
    const own = deps.caches.didDocuments.get(did);
    return own ? ({ ...own } as Json) : resolveUncached(did);
  };
  const trustUncached = async (issuerDid: string) => {
    const institution = await deps.repos.institutions.findByDid(issuerDid);
    const entry = institution ? null : await deps.repos.trustRegistry.find(issuerDid);
    const decision = institution
      ? { level: "trusted" as const, name: institution.names.en }
      : { level: trustLevel(entry, deps.clock()), ...(entry ? { name: entry.names.en } : {}) };
    deps.caches.trust.set(issuerDid, decision);
    return decision;
  };
  return {
    resolveDid,
    loader: documentLoader({ didDocument: async (did) => resolveDid(did) }),
    async fetchStatusList(url): Promise<StatusListDocument | null> {
      const own = ownList.exec(url);
      if (own) {
        const institution = await deps.repos.institutions.findBySlug(own[1]!);
        const list = institution
          ? await deps.repos.credentials.findList(institution.id, own[2] as "revocation" | "suspension", Number(own[3]))
          : null;
        if (!list?.signedJwt || !list.signedJson) return null;
        return own[4] ? { kind: "jwt", body: list.signedJwt } : { kind: "json", body: list.signedJson };
      }
      const { body, contentType } = await safeFetch(new URL(url), policy, "application/vc+jwt, application/vc, application/json");
      if (contentType.includes("jwt") || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(body.trim())) return { kind: "jwt", body: body.trim() };
      return { kind: "json", body: JSON.parse(body) as Json };
    },
    trustOf(issuerDid) {
      return deps.caches.trust.get(issuerDid) ?? trustUncached(issuerDid);
    },
    validateSchema(schemaId, credential) {
      if (schemaId === schemaUrlOf(deps.config.publicUrl)) return ourSchemaValidator("micro-qualification-credential.json")(credential);
      if (schemaId === decisionSchemaUrlOf(deps.config.publicUrl))
        return ourSchemaValidator("recognition-decision-credential.json")(credential);
      const validate = remoteSchemaValidator(schemaId, policy, deps);
      if (validate instanceof Promise) return validate.then((v) => (v ? v(credential) : null));
      return validate ? validate(credential) : null;
    },
  };
}

/** The report of one credential's findings under a policy. */
function reportOf(findings: CredentialFindings, policy: Policy): VerificationReport {
  const { verified, verdict } = decideVerdict(findings.checks, policy);
  return {
    verified,
    verdict,
    format: findings.format,
    issuer: findings.issuer,
    checks: findings.checks,
    warnings: findings.checks.filter((c) => c.outcome === "warning").map((c) => c.reason),
    errors: findings.checks.filter((c) => c.outcome === "failed").map((c) => c.reason),
    credential: findings.credential,
  };
}

export async function verifyIncomingCredential(input: unknown, policy: Policy, deps: Deps): Promise<VerificationReport> {
  const report = reportOf(await verifyCredential(input, verificationEnvironment(deps)), policy);
  await deps.stats.record(report.issuer);
  return report;
}

export interface PresentationReport {
  readonly verified: boolean;
  readonly verdict: Verdict;
  readonly format: string;
  readonly holder: string | null;
  readonly checks: readonly Check[];
  readonly credentials: readonly VerificationReport[];
  readonly warnings: readonly string[];
  readonly errors: readonly string[];
}

/** The presentation's own checks first; when they pass, the verdict of the first credential that fails. */
export async function verifyIncomingPresentation(
  input: unknown,
  options: { challenge?: string; domain?: string },
  policy: Policy,
  deps: Deps,
): Promise<PresentationReport> {
  const findings = await verifyPresentation(input, options, verificationEnvironment(deps));
  const credentials = findings.credentials.map((c) => reportOf(c, policy));
  for (const c of credentials) await deps.stats.record(c.issuer);
  const own = decideVerdict(findings.checks, { requireTrust: false });
  const failing = credentials.find((c) => !c.verified);
  const verdict = !own.verified ? own.verdict : failing ? failing.verdict : "valid";
  const all = [...findings.checks, ...credentials.flatMap((c) => c.checks)];
  return {
    verified: verdict === "valid",
    verdict,
    format: findings.format,
    holder: findings.holder,
    checks: findings.checks,
    credentials,
    warnings: all.filter((c) => c.outcome === "warning").map((c) => c.reason),
    errors: all.filter((c) => c.outcome === "failed").map((c) => c.reason),
  };
}
