// did:web naming and DID documents for our institutions. Pure functions: no I/O.
// did:web spec: the host (with a percent-encoded port) and path segments joined by ":"; the document
// lives at https://host/path/did.json, or at https://host/.well-known/did.json when there is no path.
import { base58 } from "@scure/base";

export function didWebFor(publicUrl: URL, segments: readonly string[]): string {
  const basePath = publicUrl.pathname.split("/").filter(Boolean);
  return ["did:web", encodeURIComponent(publicUrl.host), ...[...basePath, ...segments].map(encodeURIComponent)].join(":");
}

/** Where a did:web document is fetched from (https unless the caller allows http for this host). */
export function didWebDocumentUrl(did: string, scheme: "https" | "http" = "https"): URL {
  const parts = parseDidWeb(did);
  const path = parts.segments.length > 0 ? `/${parts.segments.map(encodeURIComponent).join("/")}/did.json` : "/.well-known/did.json";
  return new URL(`${scheme}://${parts.host}${path}`);
}

export function parseDidWeb(did: string): { host: string; segments: string[] } {
  const withoutFragment = did.split("#")[0]!.split("?")[0]!;
  if (!withoutFragment.startsWith("did:web:")) throw new Error(`not a did:web: ${did}`);
  const [hostPart, ...rest] = withoutFragment.slice("did:web:".length).split(":");
  if (!hostPart) throw new Error(`did:web without a host: ${did}`);
  return { host: decodeURIComponent(hostPart).toLowerCase(), segments: rest.map(decodeURIComponent) };
}

const ED25519_MULTICODEC = Uint8Array.of(0xed, 0x01);

/** Multibase (base58btc, "z…") of an Ed25519 public key with its multicodec prefix, as in did:key. */
export function ed25519Multibase(publicKeyHex: string): string {
  const raw = Buffer.from(publicKeyHex, "hex");
  if (raw.length !== 32) throw new Error("an Ed25519 public key is 32 bytes");
  const prefixed = new Uint8Array(34);
  prefixed.set(ED25519_MULTICODEC, 0);
  prefixed.set(raw, 2);
  return `z${base58.encode(prefixed)}`;
}

export interface DocumentKey {
  readonly type: string;
  readonly publicKeyHex: string;
}

export interface VerificationMethod {
  readonly id: string;
  readonly type: "Multikey";
  readonly controller: string;
  readonly publicKeyMultibase: string;
}

export interface DidDocument {
  readonly "@context": readonly string[];
  readonly id: string;
  readonly verificationMethod: readonly VerificationMethod[];
  readonly authentication: readonly string[];
  readonly assertionMethod: readonly string[];
  readonly service?: readonly { id: string; type: string; serviceEndpoint: unknown }[];
}

export function verificationMethodId(did: string, publicKeyHex: string): string {
  return `${did}#${ed25519Multibase(publicKeyHex)}`;
}

/**
 * The DID document of an institution: every key it ever signed with, newest first, all of them in
 * assertionMethod so credentials signed before a rotation keep verifying. Multikey is understood by
 * did-jwt (JWT credentials) and by the Data Integrity suites alike.
 */
export function buildDidDocument(
  did: string,
  keys: readonly DocumentKey[],
  services: readonly { id: string; type: string; serviceEndpoint: unknown }[] = [],
): DidDocument {
  const methods = keys
    .filter((k) => k.type === "Ed25519")
    .map((k): VerificationMethod => ({
      id: verificationMethodId(did, k.publicKeyHex),
      type: "Multikey",
      controller: did,
      publicKeyMultibase: ed25519Multibase(k.publicKeyHex),
    }));
  const ids = methods.map((m) => m.id);
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: did,
    verificationMethod: methods,
    authentication: ids,
    assertionMethod: ids,
    ...(services.length > 0 ? { service: services } : {}),
  };
}
