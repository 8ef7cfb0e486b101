// POST /credentials/verify: our own credentials in every format, and credentials made with independent
// libraries (jose, did-jwt-vc) by keys the service has never seen.
import { EdDSASigner } from "did-jwt";
import { createVerifiableCredentialJwt } from "did-jwt-vc";
import { exportJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testIin } from "../helpers/iin.js";
import { freshDidKey, freshMultikeyDidKey } from "../helpers/did-key.js";
import { bearer, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON under test
type Json = Record<string, any>;

let svc: TestService;
let registrar: string;
let n = 100;

const post = (url: string, payload?: object) =>
  svc.app.inject({ method: "POST", url, headers: bearer(registrar), ...(payload ? { payload } : {}) });
const verify = (verifiableCredential: unknown, options?: object) =>
  svc.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential, ...(options ? { options } : {}) } });

async function award(format: "vc+jwt" | "di"): Promise<Json> {
  const attestation = (
    await post("/orgs/kaznu/programmes/DA-101/attestations", {
      learner: { fullName: `Learner ${n}`, iin: testIin(n++) },
      session: "2026-06",
      heldOn: "2026-06-20",
      result: { percent: 90 },
    })
  ).json();
  return (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.id, format })).json();
}

const outcomes = (report: Json) => Object.fromEntries(report.checks.map((c: Json) => [c.id, `${c.outcome}:${c.code}`]));

beforeAll(async () => {
  svc = await startService();
  ({ registrar } = await withPublishedProgramme(svc));
});
afterAll(async () => {
  await svc?.destroy();
});

describe("our own credentials", () => {
  it("a vc+jwt credential verifies as a JWT, as an enveloped credential and in Veramo's shape, with every check passed", async () => {
    const issued = await award("vc+jwt");
    for (const form of [
      issued.jwt,
      {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        id: `data:application/vc+jwt,${issued.jwt}`,
        type: "EnvelopedVerifiableCredential",
      },
      { ...issued.credential, proof: { type: "JwtProof2020", jwt: issued.jwt } },
    ]) {
      const res = await verify(form);
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report).toMatchObject({ verified: true, verdict: "valid", format: "vc+jwt", issuer: "did:web:localhost%3A3999:orgs:kaznu" });
      expect(outcomes(report)).toEqual({
        format: "passed:vc+jwt",
        contexts: "passed:contexts_known",
        issuer: "passed:issuer_resolved",
        signature: "passed:signature_valid",
        validity: "passed:within_validity",
        status: "passed:not_revoked",
        schema: "passed:schema_valid",
        trust: "passed:trusted",
      });
    }
  });

  it("a Data Integrity credential verifies", async () => {
    const issued = await award("di");
    const res = await verify(issued.credential);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verified: true, verdict: "valid", format: "data-integrity" });
  });

  it("a changed credential is tampered (422, with the full report)", async () => {
    const jwt = (await award("vc+jwt")).jwt as string;
    const [h, p, s] = jwt.split(".");
    const payload = JSON.parse(Buffer.from(p!, "base64url").toString());
    payload.credentialSubject.result[0].value = "A";
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
    const res = await verify(forged);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ verified: false, verdict: "tampered" });
    expect(outcomes(res.json()).signature).toBe("failed:signature_mismatch");

    const di = (await award("di")).credential;
    di.credentialSubject.creditsEarned = 60;
    expect((await verify(di)).json().verdict).toBe("tampered");
  });

  it("revoked and suspended credentials say so", async () => {
    const revoked = await award("vc+jwt");
    await post(`/orgs/kaznu/credentials/${revoked.id}/revoke`, { reason: "Annulled by the council" });
    expect((await verify(revoked.jwt)).json()).toMatchObject({ verified: false, verdict: "revoked" });

    const suspended = await award("di");
    await post(`/orgs/kaznu/credentials/${suspended.id}/suspend`, { reason: "Under review" });
    const report = (await verify(suspended.credential)).json();
    expect(report.verdict).toBe("suspended");
    expect(outcomes(report).status).toBe("failed:suspended");
  });
});

describe("credentials from other software, with keys the service has never seen", () => {
  it("a vc+jwt signed with jose by a did:key issuer verifies; the issuer is unknown (a warning)", async () => {
    const key = freshDidKey();
    const jwt = await new SignJWT({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiableCredential"],
      issuer: key.did,
      validFrom: "2026-01-01T00:00:00Z",
      credentialSubject: { id: "did:example:learner", name: "Short course in welding" },
    })
      .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: key.kid })
      .sign(key.privateKey);
    const res = await verify(jwt);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verified: true, verdict: "valid", issuer: key.did });
    expect(outcomes(res.json()).trust).toBe("warning:unknown");
    const strict = await verify(jwt, { requireTrust: true });
    expect(strict.statusCode).toBe(422);
    expect(strict.json().verdict).toBe("untrusted_issuer");
  });

  it("a VC 1.1 JWT made with did-jwt-vc verifies", async () => {
    const key = freshDidKey();
    const jwk = await exportJWK(key.privateKey);
    const signer = EdDSASigner(Buffer.from(jwk.d!, "base64url"));
    const jwt = await createVerifiableCredentialJwt(
      {
        sub: "did:example:learner",
        nbf: 1_700_000_000,
        vc: {
          "@context": ["https://www.w3.org/2018/credentials/v1"],
          type: ["VerifiableCredential"],
          credentialSubject: { course: "Excel" },
        },
      },
      { did: key.did, signer, alg: "EdDSA" },
    );
    const res = await verify(jwt);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().format).toBe("jwt-vc-1.1");
  });

  it("an expired credential is expired", async () => {
    const key = freshDidKey();
    const jwt = await new SignJWT({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiableCredential"],
      issuer: key.did,
      validFrom: "2020-01-01T00:00:00Z",
      validUntil: "2021-01-01T00:00:00Z",
      credentialSubject: {},
    })
      .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: key.kid })
      .sign(key.privateKey);
    expect((await verify(jwt)).json()).toMatchObject({ verified: false, verdict: "expired" });
  });

  it("a signature by a key that is not the issuer's is refused", async () => {
    const issuer = freshDidKey();
    const other = freshDidKey();
    const claims = {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiableCredential"],
      issuer: issuer.did,
      credentialSubject: {},
    };
    const foreignKid = await new SignJWT(claims).setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: other.kid }).sign(other.privateKey);
    expect(outcomes((await verify(foreignKid)).json()).signature).toBe("failed:key_of_another_did");
    const wrongKey = await new SignJWT(claims).setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: issuer.kid }).sign(other.privateKey);
    expect((await verify(wrongKey)).json().verdict).toBe("tampered");
  });

  it('"alg": "none" is refused', async () => {
    const key = freshDidKey();
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "vc+jwt" })).toString("base64url");
    const payload = Buffer.from(
      JSON.stringify({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        type: ["VerifiableCredential"],
        issuer: key.did,
        credentialSubject: {},
      }),
    ).toString("base64url");
    const res = await verify(`${header}.${payload}.`);
    expect(res.statusCode).toBe(422);
    expect(outcomes(res.json()).signature).toBe("failed:algorithm_not_allowed");
  });
});

describe("what is not a credential", () => {
  it.each([
    ["garbage text", "not a credential"],
    ["a truncated JWT", "eyJhbGciOiJFZERTQSJ9.eyJ"],
    ["a number", 42],
    ["an object without a type", { hello: "world" }],
  ])("%s → 400 NOT_A_CREDENTIAL", async (_what, body) => {
    const res = await verify(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("NOT_A_CREDENTIAL");
  });

  it("a body without verifiableCredential → 400 VALIDATION_FAILED", async () => {
    const res = await svc.app.inject({ method: "POST", url: "/credentials/verify", payload: { credential: {} } });
    expect(res.statusCode).toBe(400);
  });
});

describe("trust registry", () => {
  it("is exported and replaced in the same format; an entry makes an outside issuer trusted, an ended one no longer", async () => {
    const { admin } = await import("../helpers/service.js");
    const centre = freshDidKey();
    const lapsed = freshDidKey();
    const sign = (key: ReturnType<typeof freshDidKey>) =>
      new SignJWT({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        type: ["VerifiableCredential"],
        issuer: key.did,
        credentialSubject: { qualification: "Welder" },
      })
        .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: key.kid })
        .sign(key.privateKey);

    const put = await svc.app.inject({
      method: "PUT",
      url: "/trust-registry",
      headers: admin,
      payload: {
        issuers: [
          {
            did: centre.did,
            names: { kk: "Тану орталығы", ru: "Центр признания", en: "Recognition centre" },
            kind: "recognition_centre",
            accreditation: "Order No. 12, 2025",
            validFrom: "2025-01-01T00:00:00Z",
          },
          { did: lapsed.did, names: { kk: "Колледж", ru: "Колледж", en: "College" }, kind: "tvet", validUntil: "2024-12-31T00:00:00Z" },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const exported = (await svc.app.inject({ method: "GET", url: "/trust-registry" })).json();
    expect(exported.issuers.map((i: Json) => i.did).sort()).toEqual([centre.did, lapsed.did].sort());
    expect(exported.platformInstitutions[0].did).toBe("did:web:localhost%3A3999:orgs:kaznu");

    const trusted = (await verify(await sign(centre), { requireTrust: true })).json();
    expect(trusted).toMatchObject({ verified: true });
    expect(outcomes(trusted).trust).toBe("passed:trusted");
    const ended = (await verify(await sign(lapsed))).json();
    expect(ended).toMatchObject({ verified: false, verdict: "untrusted_issuer" });
    expect(outcomes(ended).trust).toBe("failed:no-longer-accredited");

    // The same document goes back in unchanged, and only a platform admin may put it.
    expect((await svc.app.inject({ method: "PUT", url: "/trust-registry", headers: admin, payload: exported })).statusCode).toBe(200);
    expect(
      (await svc.app.inject({ method: "PUT", url: "/trust-registry", headers: bearer(registrar), payload: exported })).statusCode,
    ).toBe(403);
  });
});

describe("VC API issuing (POST /orgs/{slug}/credentials/issue)", () => {
  const issue = (body: object) =>
    svc.app.inject({ method: "POST", url: "/orgs/kaznu/credentials/issue", headers: bearer(registrar), payload: body });
  const v2 = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    type: ["VerifiableCredential"],
    credentialSubject: { id: "did:example:123", course: "First aid" },
  };

  it("issues a VC DM 2.0 credential as vc+jwt with a status entry, and it verifies", async () => {
    const res = await issue({ credential: v2, options: { credentialStatus: { type: "BitstringStatusListEntry" } } });
    expect(res.statusCode, res.body).toBe(201);
    const vc = res.json().verifiableCredential;
    expect(vc.type).toBe("EnvelopedVerifiableCredential");
    const report = (await verify(vc)).json();
    expect(report).toMatchObject({ verified: true, issuer: "did:web:localhost%3A3999:orgs:kaznu" });
    expect(outcomes(report).status).toBe("passed:not_revoked");
  });

  it("issues Data Integrity on request, and VC DM 1.1 credentials as JWTs", async () => {
    const undefinedTerm = await issue({ credential: v2, options: { format: "di" } });
    expect(undefinedTerm.statusCode).toBe(422);
    expect(undefinedTerm.json().code).toBe("CREDENTIAL_NOT_SIGNABLE");
    const defined = { ...v2, credentialSubject: { id: "did:example:123", name: "First aid" } };
    const di = (await issue({ credential: defined, options: { format: "di" } })).json().verifiableCredential;
    expect(di.proof.cryptosuite).toBe("eddsa-rdfc-2022");
    expect((await verify(di)).json().verified).toBe(true);
    const v11 = await issue({
      credential: {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        type: ["VerifiableCredential"],
        issuer: "did:web:localhost%3A3999:orgs:kaznu",
        credentialSubject: { id: "did:example:1", course: "Excel" },
      },
    });
    expect(v11.statusCode, v11.body).toBe(201);
    const jwt = v11.json().verifiableCredential.proof.jwt;
    const report = (await verify(jwt)).json();
    expect(report).toMatchObject({ verified: true, format: "jwt-vc-1.1" });
  });

  it("refuses another issuer and a body that is not a credential", async () => {
    const other = await issue({ credential: { ...v2, issuer: "did:web:elsewhere.kz" } });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("ISSUER_NOT_THIS_INSTITUTION");
    expect((await issue({ credential: { hello: "world" } })).json().code).toBe("NOT_A_CREDENTIAL");
  });
});

describe("hostile bodies", () => {
  it("a 2 MB body is 413, JSON nested 10,000 levels deep is 400, neither a 5xx", async () => {
    const big = await svc.app.inject({
      method: "POST",
      url: "/credentials/verify",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ verifiableCredential: "x".repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe("BODY_TOO_LARGE");
    const deep = `{"verifiableCredential": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    const nested = await svc.app.inject({
      method: "POST",
      url: "/credentials/verify",
      headers: { "content-type": "application/json" },
      payload: deep,
    });
    expect(nested.statusCode).toBe(400);
    const deepObject = `{"verifiableCredential": ${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}`;
    expect(
      (
        await svc.app.inject({
          method: "POST",
          url: "/credentials/verify",
          headers: { "content-type": "application/json" },
          payload: deepObject,
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe("Data Integrity credentials from other software", () => {
  it("a credential signed with @digitalbazaar/vc by an unseen did:key verifies; a changed one does not", async () => {
    const { DataIntegrityProof } = await import("@digitalbazaar/data-integrity");
    const { cryptosuite } = await import("@digitalbazaar/eddsa-rdfc-2022-cryptosuite");
    const dbvc = await import("@digitalbazaar/vc");
    const { documentLoader } = await import("../../src/credentials/data-integrity.js");
    const { did, keyPair } = await freshMultikeyDidKey();
    const credential = {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiableCredential"],
      issuer: did,
      validFrom: "2026-01-01T00:00:00Z",
      credentialSubject: { id: "did:example:learner", name: "Occupational safety" },
    };
    // The signer's own loader knows only contexts and the did:key itself.
    const loader = documentLoader({ didDocument: async () => null });
    const signed = await dbvc.issue({
      credential,
      suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite }),
      documentLoader: loader,
    });
    const res = await verify(signed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verified: true, format: "data-integrity", issuer: did });
    const changed = { ...signed, credentialSubject: { ...(signed.credentialSubject as object), name: "Nuclear safety" } };
    expect((await verify(changed)).json().verdict).toBe("tampered");
  });

  it("an unknown @context fails a Data Integrity credential, naming the context, and is never fetched", async () => {
    const issued = (
      await post("/orgs/kaznu/credentials/issue", {
        credential: {
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          type: ["VerifiableCredential"],
          credentialSubject: { id: "did:example:1", name: "x" },
        },
        options: { format: "di" },
      })
    ).json().verifiableCredential;
    const withUnknown = { ...issued, "@context": [...issued["@context"], "https://example.org/contexts/unknown/v1"] };
    const report = (await verify(withUnknown)).json();
    expect(report.verified).toBe(false);
    expect(report.checks.find((c: Json) => c.id === "contexts")).toMatchObject({ outcome: "failed", code: "unknown_context" });
    expect(report.checks.find((c: Json) => c.id === "contexts").reason).toContain("https://example.org/contexts/unknown/v1");
  });
});

describe("Ed25519Signature2020 (VC 1.1 Data Integrity)", () => {
  it("a credential signed with @digitalbazaar/ed25519-signature-2020 by an unseen did:web issuer verifies; a changed one does not", async () => {
    const { Ed25519VerificationKey2020 } = await import("@digitalbazaar/ed25519-verification-key-2020");
    const { Ed25519Signature2020 } = await import("@digitalbazaar/ed25519-signature-2020");
    const dbvc = await import("@digitalbazaar/vc");
    const { createServer } = await import("node:http");
    const { documentLoader } = await import("../../src/credentials/data-integrity.js");

    // An issuer elsewhere: did:web on a local host that FETCH_ALLOW_HOSTS lets the service reach over http.
    const server = createServer((req, res) => {
      res.writeHead(req.url === "/did.json" || req.url === "/issuer/did.json" ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify(didDoc));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const other = await startService({ env: { FETCH_ALLOW_HOSTS: `127.0.0.1:${port}`, PUBLIC_URL: "http://localhost:3998" } });
    const did = `did:web:127.0.0.1%3A${port}:issuer`;
    const key = await Ed25519VerificationKey2020.generate({ controller: did });
    key.id = `${did}#key-1`;
    const didDoc = {
      "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
      id: did,
      verificationMethod: [{ id: key.id, type: "Ed25519VerificationKey2020", controller: did, publicKeyMultibase: key.publicKeyMultibase }],
      assertionMethod: [key.id],
    };
    try {
      const credential = {
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
        type: ["VerifiableCredential"],
        issuer: did,
        issuanceDate: "2026-01-01T00:00:00Z",
        credentialSubject: { id: "did:example:learner" },
      };
      const loader = documentLoader({ didDocument: async (id) => (id === did ? didDoc : null) });
      const signed = await dbvc.issue({ credential, suite: new Ed25519Signature2020({ key }), documentLoader: loader });
      const res = await other.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential: signed } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ verified: true, format: "data-integrity", issuer: did });
      const changed = { ...signed, issuanceDate: "2020-01-01T00:00:00Z" };
      const bad = await other.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential: changed } });
      expect(bad.json().verdict).toBe("tampered");
    } finally {
      await other.destroy();
      server.close();
    }
  });
});

describe("StatusList2021 (VC 1.1 status lists)", () => {
  it("reads a StatusList2021 list published by another host, and sees the credential revoked", async () => {
    const { Ed25519VerificationKey2020 } = await import("@digitalbazaar/ed25519-verification-key-2020");
    const { Ed25519Signature2020 } = await import("@digitalbazaar/ed25519-signature-2020");
    const { Bitstring } = await import("@digitalbazaar/bitstring");
    const dbvc = await import("@digitalbazaar/vc");
    const { createServer } = await import("node:http");
    const { documentLoader } = await import("../../src/credentials/data-integrity.js");

    const documents = new Map<string, unknown>();
    const server = createServer((req, res) => {
      const doc = documents.get(req.url ?? "");
      res.writeHead(doc ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify(doc ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const host = `127.0.0.1:${(server.address() as { port: number }).port}`;
    const other = await startService({ env: { FETCH_ALLOW_HOSTS: host, PUBLIC_URL: "http://localhost:3997" } });
    try {
      const did = `did:web:${encodeURIComponent(host)}:college`;
      const key = await Ed25519VerificationKey2020.generate({ controller: did });
      key.id = `${did}#key-1`;
      const didDoc = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
        id: did,
        verificationMethod: [
          { id: key.id, type: "Ed25519VerificationKey2020", controller: did, publicKeyMultibase: key.publicKeyMultibase },
        ],
        assertionMethod: [key.id],
      };
      documents.set("/college/did.json", didDoc);
      const loader = documentLoader({ didDocument: async (id) => (id === did ? didDoc : null) });
      const suite = () => new Ed25519Signature2020({ key });
      const contexts = [
        "https://www.w3.org/2018/credentials/v1",
        "https://w3id.org/vc/status-list/2021/v1",
        "https://w3id.org/security/suites/ed25519-2020/v1",
      ];
      const listUrl = `http://${host}/status/1`;
      const bits = new Bitstring({ length: 131072 });
      bits.set(7, true);
      const list = await dbvc.issue({
        credential: {
          "@context": contexts,
          id: listUrl,
          type: ["VerifiableCredential", "StatusList2021Credential"],
          issuer: did,
          issuanceDate: "2026-01-01T00:00:00Z",
          credentialSubject: {
            id: `${listUrl}#list`,
            type: "StatusList2021",
            statusPurpose: "revocation",
            encodedList: await bits.encodeBits(),
          },
        },
        suite: suite(),
        documentLoader: loader,
      });
      documents.set("/status/1", list);
      const credentialAt = async (index: number) =>
        dbvc.issue({
          credential: {
            "@context": contexts,
            type: ["VerifiableCredential"],
            issuer: did,
            issuanceDate: "2026-01-01T00:00:00Z",
            credentialSubject: { id: "did:example:learner" },
            credentialStatus: {
              id: `${listUrl}#${index}`,
              type: "StatusList2021Entry",
              statusPurpose: "revocation",
              statusListIndex: String(index),
              statusListCredential: listUrl,
            },
          },
          suite: suite(),
          documentLoader: loader,
        });
      const verifyThere = async (credential: object) =>
        (await other.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential: credential } })).json();
      const revoked = await verifyThere(await credentialAt(7));
      expect(revoked.verdict, JSON.stringify(revoked.checks)).toBe("revoked");
      const fine = await verifyThere(await credentialAt(8));
      expect(fine.verified, JSON.stringify(fine.checks)).toBe(true);
    } finally {
      await other.destroy();
      server.close();
    }
  });
});

describe("other issuers' JSON Schemas", () => {
  it("are fetched (safely) and applied: a matching credential passes, a non-matching one fails", async () => {
    const { createServer } = await import("node:http");
    const schema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      required: ["credentialSubject"],
      properties: { credentialSubject: { type: "object", required: ["course"] } },
    };
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/schema+json" });
      res.end(JSON.stringify(schema));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const host = `127.0.0.1:${(server.address() as { port: number }).port}`;
    const other = await startService({ env: { FETCH_ALLOW_HOSTS: host, PUBLIC_URL: "http://localhost:3996" } });
    try {
      const key = freshDidKey();
      const make = (subject: object) =>
        new SignJWT({
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          type: ["VerifiableCredential"],
          issuer: key.did,
          credentialSchema: { id: `http://${host}/schema.json`, type: "JsonSchema" },
          credentialSubject: subject,
        })
          .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: key.kid })
          .sign(key.privateKey);
      const check = async (jwt: string) =>
        (await other.app.inject({ method: "POST", url: "/credentials/verify", payload: { verifiableCredential: jwt } })).json();
      const good = await check(await make({ course: "Welding" }));
      expect(good.checks.find((c: Json) => c.id === "schema")).toMatchObject({ outcome: "passed", code: "schema_valid" });
      const bad = await check(await make({ name: "no course" }));
      expect(bad).toMatchObject({ verified: false, verdict: "invalid" });
      expect(bad.checks.find((c: Json) => c.id === "schema")).toMatchObject({ outcome: "failed", code: "schema_mismatch" });
    } finally {
      await other.destroy();
      server.close();
    }
  });
});
