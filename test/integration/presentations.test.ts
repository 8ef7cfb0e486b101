// POST /presentations/verify: the holder's proof, challenge and domain, every credential inside in full,
// and the holder bound to each credential's subject. Presentations are made with independent libraries.
import { EdDSASigner } from "did-jwt";
import { createVerifiablePresentationJwt } from "did-jwt-vc";
import { exportJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testIin } from "../helpers/iin.js";
import { freshDidKey, freshMultikeyDidKey } from "../helpers/did-key.js";
import { bearer, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON under test
type Json = Record<string, any>;

let svc: TestService;
let registrar: string;
let n = 300;

const post = (url: string, payload?: object) =>
  svc.app.inject({ method: "POST", url, headers: bearer(registrar), ...(payload ? { payload } : {}) });
const verify = (verifiablePresentation: unknown, options?: object) =>
  svc.app.inject({ method: "POST", url: "/presentations/verify", payload: { verifiablePresentation, ...(options ? { options } : {}) } });

/** A credential of ours issued to the wallet DID `holder`. */
async function credentialFor(holder: string): Promise<Json> {
  const attestation = (
    await post("/orgs/kaznu/programmes/DA-101/attestations", {
      learner: { fullName: `Holder ${n}`, iin: testIin(n++), holderDid: holder },
      session: "2026-06",
      heldOn: "2026-06-20",
      result: { percent: 91 },
    })
  ).json();
  return (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.id })).json();
}

async function jwtVp(holder: ReturnType<typeof freshDidKey>, credentials: string[], nonce: string, aud: string) {
  const jwk = await exportJWK(holder.privateKey);
  return createVerifiablePresentationJwt(
    {
      vp: { "@context": ["https://www.w3.org/2018/credentials/v1"], type: ["VerifiablePresentation"], verifiableCredential: credentials },
      nonce,
      aud,
    },
    { did: holder.did, signer: EdDSASigner(Buffer.from(jwk.d!, "base64url")), alg: "EdDSA" },
  );
}

beforeAll(async () => {
  svc = await startService();
  ({ registrar } = await withPublishedProgramme(svc));
});
afterAll(async () => {
  await svc?.destroy();
});

describe("presentations", () => {
  it("a JWT VP (did-jwt-vc) of the holder's own credential, for this challenge and domain, is valid", async () => {
    const holder = freshDidKey();
    const issued = await credentialFor(holder.did);
    const vp = await jwtVp(holder, [issued.jwt], "challenge-123", "https://employer.example.kz");
    const res = await verify(vp, { challenge: "challenge-123", domain: "https://employer.example.kz" });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ verified: true, verdict: "valid", format: "jwt-vp", holder: holder.did });
    expect(report.credentials).toHaveLength(1);
    expect(report.credentials[0].checks.find((c: Json) => c.id === "holder").code).toBe("holder_is_subject");
  });

  it("a replayed presentation (other challenge) or one for another verifier fails", async () => {
    const holder = freshDidKey();
    const issued = await credentialFor(holder.did);
    const vp = await jwtVp(holder, [issued.jwt], "old-challenge", "https://employer.example.kz");
    const replay = await verify(vp, { challenge: "new-challenge", domain: "https://employer.example.kz" });
    expect(replay.statusCode).toBe(422);
    expect(replay.json().checks.find((c: Json) => c.code === "challenge_mismatch")).toBeDefined();
    expect((await verify(vp, { challenge: "old-challenge", domain: "https://elsewhere.kz" })).json().verified).toBe(false);
  });

  it("someone else presenting the holder's credential is refused", async () => {
    const owner = freshDidKey();
    const thief = freshDidKey();
    const issued = await credentialFor(owner.did);
    const vp = await jwtVp(thief, [issued.jwt], "c", "d");
    const report = (await verify(vp, { challenge: "c", domain: "d" })).json();
    expect(report).toMatchObject({ verified: false, verdict: "invalid" });
    expect(report.credentials[0].checks.find((c: Json) => c.id === "holder").code).toBe("holder_not_subject");
  });

  it("a vp+jwt (VC 2.0) signed with jose verifies, and a revoked credential inside makes it fail", async () => {
    const holder = freshDidKey();
    const good = await credentialFor(holder.did);
    const revoked = await credentialFor(holder.did);
    await post(`/orgs/kaznu/credentials/${revoked.id}/revoke`, { reason: "Annulled" });
    const make = (jwts: string[]) =>
      new SignJWT({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        type: ["VerifiablePresentation"],
        holder: holder.did,
        verifiableCredential: jwts.map((jwt) => ({
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          id: `data:application/vc+jwt,${jwt}`,
          type: "EnvelopedVerifiableCredential",
        })),
        nonce: "n-1",
        aud: "kualik-test",
      })
        .setProtectedHeader({ alg: "EdDSA", typ: "vp+jwt", kid: holder.kid })
        .sign(holder.privateKey);
    const ok = await verify(await make([good.jwt]), { challenge: "n-1", domain: "kualik-test" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().format).toBe("vp+jwt");
    const bad = (await verify(await make([good.jwt, revoked.jwt]), { challenge: "n-1", domain: "kualik-test" })).json();
    expect(bad).toMatchObject({ verified: false, verdict: "revoked" });
    expect(bad.credentials.map((c: Json) => c.verdict)).toEqual(["valid", "revoked"]);
  });

  it("what is not a presentation gets 400", async () => {
    for (const body of ["junk", { type: "VerifiableCredential" }, 7]) {
      const res = await verify(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("NOT_A_PRESENTATION");
    }
  });
});

describe("Data Integrity presentations", () => {
  it("a VP signed with @digitalbazaar/vc by the holder's did:key, with our Data Integrity credential, verifies for its challenge only", async () => {
    const { DataIntegrityProof } = await import("@digitalbazaar/data-integrity");
    const { cryptosuite } = await import("@digitalbazaar/eddsa-rdfc-2022-cryptosuite");
    const dbvc = await import("@digitalbazaar/vc");
    const { documentLoader } = await import("../../src/credentials/data-integrity.js");
    const { did, keyPair } = await freshMultikeyDidKey();

    const attestation = (
      await post("/orgs/kaznu/programmes/DA-101/attestations", {
        learner: { fullName: "DI Holder", iin: testIin(n++), holderDid: did },
        session: "2026-06",
        heldOn: "2026-06-20",
        result: { letter: "A-" },
      })
    ).json();
    const credential = (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.id, format: "di" })).json()
      .credential;
    const presentation = dbvc.createPresentation({ verifiableCredential: [credential], holder: did, version: 2.0 });
    const loader = documentLoader({ didDocument: async () => null });
    const signed = await dbvc.signPresentation({
      presentation,
      suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite }),
      documentLoader: loader,
      challenge: "ch-42",
      domain: "employer.kz",
    });
    const ok = await verify(signed, { challenge: "ch-42", domain: "employer.kz" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ verified: true, format: "data-integrity", holder: did });
    const replay = await verify(signed, { challenge: "other", domain: "employer.kz" });
    expect(replay.statusCode).toBe(422);
  });
});
