import { runInTransaction } from "../db/transaction.js";
import type { TrustedIssuer } from "../db/repositories/trust-registry.js";
import type { Deps } from "./deps.js";

/** Replaces the trust registry with the given entries, in one transaction, and records who did it. */
export async function replaceTrustRegistry(entries: readonly TrustedIssuer[], actor: string, deps: Deps): Promise<TrustedIssuer[]> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    await deps.repos.trustRegistry.lockForChange();
    await deps.repos.trustRegistry.replace(entries);
    await deps.repos.audit.record({ actor, action: "trust_registry.replaced", details: { entries: entries.length } }, now);
    return deps.repos.trustRegistry.list();
  }).finally(() => deps.caches.trust.clear());
}

/** Adding new entries, or removing one DID's entry. */
export type TrustRegistryChange = { readonly add: readonly TrustedIssuer[] } | { readonly remove: string };

export type TrustRegistryChangeResult =
  | { readonly entries: TrustedIssuer[] }
  /** already_listed: an added DID has an entry (nothing is overwritten unseen); not_listed: the removed DID has none. */
  | { readonly conflict: "already_listed" | "not_listed"; readonly dids: readonly string[] };

/** The registry after the change, or why the change does not fit the registry as it is. Pure. */
export function applyTrustRegistryChange(current: readonly TrustedIssuer[], change: TrustRegistryChange): TrustRegistryChangeResult {
  const listed = new Set(current.map((e) => e.did));
  if ("remove" in change) {
    if (!listed.has(change.remove)) return { conflict: "not_listed", dids: [change.remove] };
    return { entries: current.filter((e) => e.did !== change.remove) };
  }
  const repeated = new Set<string>();
  for (const e of change.add) {
    if (listed.has(e.did)) repeated.add(e.did);
    listed.add(e.did);
  }
  if (repeated.size > 0) return { conflict: "already_listed", dids: [...repeated] };
  return { entries: [...current, ...change.add] };
}

/**
 * Adds or removes entries against the registry as it is inside the transaction: the store replaces the registry
 * whole, so a change computed from a copy read earlier could drop an entry someone added meanwhile.
 */
export async function changeTrustRegistry(change: TrustRegistryChange, actor: string, deps: Deps): Promise<TrustRegistryChangeResult> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    await deps.repos.trustRegistry.lockForChange();
    const result = applyTrustRegistryChange(await deps.repos.trustRegistry.list(), change);
    if ("conflict" in result) return result;
    await deps.repos.trustRegistry.replace(result.entries);
    await deps.repos.audit.record(
      "remove" in change
        ? { actor, action: "trust_registry.removed", details: { did: change.remove } }
        : { actor, action: "trust_registry.added", details: { dids: change.add.map((e) => e.did) } },
      now,
    );
    return { entries: await deps.repos.trustRegistry.list() };
  }).finally(() => deps.caches.trust.clear());
}
