// did:web resolution for the agent. Our own DIDs (under PUBLIC_URL) resolve from the database without a
// network round trip; others are fetched through safeFetch (https only, no private addresses, timeout,
// size cap, no redirects). Hosts in FETCH_ALLOW_HOSTS (local demos, tests) may be private and plain http.
import type { DIDResolutionResult, DIDResolver } from "did-resolver";
import { didWebDocumentUrl, parseDidWeb } from "./did-web.js";
import { safeFetch } from "./safe-fetch.js";

export interface DidWebResolverOptions {
  /** host[:port] of this deployment (from PUBLIC_URL): DIDs on it are answered locally. */
  readonly ownHost: string;
  readonly localDocument: (did: string) => Promise<object | null>;
  readonly allowHttpHosts: readonly string[];
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

const failure = (error: string, message: string): DIDResolutionResult => ({
  didResolutionMetadata: { error, message },
  didDocument: null,
  didDocumentMetadata: {},
});

export function createDidWebResolver(options: DidWebResolverOptions): DIDResolver {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const ownHost = options.ownHost.toLowerCase();

  return async (did) => {
    let host: string;
    try {
      host = parseDidWeb(did).host;
    } catch (e) {
      return failure("invalidDid", (e as Error).message);
    }
    if (host === ownHost) {
      const doc = await options.localDocument(did);
      return doc
        ? {
            didResolutionMetadata: { contentType: "application/did+json" },
            didDocument: doc as DIDResolutionResult["didDocument"],
            didDocumentMetadata: {},
          }
        : failure("notFound", `no DID document for ${did} on this service`);
    }
    const url = didWebDocumentUrl(did, options.allowHttpHosts.includes(host) ? "http" : "https");
    try {
      const { body } = await safeFetch(
        url,
        { allowHosts: options.allowHttpHosts, timeoutMs, maxBytes },
        "application/did+json, application/json",
      );
      const doc = JSON.parse(body) as { id?: unknown };
      if (doc.id !== did) return failure("notFound", `${url.href} holds a document for ${String(doc.id)}, not ${did}`);
      return {
        didResolutionMetadata: { contentType: "application/did+json" },
        didDocument: doc as DIDResolutionResult["didDocument"],
        didDocumentMetadata: {},
      };
    } catch (e) {
      return failure("notFound", `could not fetch ${url.href}: ${(e as Error).message}`);
    }
  };
}
