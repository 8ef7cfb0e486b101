import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { base58 } from "@scure/base";

/** An Ed25519 did:key the service has never seen, with its node:crypto private key (usable by jose). */
export function freshDidKey(): { did: string; kid: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(12);
  const did = `did:key:z${base58.encode(Uint8Array.from([0xed, 0x01, ...raw]))}`;
  return { did, kid: `${did}#${did.slice("did:key:".length)}`, privateKey };
}

/** An Ed25519 did:key as a @digitalbazaar Multikey key pair, ready to sign Data Integrity proofs. */
export async function freshMultikeyDidKey() {
  const Ed25519Multikey = await import("@digitalbazaar/ed25519-multikey");
  const keyPair = await Ed25519Multikey.generate({});
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  return { did, keyPair };
}
