// Changes to the trust registry made at the same moment (two administrators, two nodes) each land: a change reads
// and replaces the list under a lock held to the end of its transaction (PostgreSQL advisory lock; SQLite writes
// one transaction at a time). Run on both engines by .ci/run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeTrustRegistry, replaceTrustRegistry } from "../../src/services/trust-registry.js";
import { startService, type TestService } from "../helpers/service.js";

let svc: TestService;
const entry = (n: number) => ({
  did: `did:web:centre-${n}.example`,
  names: { kk: `Орталық ${n}`, ru: `Центр ${n}`, en: `Centre ${n}` },
  kind: "recognition_centre" as const,
  accreditation: null,
  validFrom: null,
  validUntil: null,
});

beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc?.destroy();
});

describe("trust registry changes at the same moment", () => {
  it("ten additions side by side all land, and a removal alongside them too", async () => {
    const deps = svc.wired.deps;
    await replaceTrustRegistry([entry(0)], "test", deps);
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => changeTrustRegistry({ add: [entry(i + 1)] }, "test", deps)),
      changeTrustRegistry({ remove: entry(0).did }, "test", deps),
    ]);
    expect(results.every((r) => "entries" in r)).toBe(true);
    const dids = (await deps.repos.trustRegistry.list()).map((e) => e.did).sort();
    expect(dids).toEqual(Array.from({ length: 10 }, (_, i) => entry(i + 1).did).sort());
  });
});
