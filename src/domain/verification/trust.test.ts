import { describe, expect, it } from "vitest";
import { trustLevel } from "./trust.js";

const at = new Date("2026-06-01T00:00:00Z");
const entry = (validFrom: string | null, validUntil: string | null) => ({
  did: "did:web:x",
  validFrom: validFrom ? new Date(validFrom) : null,
  validUntil: validUntil ? new Date(validUntil) : null,
});

describe("trustLevel", () => {
  it("R п.20: trusts an accredited issuer within its accreditation", () => {
    expect(trustLevel(entry("2025-01-01T00:00:00Z", "2030-01-01T00:00:00Z"), at)).toBe("trusted");
    expect(trustLevel(entry(null, null), at)).toBe("trusted");
  });
  it("says no-longer-accredited after the accreditation ended", () => {
    expect(trustLevel(entry("2020-01-01T00:00:00Z", "2025-12-31T00:00:00Z"), at)).toBe("no-longer-accredited");
  });
  it("does not vouch before the accreditation starts, nor without an entry", () => {
    expect(trustLevel(entry("2027-01-01T00:00:00Z", null), at)).toBe("unknown");
    expect(trustLevel(null, at)).toBe("unknown");
  });
});
