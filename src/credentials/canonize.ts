// RDF Dataset Canonicalization (RDFC-1.0) of JSON-LD documents, as the eddsa-rdfc-2022 and Ed25519Signature2020
// suites do it (jsonld.js toRDF in safe mode, then rdf-canonize), with one change to how jsonld.js copies contexts.
//
// jsonld.js deep-copies the whole active context, every term definition of it, each time it enters a node with a
// type-scoped or property-scoped context (digitalbazaar/jsonld.js#414). The VC 2.0 and Open Badges 3.0 contexts
// scope contexts by type almost everywhere, so that copying and its garbage were about three quarters of a Data
// Integrity check. A term definition is never changed once made (redefining a term replaces its entry), so a copy
// of the term map that shares the definitions is an equal context. Only our canonicalisation uses such copies: it
// asks for processing mode "json-ld-1.1" by name (what jsonld.js does by default anyway), which gives it an initial
// context of its own; everything else in the process, @digitalbazaar's libraries included, keeps the library's copy.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { DocumentLoader } from "./data-integrity.js";

interface ActiveContext {
  mappings: Map<string, unknown>;
  protected: Record<string, boolean>;
  previousContext?: ActiveContext;
  inverse: unknown;
  clone(this: ActiveContext): ActiveContext;
  getInverse: unknown;
  revertToPreviousContext: unknown;
  "@base"?: unknown;
  "@language"?: unknown;
  "@vocab"?: unknown;
}

const require = createRequire(import.meta.url);
const jsonld = require("jsonld") as { toRDF(input: object, options: Record<string, unknown>): Promise<unknown> };
const rdfCanonize = require("rdf-canonize") as { canonize(dataset: unknown, options: Record<string, unknown>): Promise<string> };

const PROCESSING_MODE = "json-ld-1.1";

/** The same fields as jsonld.js's own _cloneActiveContext, with the term map copied shallowly. */
function sharingClone(this: ActiveContext): ActiveContext {
  const child: ActiveContext = {
    mappings: new Map(this.mappings),
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    protected: { ...this.protected },
    revertToPreviousContext: this.revertToPreviousContext,
  };
  if (this.previousContext) child.previousContext = this.previousContext.clone();
  if ("@base" in this) child["@base"] = this["@base"];
  if ("@language" in this) child["@language"] = this["@language"];
  if ("@vocab" in this) child["@vocab"] = this["@vocab"];
  return child;
}

/** True when our initial context copies by sharing; false (the library's deep copies, slower) if jsonld.js changed shape. */
export const sharesTermDefinitions: boolean = (() => {
  try {
    const contexts = require("jsonld/lib/context.js") as { getInitialContext?: (options: object) => unknown };
    const initial = contexts.getInitialContext?.({ processingMode: PROCESSING_MODE }) as Partial<ActiveContext> | undefined;
    if (!initial || !(initial.mappings instanceof Map) || typeof initial.clone !== "function" || initial.mappings.size > 0) return false;
    initial.clone = sharingClone;
    return true;
  } catch {
    return false;
  }
})();

/** The canonical N-Quads of a JSON-LD document: safe mode (a term or IRI that would be dropped is an error), no base IRI. */
export async function canonize(document: object, loader: DocumentLoader): Promise<string> {
  const dataset = await jsonld.toRDF(document, {
    base: null,
    safe: true,
    rdfDirection: "i18n-datatype",
    produceGeneralizedRdf: false,
    processingMode: PROCESSING_MODE,
    documentLoader: loader,
  });
  return rdfCanonize.canonize(dataset, { algorithm: "RDFC-1.0", format: "application/n-quads" });
}

export const sha256 = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();
