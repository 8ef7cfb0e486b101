// Ed25519 public keys as node:crypto KeyObjects, by their raw bytes (base64url, JWK "x"): verifying synchronously
// with node:crypto avoids WebCrypto's thread-pool round trip and the pure-JS curves of the credential libraries.
import { createPublicKey, verify, type KeyObject } from "node:crypto";

const keys = new Map<string, KeyObject>();

/** The KeyObject of a raw Ed25519 public key given as base64url (a JWK's x), made once per key. */
export function ed25519PublicKey(x: string): KeyObject {
  let key = keys.get(x);
  if (!key) {
    key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
    if (keys.size > 10_000) keys.clear();
    keys.set(x, key);
  }
  return key;
}

export function ed25519Verify(data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  return verify(null, data, key, signature);
}
