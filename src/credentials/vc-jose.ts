// VC-JOSE (W3C "Securing Verifiable Credentials using JOSE and COSE"): the credential itself is the JWT
// claims set, in a compact JWS with typ "vc+jwt" signed EdDSA.
import type { Ed25519Signer } from "./signing-keys.js";

const b64url = (input: string | Buffer) => Buffer.from(input).toString("base64url");

export function signVcJwt(credential: Record<string, unknown>, signer: Ed25519Signer, verificationMethod: string, typ = "vc+jwt"): string {
  const header = b64url(JSON.stringify({ alg: "EdDSA", typ, cty: typ === "vc+jwt" ? "vc" : undefined, kid: verificationMethod }));
  const payload = b64url(JSON.stringify(credential));
  const signingInput = `${header}.${payload}`;
  return `${signingInput}.${signer.sign(Buffer.from(signingInput)).toString("base64url")}`;
}

/** Splits a compact JWS without checking it (for display and routing; verification is elsewhere). */
export function decodeJws(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | null {
  const parts = jwt.split(".");
  if (parts.length !== 3) return null;
  try {
    return {
      header: JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as Record<string, unknown>,
      payload: JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Record<string, unknown>,
    };
  } catch {
    return null;
  }
}
