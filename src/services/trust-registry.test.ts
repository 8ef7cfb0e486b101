import { describe, expect, it } from "vitest";
import type { TrustedIssuer } from "../db/repositories/trust-registry.js";
import type { Deps } from "./deps.js";
import { applyTrustRegistryChange, changeTrustRegistry } from "./trust-registry.js";

const entry = (did: string): TrustedIssuer => ({
  did,
  names: { kk: "Орталық", ru: "Центр", en: "Centre" },
  kind: "recognition_centre",
  accreditation: null,
  validFrom: null,
  validUntil: null,
});

/** Just enough of Deps for the trust registry: an in-memory registry, a transaction that runs the function. */
function fakeDeps(initial: readonly TrustedIssuer[]) {
  let registry = [...initial];
  const audit: { action: string; details?: unknown }[] = [];
  let cleared = 0;
  const deps = {
    clock: () => new Date("2026-03-01T00:00:00Z"),
    db: { $transaction: (fn: (tx: unknown) => Promise<unknown>) => fn({}) },
    repos: {
      trustRegistry: {
        lockForChange: async () => undefined,
        list: async () => [...registry].sort((a, b) => a.did.localeCompare(b.did)),
        replace: async (entries: readonly TrustedIssuer[]) => {
          registry = [...entries];
        },
      },
      audit: { record: async (e: { action: string; details?: unknown }) => void audit.push(e) },
    },
    caches: { trust: { clear: () => void cleared++ } },
  } as unknown as Deps;
  return { deps, audit, registry: () => registry, cleared: () => cleared };
}

describe("applyTrustRegistryChange", () => {
  it("adds new entries after the current ones and keeps every current entry", () => {
    const result = applyTrustRegistryChange([entry("did:key:a")], { add: [entry("did:key:b"), entry("did:key:c")] });
    expect(result).toEqual({ entries: [entry("did:key:a"), entry("did:key:b"), entry("did:key:c")] });
  });

  it("refuses a DID already listed, or given twice, naming it", () => {
    expect(applyTrustRegistryChange([entry("did:key:a")], { add: [entry("did:key:a")] })).toEqual({
      conflict: "already_listed",
      dids: ["did:key:a"],
    });
    expect(applyTrustRegistryChange([], { add: [entry("did:key:b"), entry("did:key:b")] })).toEqual({
      conflict: "already_listed",
      dids: ["did:key:b"],
    });
  });

  it("removes one DID's entry; removing a DID that is not listed is a conflict, not a change", () => {
    expect(applyTrustRegistryChange([entry("did:key:a"), entry("did:key:b")], { remove: "did:key:a" })).toEqual({
      entries: [entry("did:key:b")],
    });
    expect(applyTrustRegistryChange([entry("did:key:b")], { remove: "did:key:a" })).toEqual({
      conflict: "not_listed",
      dids: ["did:key:a"],
    });
  });
});

describe("changeTrustRegistry", () => {
  it("applies the change to the registry as stored, records it and clears the trust cache", async () => {
    const fake = fakeDeps([entry("did:key:a")]);
    const added = await changeTrustRegistry({ add: [entry("did:key:b")] }, "user:1", fake.deps);
    expect("entries" in added && added.entries.map((e) => e.did)).toEqual(["did:key:a", "did:key:b"]);
    const removed = await changeTrustRegistry({ remove: "did:key:a" }, "user:1", fake.deps);
    expect("entries" in removed && removed.entries.map((e) => e.did)).toEqual(["did:key:b"]);
    expect(fake.audit.map((a) => a.action)).toEqual(["trust_registry.added", "trust_registry.removed"]);
    expect(fake.cleared()).toBe(2);
  });

  it("changes nothing and records nothing on a conflict", async () => {
    const fake = fakeDeps([entry("did:key:a")]);
    expect(await changeTrustRegistry({ remove: "did:key:z" }, "user:1", fake.deps)).toMatchObject({ conflict: "not_listed" });
    expect(await changeTrustRegistry({ add: [entry("did:key:a")] }, "user:1", fake.deps)).toMatchObject({ conflict: "already_listed" });
    expect(fake.registry()).toEqual([entry("did:key:a")]);
    expect(fake.audit).toEqual([]);
  });
});
