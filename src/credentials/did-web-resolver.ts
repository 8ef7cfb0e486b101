// did:web resolution for the agent. Our own DIDs (under PUBLIC_URL) resolve from the database without a
// network round trip; others are fetched with a timeout, a size cap and no redirects. Plain http is used
// only for hosts in FETCH_ALLOW_HOSTS (local demos and tests), since did:web otherwise requires https.
import type { DIDResolutionResult, DIDResolver } from "did-resolver";
import { didWebDocumentUrl, parseDidWeb } from "./did-web.js";

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
      const response = await fetch(url, {
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: "application/did+json, application/json" },
      });
      if (!response.ok) return failure("notFound", `${url.href} answered ${response.status}`);
      const text = await readCapped(response, maxBytes);
      const doc = JSON.parse(text) as { id?: unknown };
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

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new Error(`document larger than ${maxBytes} bytes`);
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`document larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
