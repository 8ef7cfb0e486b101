import { buildDidDocument, didWebFor, type DidDocument } from "../credentials/did-web.js";
import type { Deps } from "./deps.js";

/** The platform's own did:web (the service itself, at /.well-known/did.json). */
export function platformDid(deps: Pick<Deps, "config">): string {
  return didWebFor(deps.config.publicUrl, []);
}

/**
 * The DID document of a DID this service controls, or null. An institution's signing key comes first,
 * then its earlier keys, newest first.
 */
export async function didDocumentFor(did: string, deps: Pick<Deps, "repos" | "caches">): Promise<DidDocument | null> {
  const cached = deps.caches.didDocuments.get(did);
  if (cached) return cached;
  const document = await buildOwnDidDocument(did, deps);
  if (document) deps.caches.didDocuments.set(did, document);
  return document;
}

async function buildOwnDidDocument(did: string, deps: Pick<Deps, "repos">): Promise<DidDocument | null> {
  const identifier = await deps.repos.veramo.getIdentifier({ did });
  if (!identifier) return null;
  const institution = await deps.repos.institutions.findByDid(did);
  let keys = identifier.keys;
  if (institution) {
    const history = await deps.repos.institutions.keys(institution.id);
    const rank = new Map(history.map((k, i) => [k.kid, k.kid === institution.activeKid ? -1 : i]));
    keys = [...keys].sort((a, b) => (rank.get(a.kid) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.kid) ?? Number.MAX_SAFE_INTEGER));
  }
  return buildDidDocument(
    did,
    keys,
    identifier.services.map((s) => ({ id: s.id, type: s.type, serviceEndpoint: s.serviceEndpoint })),
  );
}

/** Creates the platform DID on first start (and again if PUBLIC_URL moved to another host). */
export async function ensurePlatformIdentity(deps: Deps): Promise<string> {
  const did = platformDid(deps);
  if (await deps.repos.veramo.getIdentifier({ did })) return did;
  await deps.agent.didManagerCreate({
    provider: "did:web",
    alias: did.slice("did:web:".length),
    kms: "local",
    options: { keyType: "Ed25519" },
  });
  return did;
}

/** The institution a /orgs/:slug path names, through the cache. */
export async function institutionBySlug(slug: string, deps: Pick<Deps, "repos" | "caches">) {
  const cached = deps.caches.institutionsBySlug.get(slug);
  if (cached) return cached;
  const institution = await deps.repos.institutions.findBySlug(slug);
  if (institution) deps.caches.institutionsBySlug.set(slug, institution);
  return institution;
}
