// Small secrets sealed with KUALIK_SECRET_KEY (AES-256-GCM, a key derived per purpose): an SSO client secret at
// rest, the state of a sign-in in flight in a cookie.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const keyFor = (secretKeyHex: string, purpose: string) =>
  Buffer.from(hkdfSync("sha256", Buffer.from(secretKeyHex, "hex"), Buffer.alloc(0), `kualik:${purpose}`, 32));

export function seal(text: string, secretKeyHex: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secretKeyHex, purpose), iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The sealed text, or null when it was altered or sealed for another purpose or key. */
export function unseal(sealed: string, secretKeyHex: string, purpose: string): string | null {
  try {
    const bytes = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secretKeyHex, purpose), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
