// Verification is evidence, policy decides: the verifier records one Check per question it asked;
// decideVerdict() turns the checks into the verdict an employer or a commission reads. Pure.

export const CHECK_IDS = ["format", "contexts", "signature", "issuer", "validity", "status", "schema", "trust", "holder"] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type Outcome = "passed" | "failed" | "warning" | "skipped";

export interface Check {
  readonly id: CheckId;
  readonly outcome: Outcome;
  /** A stable machine-readable reason, for example "revoked" or "signature_mismatch". */
  readonly code: string;
  /** One plain sentence for people (English; pages translate by code). */
  readonly reason: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export const VERDICTS = ["valid", "revoked", "suspended", "expired", "not_yet_valid", "tampered", "untrusted_issuer", "invalid"] as const;
export type Verdict = (typeof VERDICTS)[number];

export type TrustLevel = "trusted" | "unknown" | "no-longer-accredited";

export interface Policy {
  /** When true, an issuer nobody vouches for makes the credential fail. */
  readonly requireTrust: boolean;
}

const failed = (checks: readonly Check[], id: CheckId) => checks.find((c) => c.id === id && c.outcome === "failed");

/**
 * The verdict, most serious first: a broken or tampered document, then revocation, suspension, dates,
 * and finally trust. `verified` is true only for "valid".
 */
export function decideVerdict(checks: readonly Check[], policy: Policy): { verified: boolean; verdict: Verdict } {
  const verdict = ((): Verdict => {
    if (
      failed(checks, "format") ||
      failed(checks, "contexts") ||
      failed(checks, "issuer") ||
      failed(checks, "schema") ||
      failed(checks, "holder")
    )
      return "invalid";
    if (failed(checks, "signature")) return "tampered";
    const status = failed(checks, "status");
    if (status?.code === "revoked") return "revoked";
    if (status?.code === "suspended") return "suspended";
    if (status) return "invalid";
    const validity = failed(checks, "validity");
    if (validity) return validity.code === "not_yet_valid" ? "not_yet_valid" : "expired";
    if (failed(checks, "trust") || (policy.requireTrust && checks.some((c) => c.id === "trust" && c.outcome !== "passed")))
      return "untrusted_issuer";
    return "valid";
  })();
  return { verified: verdict === "valid", verdict };
}
