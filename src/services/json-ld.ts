// The JSON-LD document loader the service signs and checks Data Integrity proofs with: bundled contexts,
// our own DID documents and status lists from the database, other DIDs through the agent's resolvers.
import { documentLoader, type DocumentLoader } from "../credentials/data-integrity.js";
import type { Deps } from "./deps.js";
import { didDocumentFor } from "./did-documents.js";

export function serviceDocumentLoader(deps: Deps): DocumentLoader {
  return documentLoader({
    didDocument: async (did) => {
      const own = await didDocumentFor(did, deps);
      if (own) return { ...own } as Record<string, unknown>;
      const resolved = await deps.agent.resolveDid({ didUrl: did });
      return (resolved.didDocument as Record<string, unknown> | null) ?? null;
    },
  });
}
