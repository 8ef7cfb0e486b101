// Verifies a presentation: its own proof (by the holder), challenge and domain, and then every credential
// inside it in full, with the holder bound to each credential's subject. Formats: a JWT VP (VC 1.1, the
// `vp` claim), a vp+jwt (VC 2.0, the presentation is the claims), and a Data Integrity VP.
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { decodeProtectedHeader } from "jose";
import type { Check } from "../domain/verification/report.js";
import { resolveDidOrNull, verifyCredential, verifyJws, type CredentialFindings, type VerifyEnvironment } from "./verifier.js";

type Json = Record<string, unknown>;

export interface PresentationFindings {
  readonly format: "jwt-vp" | "vp+jwt" | "data-integrity" | "unknown";
  readonly holder: string | null;
  readonly checks: Check[];
  readonly credentials: CredentialFindings[];
}

const check = (id: Check["id"], outcome: Check["outcome"], code: string, reason: string, details?: Json): Check => ({
  id,
  outcome,
  code,
  reason,
  ...(details ? { details } : {}),
});

interface ParsedVp {
  format: PresentationFindings["format"];
  presentation: Json;
  jwt?: string;
  nonce?: string;
  aud?: string | string[];
}

export function parsePresentation(input: unknown): ParsedVp | null {
  if (typeof input === "string") {
    const parts = input.trim().split(".");
    if (parts.length !== 3) return null;
    try {
      decodeProtectedHeader(input);
      const payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Json;
      const common = { jwt: input.trim(), nonce: payload.nonce as string | undefined, aud: payload.aud as string | string[] | undefined };
      if (payload.vp && typeof payload.vp === "object")
        return {
          format: "jwt-vp",
          presentation: { ...(payload.vp as Json), holder: (payload.vp as Json).holder ?? payload.iss },
          ...common,
        };
      if ([payload.type].flat().includes("VerifiablePresentation")) return { format: "vp+jwt", presentation: payload, ...common };
    } catch {
      return null;
    }
    return null;
  }
  if (!input || typeof input !== "object") return null;
  const doc = input as Json;
  if (![doc.type].flat().includes("VerifiablePresentation")) return null;
  if (doc.proof && typeof (doc.proof as Json).jwt === "string") return parsePresentation((doc.proof as Json).jwt);
  return { format: doc.proof ? "data-integrity" : "unknown", presentation: doc };
}

function holderOf(presentation: Json): string | null {
  const holder = presentation.holder;
  if (typeof holder === "string") return holder;
  if (holder && typeof holder === "object" && typeof (holder as Json).id === "string") return (holder as Json).id as string;
  return null;
}

async function verifyHolderJws(jwt: string, holder: string, env: VerifyEnvironment): Promise<Check> {
  const doc = await resolveDidOrNull(env, holder);
  if (!doc) return check("issuer", "failed", "holder_unresolvable", `The holder ${holder} could not be resolved.`);
  return verifyJws(jwt, holder, doc, "holder");
}

export async function verifyPresentation(
  input: unknown,
  options: { challenge?: string; domain?: string },
  env: VerifyEnvironment,
): Promise<PresentationFindings> {
  const parsed = parsePresentation(input);
  if (!parsed)
    return {
      format: "unknown",
      holder: null,
      checks: [check("format", "failed", "not_a_presentation", "This is not a verifiable presentation in a format we accept.")],
      credentials: [],
    };
  const checks: Check[] = [check("format", "passed", parsed.format, `Format: ${parsed.format}.`)];
  const holder = holderOf(parsed.presentation);
  if (!holder) checks.push(check("issuer", "failed", "no_holder", "The presentation names no holder."));

  if (parsed.jwt && holder) {
    checks.push(await verifyHolderJws(parsed.jwt, holder, env));
    if (options.challenge !== undefined) {
      checks.push(
        parsed.nonce === options.challenge
          ? check("validity", "passed", "challenge_matches", "The presentation answers this request's challenge.")
          : check(
              "validity",
              "failed",
              "challenge_mismatch",
              "The presentation was made for another request (challenge differs): it may be a replay.",
            ),
      );
    }
    if (options.domain !== undefined) {
      const audiences = [parsed.aud].flat();
      checks.push(
        audiences.includes(options.domain)
          ? check("validity", "passed", "domain_matches", "The presentation is addressed to this verifier.")
          : check("validity", "failed", "domain_mismatch", "The presentation is addressed to someone else (domain differs)."),
      );
    }
  } else if (parsed.format === "data-integrity" && holder) {
    const proof = parsed.presentation.proof as Json;
    if (!String(proof.verificationMethod ?? "").startsWith(holder)) {
      checks.push(check("signature", "failed", "key_of_another_did", "The presentation's proof is not by the holder."));
    } else {
      const result = await vc
        .verify({
          presentation: parsed.presentation,
          suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
          documentLoader: env.loader,
          challenge: options.challenge ?? String(proof.challenge ?? ""),
          ...(options.domain !== undefined ? { domain: options.domain } : {}),
          checkStatus: async () => ({ verified: true }),
        })
        .catch(() => ({ verified: false, presentationResult: { verified: false } }));
      checks.push(
        result.presentationResult?.verified
          ? check("signature", "passed", "holder_signature_valid", "The holder signed this presentation for this challenge and domain.")
          : check(
              "signature",
              "failed",
              "signature_mismatch",
              "The presentation's proof does not verify for this holder, challenge and domain.",
            ),
      );
    }
  } else if (parsed.format === "unknown") {
    checks.push(check("signature", "failed", "no_proof", "The presentation carries no proof."));
  }

  // Every credential inside, verified in full; a credential about a DID must be about the holder.
  const inner = [parsed.presentation.verifiableCredential].flat().filter((c) => c !== undefined && c !== null);
  const credentials: CredentialFindings[] = [];
  for (const item of inner) {
    const findings = await verifyCredential(item, env);
    const subject = [findings.credential?.credentialSubject].flat()[0] as Json | undefined;
    const subjectId = typeof subject?.id === "string" ? subject.id : null;
    const binding = !holder
      ? check("holder", "skipped", "no_holder", "No holder to bind.")
      : subjectId === null
        ? check(
            "holder",
            "warning",
            "subject_not_bound",
            "The credential names its subject without a DID: the holder cannot be bound to it.",
          )
        : subjectId === holder
          ? check("holder", "passed", "holder_is_subject", "The holder is the credential's subject.")
          : check("holder", "failed", "holder_not_subject", `The holder ${holder} is not the subject ${subjectId} of this credential.`);
    credentials.push({ ...findings, checks: [...findings.checks, binding] });
  }
  if (inner.length === 0) checks.push(check("format", "warning", "no_credentials", "The presentation holds no credentials."));
  return { format: parsed.format, holder, checks, credentials };
}
