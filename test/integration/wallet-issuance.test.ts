// OpenID4VCI interop over real HTTPS on a listening port: an independent wallet (the @openid4vc client class,
// its own jose keys and did:key, the stock web-did-resolver) receives a micro-qualification credential through
// the pre-authorized code flow with a PIN; did-jwt-vc verifies it and it is bound to the wallet's key.
import { rmSync } from "node:fs";
import https from "node:https";
import { clientAuthenticationAnonymous } from "@openid4vc/oauth2";
import { Openid4vciClient } from "@openid4vc/openid4vci";
import { verifyCredential } from "did-jwt-vc";
import { Resolver } from "did-resolver";
import { decodeJwt, SignJWT } from "jose";
import { getResolver as webResolver } from "web-did-resolver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testIin } from "../helpers/iin.js";
import { bearer, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";
import { offerObject, redeemPreAuthorizedCode } from "../../src/services/wallet-issuance.js";
import { decodeQrPng, redeemOffer, walletCallbacks, walletKey, type WalletKey } from "../helpers/wallet.js";
import { freePort, httpsFetch, throwAwayCertificate } from "../helpers/network.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON under test
type Json = Record<string, any>;

let svc: TestService;
let tls: ReturnType<typeof throwAwayCertificate>;
let base: string;
let registrar: string;
let wallet: WalletKey;
let client: Openid4vciClient;
const savedCa = https.globalAgent.options.ca;

async function awardedCredential(n: number): Promise<string> {
  const post = (url: string, payload: object) => svc.app.inject({ method: "POST", url, headers: bearer(registrar), payload });
  const attestation = await post("/orgs/kaznu/programmes/DA-101/attestations", {
    learner: { fullName: `Learner ${n}`, iin: testIin(n) },
    session: "2026-06",
    heldOn: "2026-06-20",
    result: { percent: 91 },
  });
  return (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.json().id })).json().id as string;
}

async function offer(credentialId: string, body: object = {}): Promise<Json> {
  const res = await svc.app.inject({
    method: "POST",
    url: `/orgs/kaznu/credentials/${credentialId}/offers`,
    headers: bearer(registrar),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The one credential of a credential response (OpenID4VCI 1.0: credentials[0].credential). */
const received_ = (response: { credentials?: unknown[] }) => (response.credentials![0] as { credential: string | Json }).credential;

/** The protocol error the wallet got back: { error, error_description }. */
async function protocolError(promise: Promise<unknown>): Promise<{ error: string; error_description?: string }> {
  try {
    await promise;
  } catch (e) {
    const err = e as { errorResponse?: Json; response?: { credentialErrorResponseResult?: { data?: Json } } };
    const body = err.errorResponse ?? err.response?.credentialErrorResponseResult?.data;
    if (body) return body as { error: string };
    throw e;
  }
  throw new Error("expected the request to be refused");
}

beforeAll(async () => {
  tls = throwAwayCertificate();
  const port = await freePort();
  base = `https://localhost:${port}`;
  svc = await startService({ env: { TLS_CERT: tls.cert, TLS_KEY: tls.key, PUBLIC_URL: base, PORT: String(port), HOST: "127.0.0.1" } });
  await svc.app.listen({ host: "127.0.0.1", port });
  ({ registrar } = await withPublishedProgramme(svc));
  wallet = await walletKey();
  client = new Openid4vciClient({
    callbacks: { ...walletCallbacks(wallet, httpsFetch(tls.ca)), clientAuthentication: clientAuthenticationAnonymous() } as never,
  });
}, 60_000);

afterAll(async () => {
  https.globalAgent.options.ca = savedCa;
  await svc?.destroy();
  if (tls) rmSync(tls.dir, { recursive: true, force: true });
});

describe("OpenID4VCI: a credential into an independent wallet", () => {
  it("publishes issuer and authorization server metadata where the spec puts them for {PUBLIC_URL}/orgs/{slug}", async () => {
    const metadata = await client.resolveIssuerMetadata(`${base}/orgs/kaznu`);
    expect(metadata.credentialIssuer.credential_issuer).toBe(`${base}/orgs/kaznu`);
    expect(Object.keys(metadata.credentialIssuer.credential_configurations_supported)).toEqual([
      "MicroQualificationCredential_jwt_vc_json",
      "MicroQualificationCredential_ldp_vc",
    ]);
    const display = (metadata.credentialIssuer.credential_configurations_supported.MicroQualificationCredential_jwt_vc_json as Json)
      .credential_metadata.display;
    expect(display.map((d: Json) => d.locale)).toEqual(["kk", "ru", "en"]);
    expect(metadata.authorizationServers[0]).toMatchObject({
      issuer: `${base}/orgs/kaznu`,
      token_endpoint: `${base}/orgs/kaznu/openid4vci/token`,
    });
  });

  it("pre-authorized code + PIN → a credential bound to the wallet's did:key, verified by did-jwt-vc; the QR decodes to the offer URI", async () => {
    const credentialId = await awardedCredential(1);
    const created = await offer(credentialId);
    expect(created.txCode).toMatch(/^\d{6}$/);
    expect(created.offerUri).toBe(
      `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${base}/orgs/kaznu/openid4vci/offers/${created.offerId}`)}`,
    );
    expect(decodeQrPng(created.qrPng)).toBe(created.offerUri);

    const credentialOffer = await client.resolveCredentialOffer(created.offerUri);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const wrongPin = await protocolError(
      client.retrievePreAuthorizedCodeAccessTokenFromOffer({
        credentialOffer,
        issuerMetadata,
        txCode: "000000" === created.txCode ? "111111" : "000000",
      }),
    );
    expect(wrongPin.error).toBe("invalid_grant");
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer,
      issuerMetadata,
      txCode: created.txCode,
    });
    const replayedCode = await protocolError(
      client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: created.txCode }),
    );
    expect(replayedCode).toMatchObject({ error: "invalid_grant", error_description: expect.stringContaining("already used") });

    const configurationId = "MicroQualificationCredential_jwt_vc_json";
    const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
    const { jwt: proof } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: configurationId,
      signer: { method: "did", didUrl: wallet.didUrl, alg: "EdDSA" },
      nonce,
    });
    const { credentialResponse } = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: configurationId,
      proofs: { jwt: [proof] },
    });
    const received = received_(credentialResponse) as string;

    const verified = await verifyCredential(received, new Resolver(webResolver()));
    expect(verified.verified).toBe(true);
    expect(verified.payload.sub).toBe(wallet.did);
    expect(verified.verifiableCredential.credentialSubject.id).toBe(wallet.did);
    expect(verified.verifiableCredential.id).toBe(`${base}/credentials/${credentialId}`);
    expect(verified.issuer).toBe(`did:web:localhost%3A${new URL(base).port}:orgs:kaznu`);

    const replayedToken = await protocolError(
      client.retrieveCredentials({
        issuerMetadata,
        accessToken: accessTokenResponse.access_token,
        credentialConfigurationId: configurationId,
        proofs: { jwt: [proof] },
      }),
    );
    expect(replayedToken.error).toBe("invalid_token");

    // Our own verification agrees, and the wallet's copy shares the credential's status.
    const ours = await svc.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential: received } });
    expect(ours.json().verdict).toBe("valid");
    await svc.app.inject({
      method: "POST",
      url: `/orgs/kaznu/credentials/${credentialId}/revoke`,
      headers: bearer(registrar),
      payload: { reason: "Issued in error" },
    });
    expect(
      (await svc.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential: received } })).json().verdict,
    ).toBe("revoked");
  });

  it("refuses a proof with a used nonce, a wrong audience, or another key's signature; a configuration that was not offered", async () => {
    const created = await offer(await awardedCredential(2));
    const credentialOffer = await client.resolveCredentialOffer(created.offerUri);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer,
      issuerMetadata,
      txCode: created.txCode,
    });
    const accessToken = accessTokenResponse.access_token;
    const configurationId = "MicroQualificationCredential_jwt_vc_json";
    const request = (proof: string, id = configurationId) =>
      client.retrieveCredentials({ issuerMetadata, accessToken, credentialConfigurationId: id, proofs: { jwt: [proof] } });
    const proofWith = async (claims: Json, key: WalletKey = wallet) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "EdDSA", typ: "openid4vci-proof+jwt", kid: key.didUrl })
        .setIssuedAt()
        .sign(key.privateKey);

    expect((await protocolError(request(await proofWith({ aud: `${base}/orgs/kaznu`, nonce: "made-up" })))).error).toBe("invalid_nonce");
    const { c_nonce: n1 } = await client.requestNonce({ issuerMetadata });
    expect((await protocolError(request(await proofWith({ aud: "https://elsewhere.example", nonce: n1 })))).error).toBe("invalid_proof");
    const { c_nonce: n2 } = await client.requestNonce({ issuerMetadata });
    const other = await walletKey();
    const forged = await new SignJWT({ aud: `${base}/orgs/kaznu`, nonce: n2 })
      .setProtectedHeader({ alg: "EdDSA", typ: "openid4vci-proof+jwt", kid: wallet.didUrl })
      .setIssuedAt()
      .sign(other.privateKey);
    expect((await protocolError(request(forged))).error).toBe("invalid_proof");
    const { c_nonce: n3 } = await client.requestNonce({ issuerMetadata });
    expect(
      (await protocolError(request(await proofWith({ aud: `${base}/orgs/kaznu`, nonce: n3 }), "MicroQualificationCredential_ldp_vc")))
        .error,
    ).toBe("unknown_credential_configuration");

    // Still unused after the refusals: the right proof gets the credential.
    const { c_nonce: n4 } = await client.requestNonce({ issuerMetadata });
    const { credentialResponse } = await request(await proofWith({ aud: `${base}/orgs/kaznu`, nonce: n4 }));
    expect(decodeJwt(received_(credentialResponse) as string).sub).toBe(wallet.did);
  });

  it("blocks an offer after five wrong PINs, and an expired or unknown offer cannot be fetched", async () => {
    const created = await offer(await awardedCredential(3));
    const credentialOffer = await client.resolveCredentialOffer(created.offerUri);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const wrong = created.txCode === "999999" ? "999998" : "999999";
    for (let i = 0; i < 5; i++)
      expect(
        (await protocolError(client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: wrong })))
          .error,
      ).toBe("invalid_grant");
    const blocked = await protocolError(
      client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: created.txCode }),
    );
    expect(blocked).toMatchObject({ error: "invalid_grant", error_description: expect.stringContaining("blocked") });
    const gone = await svc.app.inject({ method: "GET", url: `/orgs/kaznu/openid4vci/offers/${created.offerId}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe("OFFER_NOT_FOUND");
  });

  it("an expired offer: its code is refused and the offer cannot be fetched", async () => {
    const created = await offer(await awardedCredential(5));
    const credentialOffer = await client.resolveCredentialOffer(created.offerUri);
    // Eight days later (offers live seven).
    const later = { ...svc.wired.deps, clock: () => new Date(Date.now() + 8 * 24 * 3600_000) } as typeof svc.wired.deps;
    const institution = (await later.repos.institutions.findBySlug("kaznu"))!;
    const code = (credentialOffer.grants as Json)["urn:ietf:params:oauth:grant-type:pre-authorized_code"]["pre-authorized_code"];
    const error = await redeemPreAuthorizedCode(
      institution,
      { url: `${base}/orgs/kaznu/openid4vci/token`, headers: new Headers({ "content-type": "application/x-www-form-urlencoded" }) },
      { grant_type: "urn:ietf:params:oauth:grant-type:pre-authorized_code", "pre-authorized_code": code, tx_code: created.txCode },
      later,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, error: "invalid_grant", description: expect.stringContaining("expired") });
    await expect(offerObject(institution, created.offerId, later)).rejects.toMatchObject({ code: "OFFER_NOT_FOUND" });
  });

  it("issues with a Data Integrity proof (ldp_vc) bound to the wallet's key", async () => {
    const created = await offer(await awardedCredential(4), { configuration: "MicroQualificationCredential_ldp_vc", pin: false });
    expect(created.txCode).toBeNull();
    const vc = (await redeemOffer(created.offerUri, wallet, httpsFetch(tls.ca), {
      configurationId: "MicroQualificationCredential_ldp_vc",
    })) as Json;
    expect(vc.credentialSubject.id).toBe(wallet.did);
    expect(vc.proof).toMatchObject({ type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022" });
    const ours = await svc.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential: vc } });
    expect(ours.json().verdict, ours.body).toBe("valid");
  });
});
