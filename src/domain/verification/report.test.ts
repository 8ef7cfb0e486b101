import { describe, expect, it } from "vitest";
import { decideVerdict, type Check, type CheckId, type Outcome } from "./report.js";

const check = (id: CheckId, outcome: Outcome = "passed", code = "ok"): Check => ({ id, outcome, code, reason: "" });
const allPassed = (): Check[] =>
  ["format", "contexts", "signature", "issuer", "validity", "status", "schema", "trust"].map((id) => check(id as CheckId));
const replace = (checks: Check[], next: Check) => checks.map((c) => (c.id === next.id ? next : c));

describe("decideVerdict", () => {
  it("is valid when every check passed", () => {
    expect(decideVerdict(allPassed(), { requireTrust: true })).toEqual({ verified: true, verdict: "valid" });
  });

  it("calls a failed signature tampered, even when the credential is also revoked", () => {
    const checks = replace(replace(allPassed(), check("signature", "failed", "signature_mismatch")), check("status", "failed", "revoked"));
    expect(decideVerdict(checks, { requireTrust: false }).verdict).toBe("tampered");
  });

  it("reports revocation before suspension and dates", () => {
    expect(decideVerdict(replace(allPassed(), check("status", "failed", "revoked")), { requireTrust: false }).verdict).toBe("revoked");
    expect(decideVerdict(replace(allPassed(), check("status", "failed", "suspended")), { requireTrust: false }).verdict).toBe("suspended");
  });

  it("distinguishes expired from not yet valid", () => {
    expect(decideVerdict(replace(allPassed(), check("validity", "failed", "expired")), { requireTrust: false }).verdict).toBe("expired");
    expect(decideVerdict(replace(allPassed(), check("validity", "failed", "not_yet_valid")), { requireTrust: false }).verdict).toBe(
      "not_yet_valid",
    );
  });

  it("lets an unknown issuer pass unless trust is required; a de-accredited one always fails", () => {
    const unknown = replace(allPassed(), check("trust", "warning", "unknown"));
    expect(decideVerdict(unknown, { requireTrust: false })).toEqual({ verified: true, verdict: "valid" });
    expect(decideVerdict(unknown, { requireTrust: true })).toEqual({ verified: false, verdict: "untrusted_issuer" });
    expect(decideVerdict(replace(allPassed(), check("trust", "failed", "no-longer-accredited")), { requireTrust: false }).verdict).toBe(
      "untrusted_issuer",
    );
  });

  it("calls a credential presented by someone other than its subject invalid", () => {
    expect(decideVerdict([...allPassed(), check("holder", "failed", "holder_not_subject")], { requireTrust: false }).verdict).toBe(
      "invalid",
    );
  });

  it("calls an unreadable document invalid", () => {
    expect(decideVerdict(replace(allPassed(), check("contexts", "failed", "unknown_context")), { requireTrust: false }).verdict).toBe(
      "invalid",
    );
  });
});
