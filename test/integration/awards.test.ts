// Awarding a micro-qualification end to end, and checking the result with independent libraries:
// jose verifies the vc+jwt against the DID document the service publishes; @digitalbazaar/bitstring reads
// the published status list.
import { Bitstring } from "@digitalbazaar/bitstring";
import { base58 } from "@scure/base";
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataAnalysisProgramme } from "../fixtures/programmes.js";
import { testIin } from "../helpers/iin.js";
import { admin, bearer, institutionBody, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

// The tests walk the credential's JSON freely; its shape is what they check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON under test
type Json = Record<string, any>;

let svc: TestService;
let registrar: string;

const post = (url: string, payload?: object, token = registrar) =>
  svc.app.inject({ method: "POST", url, headers: bearer(token), ...(payload ? { payload } : {}) });
const get = (url: string, headers: Record<string, string> = {}) => svc.app.inject({ method: "GET", url, headers });

beforeAll(async () => {
  svc = await startService();
  ({ registrar } = await withPublishedProgramme(svc));
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("other", 2) });
});
afterAll(async () => {
  await svc?.destroy();
});

async function attest(n: number, result: object, extra: object = {}) {
  const res = await post("/orgs/kaznu/programmes/DA-101/attestations", {
    learner: { fullName: `Learner ${n}`, iin: testIin(n), ...extra },
    session: "2026-06",
    heldOn: "2026-06-20",
    result,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** Verifies a vc+jwt with jose, taking the key from the DID document the service publishes. */
async function verifyWithJose(jwt: string) {
  const header = decodeProtectedHeader(jwt);
  const did = String(header.kid).split("#")[0]!;
  const slug = did.split(":").pop();
  const doc = (await get(`/orgs/${slug}/did.json`)).json();
  const method = doc.verificationMethod.find((m: { id: string }) => m.id === header.kid);
  expect(doc.assertionMethod).toContain(header.kid);
  const raw = base58.decode(method.publicKeyMultibase.slice(1)).slice(2); // strip "z" and the 0xed01 multicodec
  const key = await importJWK({ kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") }, "EdDSA");
  return jwtVerify(jwt, key, { typ: "vc+jwt", algorithms: ["EdDSA"] });
}

describe("awarding a micro-qualification", () => {
  let credential: { id: string; url: string; jwt: string; credential: Json };

  it("issues an Open Badges 3.0 credential that jose verifies against the institution's did:web", async () => {
    const attestationId = await attest(1, { percent: 87 });
    const res = await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId });
    expect(res.statusCode).toBe(201);
    credential = res.json();
    const { payload, protectedHeader } = await verifyWithJose(credential.jwt);
    expect(protectedHeader).toMatchObject({ alg: "EdDSA", typ: "vc+jwt" });
    expect(payload.id).toBe(credential.url);
    expect(payload["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
    expect(payload.type).toContain("OpenBadgeCredential");
  });

  it("describes the achievement, the result, credits and status as the issue asks", () => {
    const vc = credential.credential;
    expect(vc.issuer).toMatchObject({ id: "did:web:localhost%3A3999:orgs:kaznu", type: ["Profile"] });
    const subject = vc.credentialSubject;
    expect(subject.achievement).toMatchObject({
      id: "http://localhost:3999/orgs/kaznu/achievements/DA-101",
      achievementType: "MicroCredential",
      creditsAvailable: 5,
      fieldOfStudy: "0613",
      inLanguage: "kk",
      name: "Кіші деректер талдаушысы",
    });
    expect(subject.achievement.alignment.map((a: { targetCode: string }) => a.targetCode)).toEqual(["5", "PS-2023-0612", "LO1", "LO2"]);
    // The learning outcomes travel as competencies, in all three languages, for recognition elsewhere (M п.23).
    expect(subject.achievement.alignment[2]).toMatchObject({ targetType: "ceasn:Competency", targetName: "Деректер жиынын тазалайды" });
    expect(subject.achievement.alignment[2].targetDescription).toContain("Cleans data sets");
    expect(subject.result.map((r: { value: string }) => r.value)).toEqual(["B+", "3.33", "87"]);
    expect(subject.creditsEarned).toBe(5);
    expect(vc.credentialStatus.map((s: { statusPurpose: string }) => s.statusPurpose)).toEqual(["revocation", "suspension"]);
    expect(vc.credentialSchema[0].id).toBe("http://localhost:3999/schemas/micro-qualification-credential.json");
    expect(vc.evidence[0].description).toContain("2026-06");
  });

  it("never puts the IIN in clear into the credential: only a salted hash", () => {
    const text = JSON.stringify(credential.credential) + Buffer.from(credential.jwt.split(".")[1]!, "base64url").toString();
    expect(text).not.toContain(testIin(1));
    const hashed = credential.credential.credentialSubject.identifier.find(
      (i: { identityType: string }) => i.identityType === "nationalIdentityNumber",
    );
    expect(hashed).toMatchObject({ hashed: true });
    expect(hashed.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
  });

  it("uses the learner's wallet DID as the subject when they have one", async () => {
    const attestationId = await attest(2, { letter: "A" }, { holderDid: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" });
    const vc = (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId })).json().credential;
    expect(vc.credentialSubject.id).toBe("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
  });

  it("is idempotent: the same attestation returns the credential already issued", async () => {
    const attestationId = credential.credential.evidence
      ? (await get(`/orgs/kaznu/credentials/${credential.id}`, bearer(registrar))).json().attestationId
      : "";
    const again = await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(credential.id);
  });

  it("refuses FX and F (M п.16) and writes nothing", async () => {
    const attestationId = await attest(3, { letter: "FX" });
    const before = await svc.wired.deps.db.issuedCredential.count();
    const res = await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("RESULT_NOT_PASSING");
    expect(await svc.wired.deps.db.issuedCredential.count()).toBe(before);
  });

  it("serves the credential at its id, as JSON (enveloped) or as vc+jwt, and QR codes of that URL", async () => {
    const path = `/credentials/${credential.id}`;
    expect((await get(path, { accept: "application/vc+jwt" })).body).toBe(credential.jwt);
    const enveloped = (await get(path)).json();
    expect(enveloped).toEqual({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id: `data:application/vc+jwt,${credential.jwt}`,
      type: "EnvelopedVerifiableCredential",
    });
    const png = await get(`${path}/qr.png`);
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    const svg = await get(`${path}/qr.svg`);
    expect(svg.body).toContain("<svg");
  });

  it("finds credentials by learner and programme", async () => {
    const learnerId = (await get(`/orgs/kaznu/credentials/${credential.id}`, bearer(registrar))).json().learnerId;
    const byLearner = (await get(`/orgs/kaznu/credentials?learner=${learnerId}`, bearer(registrar))).json();
    expect(byLearner.items.map((c: { id: string }) => c.id)).toEqual([credential.id]);
    expect((await get(`/orgs/kaznu/credentials?programme=DA-101`, bearer(registrar))).json().total).toBe(2);
  });
});

describe("revocation and suspension", () => {
  async function statusBit(vc: Json, purpose: string): Promise<boolean> {
    const entry = vc.credentialStatus.find((s: { statusPurpose: string }) => s.statusPurpose === purpose);
    const path = new URL(entry.statusListCredential).pathname;
    const res = await get(path);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("application/vc+jwt");
    const { payload } = await verifyWithJose(res.body);
    expect(payload.type).toContain("BitstringStatusListCredential");
    const subject = payload.credentialSubject as { encodedList: string; statusPurpose: string };
    expect(subject.statusPurpose).toBe(purpose);
    const bits = new Bitstring({ buffer: await Bitstring.decodeBits({ encoded: subject.encodedList.slice(1) }) });
    expect(bits.length).toBeGreaterThanOrEqual(131072);
    return bits.get(Number(entry.statusListIndex));
  }

  it("suspends, reinstates and revokes, with the published lists following each step", async () => {
    const attestationId = await attest(10, { percent: 95 });
    const issued = (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId })).json();
    const vc = issued.credential;
    expect(await statusBit(vc, "revocation")).toBe(false);
    expect(await statusBit(vc, "suspension")).toBe(false);

    const suspended = await post(`/orgs/kaznu/credentials/${issued.id}/suspend`, { reason: "Under review by the commission" });
    expect(suspended.json()).toMatchObject({ status: "suspended", statusReason: "Under review by the commission" });
    expect(await statusBit(vc, "suspension")).toBe(true);

    await post(`/orgs/kaznu/credentials/${issued.id}/reinstate`, { reason: "Review closed" });
    expect(await statusBit(vc, "suspension")).toBe(false);

    const revoked = await post(`/orgs/kaznu/credentials/${issued.id}/revoke`, { reason: "Attestation annulled" });
    expect(revoked.json().status).toBe("revoked");
    expect(await statusBit(vc, "revocation")).toBe(true);

    const again = await post(`/orgs/kaznu/credentials/${issued.id}/revoke`, { reason: "Twice" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("CREDENTIAL_STATUS_CONFLICT");
    expect((await post(`/orgs/kaznu/credentials/${issued.id}/reinstate`, { reason: "Not possible" })).statusCode).toBe(409);
  });

  it("gives every credential its own random positions", async () => {
    const rows = await svc.wired.deps.db.issuedCredential.findMany({ select: { revocationIndex: true, suspensionIndex: true } });
    const revocation = new Set(rows.map((r) => r.revocationIndex));
    expect(revocation.size).toBe(rows.length);
    expect(rows.some((r) => r.revocationIndex > 1000)).toBe(true); // random, not sequential
  });

  it("keeps another institution's staff away from this institution's credentials", async () => {
    const other = (
      await svc.app.inject({ method: "POST", url: "/orgs/other/tokens", headers: admin, payload: { name: "o", roles: ["registrar"] } })
    ).json().token;
    const id = (await svc.wired.deps.db.issuedCredential.findFirstOrThrow()).id;
    expect((await post(`/orgs/kaznu/credentials/${id}/revoke`, { reason: "hostile" }, other)).json().code).toBe("OTHER_INSTITUTION");
    expect((await post(`/orgs/other/credentials/${id}/revoke`, { reason: "hostile" }, other)).json().code).toBe("CREDENTIAL_NOT_FOUND");
  });
});

describe("documents the credential points to", () => {
  it("publishes the JSON Schema named in credentialSchema, and the credential satisfies it", async () => {
    const { Ajv2020 } = await import("ajv/dist/2020.js");
    const addFormats = (await import("ajv-formats")).default;
    const vc = (await get("/orgs/kaznu/credentials?limit=1", bearer(registrar))).json().items[0].credential as Json;
    const res = await get(new URL(vc.credentialSchema[0].id).pathname);
    expect(res.statusCode).toBe(200);
    expect(res.json().$id).toBe(vc.credentialSchema[0].id);
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(res.json());
    expect(validate(vc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("publishes the achievement at its id, and hides draft programmes", async () => {
    const res = await get("/orgs/kaznu/achievements/DA-101");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: "http://localhost:3999/orgs/kaznu/achievements/DA-101",
      achievementType: "MicroCredential",
      creditsAvailable: 5,
    });
    await post("/orgs/kaznu/programmes", dataAnalysisProgramme("HIDDEN"));
    expect((await get("/orgs/kaznu/achievements/HIDDEN")).statusCode).toBe(404);
  });
});

describe("printable certificate and holder link", () => {
  it("renders one A4 page in Kazakh, Russian and English with the verification URL", async () => {
    const { pdfText } = await import("../helpers/pdf.js");
    const id = (await svc.wired.deps.db.issuedCredential.findFirstOrThrow({ where: { status: "active" } })).id;
    const res = await get(`/credentials/${id}/certificate.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = await pdfText(res.rawPayload);
    expect(pdf.pages).toBe(1);
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([595, 842]); // A4 in points
    const text = pdf.text.replace(/\s+/g, " ");
    expect(text).toContain("МИКРОБІЛІКТІЛІК ТУРАЛЫ КУӘЛІК");
    expect(text).toContain("СВИДЕТЕЛЬСТВО О МИКРОКВАЛИФИКАЦИИ");
    expect(text).toContain("MICRO-QUALIFICATION CERTIFICATE");
    expect(text).toContain("Кіші деректер талдаушысы");
    expect(text).toContain(`http://localhost:3999/credentials/${id}`);
  });

  it("marks a revoked credential's certificate as revoked", async () => {
    const { pdfText } = await import("../helpers/pdf.js");
    const id = (await svc.wired.deps.db.issuedCredential.findFirstOrThrow({ where: { status: "revoked" } })).id;
    const text = (await pdfText((await get(`/credentials/${id}/certificate.pdf`)).rawPayload)).text;
    expect(text).toContain("КЕРІ ҚАЙТАРЫЛДЫ");
    expect(text).toContain("REVOKED");
  });

  it("gives the learner a private link with their credential and downloads", async () => {
    const issued = (await get(`/orgs/kaznu/credentials?limit=1`, bearer(registrar))).json().items[0];
    const res = await get(new URL(issued.holderUrl).pathname);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.json().links.certificatePdf).toBe(`${issued.url}/certificate.pdf`);
    expect((await get("/holder/not-a-real-token-at-all-000")).statusCode).toBe(404);
  });
});
