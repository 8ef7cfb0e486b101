import { runInTransaction } from "../db/transaction.js";
import type { TrustedIssuer } from "../db/repositories/trust-registry.js";
import type { Deps } from "./deps.js";

/** Replaces the trust registry with the given entries, in one transaction, and records who did it. */
export async function replaceTrustRegistry(entries: readonly TrustedIssuer[], actor: string, deps: Deps): Promise<TrustedIssuer[]> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    await deps.repos.trustRegistry.replace(entries);
    await deps.repos.audit.record({ actor, action: "trust_registry.replaced", details: { entries: entries.length } }, now);
    return deps.repos.trustRegistry.list();
  }).finally(() => deps.caches.trust.clear());
}
