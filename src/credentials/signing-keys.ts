// Fast Ed25519 signing with node:crypto for the keys our KMS holds. Veramo's own path signs with a
// pure-JS curve (about 950 credentials/s here); node:crypto signs about 20× faster. The private key is
// opened from its sealed form once and kept in memory as a non-exportable KeyObject.
import { createPrivateKey, createPublicKey, sign } from "node:crypto";
import { SecretBox } from "@veramo/kms-local";
import type { VeramoStorage } from "./stores/storage.js";

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
// SubjectPublicKeyInfo wrapping of a raw 32-byte Ed25519 public key.
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export interface Ed25519Signer {
  readonly kid: string;
  readonly publicKeyHex: string;
  sign(data: Uint8Array): Buffer;
  /** The 32-byte seed, for libraries that need raw key material (Data Integrity). */
  seed(): Promise<Buffer>;
}

export class SigningKeys {
  private readonly cache = new Map<string, Promise<Ed25519Signer>>();
  private readonly box: SecretBox;

  constructor(
    private readonly storage: VeramoStorage,
    secretKeyHex: string,
  ) {
    this.box = new SecretBox(secretKeyHex);
  }

  signer(kid: string): Promise<Ed25519Signer> {
    let pending = this.cache.get(kid);
    if (!pending) {
      pending = this.open(kid);
      this.cache.set(kid, pending);
      pending.catch(() => this.cache.delete(kid));
    }
    return pending;
  }

  private async open(kid: string): Promise<Ed25519Signer> {
    const [key, sealed] = await Promise.all([this.storage.getKey(kid), this.storage.getPrivateKey(kid)]);
    if (!key || !sealed) throw new Error(`no signing key ${kid}`);
    if (key.type !== "Ed25519") throw new Error(`key ${kid} is ${key.type}, not Ed25519`);
    const privateKeyHex = await this.box.decrypt(sealed.sealed);
    const seed = Buffer.from(privateKeyHex.slice(0, 64), "hex");
    const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
    const derivedPublic = createPublicKey(privateKey)
      .export({ format: "der", type: "spki" })
      .subarray(SPKI_ED25519_PREFIX.length)
      .toString("hex");
    if (derivedPublic !== key.publicKeyHex) throw new Error(`private key ${kid} does not match its public key`);
    seed.fill(0);
    const box = this.box;
    return {
      kid,
      publicKeyHex: key.publicKeyHex,
      sign: (data) => sign(null, data, privateKey),
      seed: async () => Buffer.from((await box.decrypt(sealed.sealed)).slice(0, 64), "hex"),
    };
  }
}
