// The crypto and network callbacks the @openid4vc libraries ask for, over our keys and our DID resolution.
// Signing uses the Ed25519 keys our KMS holds (credentials/signing-keys.ts); verification resolves did:key,
// did:jwk and did:web (ours from the database) and checks with jose. Nothing here fetches on the server side.
import { createHash, randomBytes } from "node:crypto";
import { compactVerify, importJWK, type JWK } from "jose";
import { clientAuthenticationAnonymous, type CallbackContext, type Jwk, type JwtSigner } from "@openid4vc/oauth2";
import type { Ed25519Signer } from "../credentials/signing-keys.js";
import { jwkOf } from "../credentials/verifier.js";

type Json = Record<string, unknown>;

export interface CallbackEnvironment {
  /** The signer for one of our own verification methods (did URL), or null when it is not ours. */
  readonly ownSigner: (didUrl: string) => Promise<Ed25519Signer | null>;
  /** A DID document: ours from the database, others through the resolver. */
  readonly didDocument: (did: string) => Promise<Json | null>;
}

const b64url = (data: Uint8Array | string) => Buffer.from(data).toString("base64url");

export const ed25519Jwk = (publicKeyHex: string): Jwk => ({ kty: "OKP", crv: "Ed25519", x: b64url(Buffer.from(publicKeyHex, "hex")) });

/** The did:jwk of a public JWK (a wallet that proves possession with a bare key). */
export function didJwkOf(jwk: Jwk): string {
  const { kty, crv, x, y } = jwk as { kty: string; crv?: string; x?: string; y?: string };
  return `did:jwk:${b64url(JSON.stringify({ crv, kty, x, ...(y ? { y } : {}) }))}`;
}

async function publicJwkOf(signer: JwtSigner, env: CallbackEnvironment): Promise<Jwk | null> {
  if (signer.method === "jwk") return signer.publicJwk;
  if (signer.method !== "did") return null;
  const [did] = signer.didUrl.split("#") as [string];
  if (did.startsWith("did:jwk:")) {
    try {
      return JSON.parse(Buffer.from(did.slice("did:jwk:".length), "base64url").toString("utf8")) as Jwk;
    } catch {
      return null;
    }
  }
  const doc = await env.didDocument(did);
  const methods = ((doc?.verificationMethod as Json[] | undefined) ?? []).filter(
    (m) => m.id === signer.didUrl || `${did}${String(m.id)}` === signer.didUrl,
  );
  const jwk = methods[0] ? jwkOf(methods[0]) : null;
  return (jwk as Jwk | null) ?? null;
}

export function callbacks(env: CallbackEnvironment) {
  const signJwt: CallbackContext["signJwt"] = async (signer, { header, payload }) => {
    if (signer.method !== "did") throw new Error(`we sign only with our own DIDs, not ${signer.method}`);
    const own = await env.ownSigner(signer.didUrl);
    if (!own) throw new Error(`not our key: ${signer.didUrl}`);
    const input = `${b64url(JSON.stringify({ ...header, alg: "EdDSA", kid: signer.didUrl }))}.${b64url(JSON.stringify(payload))}`;
    return { jwt: `${input}.${b64url(own.sign(Buffer.from(input)))}`, signerJwk: ed25519Jwk(own.publicKeyHex) };
  };

  // Only the signature: the libraries check exp, nbf, aud, nonce and iss themselves.
  const verifyJwt: CallbackContext["verifyJwt"] = async (signer, { header, compact }) => {
    try {
      const jwk = await publicJwkOf(signer, env);
      if (!jwk || !header.alg || header.alg === "none") return { verified: false };
      await compactVerify(compact, await importJWK(jwk as JWK, header.alg));
      return { verified: true, signerJwk: jwk };
    } catch {
      return { verified: false };
    }
  };

  return {
    signJwt,
    verifyJwt,
    hash: (data: Uint8Array, alg: string) => new Uint8Array(createHash(alg.replace("-", "")).update(data).digest()),
    generateRandom: (bytes: number) => new Uint8Array(randomBytes(bytes)),
    // The server never calls out: every document it needs is its own or resolved by env.
    fetch: (() => Promise.reject(new Error("the server side of OpenID4VC fetches nothing"))) as typeof fetch,
    clientAuthentication: clientAuthenticationAnonymous(),
    encryptJwe: () => Promise.reject(new Error("encrypted responses are not supported")),
    decryptJwe: () => Promise.reject(new Error("encrypted responses are not supported")),
  } satisfies Partial<CallbackContext> & Record<string, unknown>;
}
