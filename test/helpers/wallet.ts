// An independent wallet for the interop tests: its own keys (jose), its own DID handling (did:key, and did:web
// through the stock web-did-resolver), and a QR reader.
// None of this uses the service's code.
import { createHash, randomBytes } from "node:crypto";
import { base58 } from "@scure/base";
import { Resolver } from "did-resolver";
import { getResolver as webResolver } from "web-did-resolver";
import { base64url, compactVerify, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type CryptoKey } from "jose";
import { PNG } from "pngjs";
import jsQRModule from "jsqr";

// jsqr is CommonJS with `exports.default`; under NodeNext its default import is the module object.
const jsQR =
  (jsQRModule as unknown as { default: typeof jsQRModule.default }).default ?? (jsQRModule as unknown as typeof jsQRModule.default);

export interface WalletKey {
  readonly did: string;
  readonly didUrl: string;
  readonly publicJwk: JWK;
  readonly privateKey: CryptoKey;
}

export async function walletKey(): Promise<WalletKey> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const multibase = `z${base58.encode(Uint8Array.from([0xed, 0x01, ...base64url.decode(publicJwk.x!)]))}`;
  return { did: `did:key:${multibase}`, didUrl: `did:key:${multibase}#${multibase}`, publicJwk, privateKey };
}

/** The public JWK of a did:key or did:web verification method, resolved without the service's code. */
async function jwkOfDidUrl(didUrl: string): Promise<JWK> {
  const [did] = didUrl.split("#") as [string];
  if (did.startsWith("did:key:z6Mk")) return { kty: "OKP", crv: "Ed25519", x: base64url.encode(base58.decode(did.slice(9)).slice(2)) };
  const resolved = await new Resolver(webResolver()).resolve(did);
  const method = resolved.didDocument?.verificationMethod?.find((m) => m.id === didUrl || `${did}${m.id}` === didUrl);
  if (method?.publicKeyJwk) return method.publicKeyJwk as JWK;
  if (method?.publicKeyMultibase)
    return { kty: "OKP", crv: "Ed25519", x: base64url.encode(base58.decode(method.publicKeyMultibase.slice(1)).slice(2)) };
  throw new Error(`no key for ${didUrl}`);
}

type Signer = { method: string; didUrl?: string; publicJwk?: JWK; alg: string; kid?: string };

/** The callbacks the @openid4vc client classes ask for, implemented for this wallet. */
export function walletCallbacks(key: WalletKey, fetchImpl: typeof fetch) {
  return {
    fetch: fetchImpl,
    hash: (data: Uint8Array, alg: string) => new Uint8Array(createHash(alg.replace("-", "")).update(data).digest()),
    generateRandom: (n: number) => new Uint8Array(randomBytes(n)),
    // The wallet has one key: whatever the signer names (its did:key URL or its JWK), this key signs.
    signJwt: async (_signer: Signer, { header, payload }: { header: Record<string, unknown>; payload: Record<string, unknown> }) => {
      const jwt = await new SignJWT(payload).setProtectedHeader({ ...header, alg: "EdDSA" } as never).sign(key.privateKey);
      return { jwt, signerJwk: key.publicJwk };
    },
    verifyJwt: async (signer: Signer, { header, compact }: { header: { alg?: string }; compact: string }) => {
      try {
        const jwk = signer.publicJwk ?? (await jwkOfDidUrl(signer.didUrl!));
        await compactVerify(compact, await importJWK(jwk, header.alg));
        return { verified: true as const, signerJwk: jwk };
      } catch {
        return { verified: false as const };
      }
    },
    encryptJwe: () => Promise.reject(new Error("not used")),
    decryptJwe: () => Promise.reject(new Error("not used")),
  };
}

/** Reads a QR code out of a PNG (a data: URL or bytes), as a phone camera would. */
export function decodeQrPng(png: string | Buffer): string {
  const bytes = typeof png === "string" ? Buffer.from(png.replace(/^data:image\/png;base64,/, ""), "base64") : png;
  const image = PNG.sync.read(bytes);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error("no QR code found in the image");
  return code.data;
}

/**
 * The whole OpenID4VCI pre-authorized code flow as a wallet runs it, with the library's client: offer URI (and
 * PIN) → access token → nonce → proof of possession → the credential, bound to this wallet's did:key.
 */
export async function redeemOffer(
  offerUri: string,
  key: WalletKey,
  fetchImpl: typeof fetch,
  options: { txCode?: string; configurationId?: string } = {},
): Promise<string | Record<string, unknown>> {
  const { clientAuthenticationAnonymous } = await import("@openid4vc/oauth2");
  const { Openid4vciClient } = await import("@openid4vc/openid4vci");
  const client = new Openid4vciClient({
    callbacks: { ...walletCallbacks(key, fetchImpl), clientAuthentication: clientAuthenticationAnonymous() } as never,
  });
  const credentialOffer = await client.resolveCredentialOffer(offerUri);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer,
    issuerMetadata,
    ...(options.txCode ? { txCode: options.txCode } : {}),
  });
  const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
  const configurationId = options.configurationId ?? "MicroQualificationCredential_jwt_vc_json";
  const { jwt: proof } = await client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId: configurationId,
    signer: { method: "did", didUrl: key.didUrl, alg: "EdDSA" },
    nonce,
  });
  const { credentialResponse } = await client.retrieveCredentials({
    issuerMetadata,
    accessToken: accessTokenResponse.access_token,
    credentialConfigurationId: configurationId,
    proofs: { jwt: [proof] },
  });
  return (credentialResponse.credentials![0] as { credential: string | Record<string, unknown> }).credential;
}
