// Short-lived in-process caches for the hot read paths (every request resolves its institution and
// token; every verification resolves DID documents). A change made on this node clears the entry at
// once; other nodes of a multi-node deployment see it within the TTL (CACHE_TTL_MS).
import { LRUCache } from "lru-cache";
import type { DidDocument } from "../credentials/did-web.js";
import type { ApiTokenRecord } from "../db/repositories/api-tokens.js";
import type { Institution } from "../domain/institutions/institution.js";
import type { DecodedStatusList } from "../credentials/verifier.js";
import type { TrustLevel } from "../domain/verification/report.js";

export interface Caches {
  readonly institutionsBySlug: LRUCache<string, Institution>;
  readonly didDocuments: LRUCache<string, DidDocument>;
  /** Keyed by the token's hash. */
  readonly tokens: LRUCache<string, ApiTokenRecord>;
  /** kid → public key hex. A key's public half never changes, so entries only age out by size. */
  readonly publicKeys: LRUCache<string, string>;
  /** Verified, decoded status lists by URL (ours and other issuers'), for verification. */
  readonly statusLists: LRUCache<string, DecodedStatusList>;
  /** Trust decisions by issuer DID. */
  readonly trust: LRUCache<string, { level: TrustLevel; name?: string }>;
}

export function createCaches(ttlMs: number): Caches {
  const make = <V extends object>(max: number) => new LRUCache<string, V>({ max, ttl: Math.max(1, ttlMs), ttlAutopurge: false });
  return {
    institutionsBySlug: make<Institution>(1_000),
    didDocuments: make<DidDocument>(5_000),
    tokens: make<ApiTokenRecord>(10_000),
    publicKeys: new LRUCache<string, string>({ max: 10_000 }),
    statusLists: make<DecodedStatusList>(2_000),
    trust: make<{ level: TrustLevel; name?: string }>(10_000),
  };
}

export function forgetInstitution(caches: Caches, institution: Pick<Institution, "slug" | "did">): void {
  caches.institutionsBySlug.delete(institution.slug);
  caches.didDocuments.delete(institution.did);
}

/** The public key (hex) of a key this service holds, or null. */
export async function publicKeyOf(
  kid: string,
  deps: { caches: Caches; repos: { veramo: { getKey(kid: string): Promise<{ publicKeyHex: string } | null> } } },
): Promise<string | null> {
  const cached = deps.caches.publicKeys.get(kid);
  if (cached) return cached;
  const key = await deps.repos.veramo.getKey(kid);
  if (key) deps.caches.publicKeys.set(kid, key.publicKeyHex);
  return key?.publicKeyHex ?? null;
}
