// OpenID4VP interop over real HTTPS: an employer asks for a micro-qualification credential; an independent wallet
// (the @openid4vc client classes, dcql, its own jose keys) resolves the signed request by reference, matches the
// DCQL query against what it holds, signs a presentation and posts it (direct_post); the employer reads the result.
import { rmSync } from "node:fs";
import https from "node:https";
import { Openid4vpClient, type Openid4vpAuthorizationRequest } from "@openid4vc/openid4vp";
import { DcqlQuery } from "dcql";
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testIin } from "../helpers/iin.js";
import { bearer, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";
import { decodeQrPng, redeemOffer, walletCallbacks, walletKey, type WalletKey } from "../helpers/wallet.js";
import { freePort, httpsFetch, throwAwayCertificate } from "../helpers/network.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON under test
type Json = Record<string, any>;

let svc: TestService;
let tls: ReturnType<typeof throwAwayCertificate>;
let base: string;
let registrar: string;
let wallet: WalletKey;
let fetchTls: typeof fetch;
const savedCa = https.globalAgent.options.ca;

/** The wallet receives a credential through OpenID4VCI first (the issuance test covers that flow in detail). */
async function receiveCredential(n: number, key: WalletKey): Promise<{ jwt: string; credentialId: string }> {
  const post = (url: string, payload: object) => svc.app.inject({ method: "POST", url, headers: bearer(registrar), payload });
  const attestation = await post("/orgs/kaznu/programmes/DA-101/attestations", {
    learner: { fullName: `Graduate ${n}`, iin: testIin(n) },
    session: "2026-06",
    heldOn: "2026-06-20",
    result: { letter: "A-" },
  });
  const credentialId = (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.json().id })).json().id as string;
  const offer = (await post(`/orgs/kaznu/credentials/${credentialId}/offers`, { pin: false })).json();
  return { jwt: (await redeemOffer(offer.offerUri, key, fetchTls)) as string, credentialId };
}

async function newRequest(query?: object): Promise<Json> {
  const res = await svc.app.inject({
    method: "POST",
    url: "/presentation-requests",
    headers: bearer(registrar),
    payload: query ? { query } : {},
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const result = async (request: Json) =>
  (await svc.app.inject({ method: "GET", url: `/presentation-requests/${request.id}?key=${request.resultKey}` })).json();

/** What the wallet does with an openid4vp:// URI: resolve, match the query, present, post. */
async function present(
  uri: string,
  held: { jwt: string },
  key: WalletKey,
  tamper: { nonce?: string; aud?: string; signer?: WalletKey } = {},
) {
  const client = new Openid4vpClient({ callbacks: walletCallbacks(key, fetchTls) as never });
  const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: uri });
  const resolved = await client.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: parsed.params });
  const payload = resolved.authorizationRequestPayload as Openid4vpAuthorizationRequest;
  const query = DcqlQuery.parse(resolved.dcql!.query as DcqlQuery.Input);
  DcqlQuery.validate(query);
  const vc = decodeJwt(held.jwt).vc as Json;
  const match = DcqlQuery.query(query, [
    { credential_format: "jwt_vc_json", type: vc.type, claims: vc, cryptographic_holder_binding: true },
  ]);
  const queryId = query.credentials[0]!.id;
  const signer = tamper.signer ?? key;
  const vp = await new SignJWT({
    nonce: tamper.nonce ?? payload.nonce,
    vp: { "@context": ["https://www.w3.org/2018/credentials/v1"], type: ["VerifiablePresentation"], verifiableCredential: [held.jwt] },
  })
    .setProtectedHeader({ alg: "EdDSA", typ: "JWT", kid: key.didUrl })
    .setIssuer(key.did)
    .setAudience(tamper.aud ?? resolved.client.effective)
    .setIssuedAt()
    .sign(signer.privateKey);
  const response = await client.createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: payload,
    authorizationResponsePayload: { vp_token: { [queryId]: [vp] } },
  });
  const submitted = await client.submitOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: payload,
    authorizationResponsePayload: response.authorizationResponsePayload,
  });
  return { satisfiable: match.can_be_satisfied, response: submitted.response, clientId: resolved.client.effective };
}

beforeAll(async () => {
  tls = throwAwayCertificate();
  fetchTls = httpsFetch(tls.ca);
  const port = await freePort();
  base = `https://localhost:${port}`;
  svc = await startService({ env: { TLS_CERT: tls.cert, TLS_KEY: tls.key, PUBLIC_URL: base, PORT: String(port), HOST: "127.0.0.1" } });
  await svc.app.listen({ host: "127.0.0.1", port });
  ({ registrar } = await withPublishedProgramme(svc));
  wallet = await walletKey();
}, 60_000);

afterAll(async () => {
  https.globalAgent.options.ca = savedCa;
  await svc?.destroy();
  if (tls) rmSync(tls.dir, { recursive: true, force: true });
});

describe("OpenID4VP: an employer asks, an independent wallet presents", () => {
  let held: { jwt: string; credentialId: string };

  beforeAll(async () => {
    held = await receiveCredential(1, wallet);
  });

  it("the QR decodes to openid4vp://?client_id=…&request_uri=…; the wallet presents; the result is verified, showing the achievement and grade", async () => {
    const request = await newRequest();
    const did = `did:web:localhost%3A${new URL(base).port}`;
    expect(request.authorizationRequest).toBe(
      `openid4vp://?client_id=${encodeURIComponent(`decentralized_identifier:${did}`)}&request_uri=${encodeURIComponent(`${base}/openid4vp/requests/${request.id}`)}`,
    );
    expect(decodeQrPng(request.qrPng)).toBe(request.authorizationRequest);
    expect((await result(request)).status).toBe("pending");

    const { satisfiable, response, clientId } = await present(request.authorizationRequest, held, wallet);
    expect(satisfiable).toBe(true);
    expect(clientId).toBe(`decentralized_identifier:${did}`);
    expect(response.status).toBe(200);

    const done = await result(request);
    expect(done.status).toBe("verified");
    expect(done.result.holder).toBe(wallet.did);
    const credential = done.result.credentials[0];
    expect(credential.verdict).toBe("valid");
    expect(credential.credential.credentialSubject.achievement.name).toBe("Кіші деректер талдаушысы");
    expect(credential.credential.credentialSubject.result[0].value).toBe("A-");
    expect(done.result.presentations[0].checks.map((c: Json) => `${c.code}`)).toEqual(
      expect.arrayContaining(["challenge_matches", "domain_matches"]),
    );
  });

  it("refuses a second answer, a wrong nonce, a wrong audience and another holder's signature; the request stays open for the right one", async () => {
    const request = await newRequest();
    const bad = async (tamper: Parameters<typeof present>[3]) => {
      const { response } = await present(request.authorizationRequest, held, wallet, tamper);
      expect(response.status).toBe(400);
      expect(((await response.json()) as Json).error).toBe("invalid_request");
    };
    await bad({ nonce: "not-the-nonce" });
    await bad({ aud: "decentralized_identifier:did:web:elsewhere.example" });
    await bad({ signer: await walletKey() });
    expect((await result(request)).status).toBe("pending");

    expect((await present(request.authorizationRequest, held, wallet)).response.status).toBe(200);
    expect((await result(request)).status).toBe("verified");
    const again = await fetchTls(`${base}/openid4vp/requests/${request.id}`);
    expect(again.status).toBe(404);
    const replay = await present(request.authorizationRequest, held, wallet).catch((e: Error) => e);
    expect(replay).toBeInstanceOf(Error); // the request object is gone once answered
  });

  it("the same response posted twice: the second is refused", async () => {
    const request = await newRequest();
    const client = new Openid4vpClient({ callbacks: walletCallbacks(wallet, fetchTls) as never });
    const resolved = await client.resolveOpenId4vpAuthorizationRequest({
      authorizationRequestPayload: client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: request.authorizationRequest }).params,
    });
    const payload = resolved.authorizationRequestPayload as Openid4vpAuthorizationRequest;
    const vp = await new SignJWT({
      nonce: payload.nonce,
      vp: { "@context": ["https://www.w3.org/2018/credentials/v1"], type: ["VerifiablePresentation"], verifiableCredential: [held.jwt] },
    })
      .setProtectedHeader({ alg: "EdDSA", typ: "JWT", kid: wallet.didUrl })
      .setIssuer(wallet.did)
      .setAudience(resolved.client.effective)
      .setIssuedAt()
      .sign(wallet.privateKey);
    const form = new URLSearchParams({ vp_token: JSON.stringify({ micro_qualification: [vp] }), state: String(payload.state) });
    const post = () =>
      fetchTls(`${base}/openid4vp/response`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
    expect((await post()).status).toBe(200);
    const second = await post();
    expect(second.status).toBe(400);
    expect(((await second.json()) as Json).error_description).toContain("already received");
  });

  it("a holder presenting someone else's credential is refused (holder binding)", async () => {
    const request = await newRequest();
    const thief = await walletKey();
    const { response } = await present(request.authorizationRequest, held, thief);
    expect(response.status).toBe(400);
    expect((await result(request)).status).toBe("pending");
  });

  it("a revoked credential is recorded as rejected, with the reason, for the employer to see", async () => {
    const other = await walletKey();
    const revoked = await receiveCredential(2, other);
    await svc.app.inject({
      method: "POST",
      url: `/orgs/kaznu/credentials/${revoked.credentialId}/revoke`,
      headers: bearer(registrar),
      payload: { reason: "Attestation annulled" },
    });
    const request = await newRequest();
    expect((await present(request.authorizationRequest, revoked, other)).response.status).toBe(200);
    const done = await result(request);
    expect(done.status).toBe("rejected");
    expect(done.result.credentials[0].verdict).toBe("revoked");
  });

  it("a presentation that does not satisfy the DCQL query is refused", async () => {
    const request = await newRequest({
      credentials: [
        {
          id: "degree",
          format: "jwt_vc_json",
          meta: { type_values: [["VerifiableCredential", "UniversityDegreeCredential"]] },
          claims: [{ path: ["credentialSubject", "degree"] }],
        },
      ],
    });
    const { satisfiable, response } = await present(request.authorizationRequest, held, wallet);
    expect(satisfiable).toBe(false);
    expect(response.status).toBe(400);
    expect((await result(request)).status).toBe("pending");
  });

  it("refuses a query that is not DCQL, and a result read without its key", async () => {
    const broken = await svc.app.inject({
      method: "POST",
      url: "/presentation-requests",
      headers: bearer(registrar),
      payload: { query: { credentials: [] } },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe("DCQL_QUERY_INVALID");
    const request = await newRequest();
    const wrongKey = await svc.app.inject({ method: "GET", url: `/presentation-requests/${request.id}?key=${"x".repeat(32)}` });
    expect(wrongKey.statusCode).toBe(404);
    const anonymous = await svc.app.inject({ method: "POST", url: "/presentation-requests", payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });
});
