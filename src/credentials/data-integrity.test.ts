// Our Data Integrity check against @digitalbazaar/vc's stock verifyCredential, on the same credentials: valid ones,
// changed ones (top level and deep inside nested nodes), and proofs whose purpose or key is not the issuer's.
import { createRequire } from "node:module";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import { Ed25519VerificationKey2020 } from "@digitalbazaar/ed25519-verification-key-2020";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { describe, expect, it } from "vitest";
import { canonize, sharesTermDefinitions } from "./canonize.js";
import { documentLoader, signDataIntegrity, verifyDataIntegrity, type DocumentLoader } from "./data-integrity.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON under test
type Json = Record<string, any>;

const require = createRequire(import.meta.url);
const jsonld = require("jsonld") as { canonize(input: object, options: object): Promise<string> };
const jsigs = require("jsonld-signatures") as {
  sign(document: object, options: object): Promise<Json>;
  purposes: { ProofPurpose: new (options: { term: string }) => object };
};

const seed = (n: number) => new Uint8Array(32).fill(n);

async function didKey(n: number) {
  const key = await Ed25519Multikey.generate({ seed: seed(n) });
  return `did:key:${key.publicKeyMultibase}`;
}

function microCredential(issuer: string): Json {
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: "https://kualik.example/credentials/1",
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuer, type: ["Profile"], name: "Әл-Фараби атындағы ҚазҰУ", url: "https://kaznu.example" },
    name: "Деректерді талдау",
    validFrom: "2026-01-01T00:00:00Z",
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityHash: "Әлия", identityType: "name", hashed: false }],
      achievement: {
        id: "https://kualik.example/achievements/DA-101",
        type: ["Achievement"],
        name: "Деректерді талдау",
        description: "Деректерді жинау және талдау",
        criteria: { narrative: "Жобаны қорғау" },
        creditsAvailable: 5,
        alignment: [
          { type: ["Alignment"], targetName: "NQF level 5", targetUrl: "urn:kz:nqf:level:5", targetCode: "5" },
          { type: ["Alignment"], targetName: "Cleans data sets", targetUrl: "urn:kz:outcome:LO1", targetCode: "LO1" },
        ],
      },
      result: [{ type: ["Result"], resultDescription: "https://kualik.example/achievements/DA-101#grade", value: "B+" }],
      creditsEarned: 5,
    },
  };
}

const loader = documentLoader({ didDocument: async () => null });

async function stockVerify(credential: Json, documentLoader: DocumentLoader = loader, legacy = false) {
  const suite = legacy ? new Ed25519Signature2020() : new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  return vc.verifyCredential({ credential, suite, documentLoader, checkStatus: async () => ({ verified: true }) });
}

/** Changes made after signing, each of which must break the proof. */
const tamperings: [string, (c: Json) => void][] = [
  ["a top-level value", (c) => (c.name = "Деректерді талдау (өзгертілген)")],
  ["a value deep inside nested nodes", (c) => (c.credentialSubject.achievement.alignment[1].targetCode = "LO9")],
  ["a number in a nested node", (c) => (c.credentialSubject.achievement.creditsAvailable = 60)],
  ["the grade", (c) => (c.credentialSubject.result[0].value = "A")],
  ["the issuer's name", (c) => (c.issuer.name = "Басқа университет")],
  ["a type of a nested node", (c) => (c.credentialSubject.achievement.alignment[0].type = ["Alignment", "Criteria"])],
  ["an added claim", (c) => (c.credentialSubject.achievement.humanCode = "DA-102")],
  ["a removed node", (c) => c.credentialSubject.achievement.alignment.pop()],
  ["the proof's creation time", (c) => (c.proof.created = "2020-01-01T00:00:00Z")],
  ["the proof's purpose", (c) => (c.proof.proofPurpose = "authentication")],
  [
    "one character of the signature",
    (c) => (c.proof.proofValue = c.proof.proofValue.slice(0, -2) + (c.proof.proofValue.endsWith("1") ? "22" : "11")),
  ],
];

describe("Data Integrity verification (eddsa-rdfc-2022)", () => {
  it("uses shared term definitions when copying contexts (what makes it fast)", () => {
    expect(sharesTermDefinitions).toBe(true);
  });

  it("agrees with @digitalbazaar/vc: a valid credential verifies, every changed one fails", async () => {
    const issuer = await didKey(1);
    const signed = await signDataIntegrity(microCredential(issuer), { seed: seed(1), controller: issuer }, loader);
    expect(await verifyDataIntegrity(signed, loader)).toMatchObject({ verified: true, verificationMethod: `${issuer}#${issuer.slice(8)}` });
    expect((await stockVerify(signed)).verified).toBe(true);
    for (const [what, change] of tamperings) {
      const tampered = structuredClone(signed);
      change(tampered);
      const ours = await verifyDataIntegrity(tampered, loader);
      expect(ours.verified, what).toBe(false);
      expect((await stockVerify(tampered)).verified, what).toBe(false);
    }
  });

  it("fails a proof made for another purpose than issuing (authentication)", async () => {
    const issuer = await didKey(2);
    const keyPair = await Ed25519Multikey.generate({ seed: seed(2), controller: issuer });
    const signed = await jsigs.sign(microCredential(issuer), {
      suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 }),
      purpose: new jsigs.purposes.ProofPurpose({ term: "authentication" }),
      documentLoader: loader,
    });
    expect(signed.proof.proofPurpose).toBe("authentication");
    const ours = await verifyDataIntegrity(signed, loader);
    expect(ours).toMatchObject({ verified: false, error: { message: expect.stringContaining("assertionMethod") } });
    expect((await stockVerify(signed)).verified).toBe(false);
  });

  it("fails a proof by a key of another DID than the issuer, and a key its DID does not list for assertion", async () => {
    const issuer = await didKey(3);
    const other = await didKey(4);
    const byOther = await signDataIntegrity(microCredential(issuer), { seed: seed(4), controller: other }, loader);
    expect(await verifyDataIntegrity(byOther, loader)).toMatchObject({
      verified: false,
      error: { message: "Credential issuer must match the verification method controller." },
    });
    expect((await stockVerify(byOther)).verified).toBe(false);

    // A did:web issuer whose key is listed for authentication only.
    const did = "did:web:college.example";
    const key = await Ed25519Multikey.generate({ seed: seed(5), controller: did });
    const doc = {
      "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
      id: did,
      verificationMethod: [{ id: key.id, type: "Multikey", controller: did, publicKeyMultibase: key.publicKeyMultibase }],
      authentication: [key.id],
      assertionMethod: [],
    };
    const webLoader = documentLoader({ didDocument: async (id) => (id === did ? doc : null) });
    const signed = await signDataIntegrity(microCredential(did), { seed: seed(5), controller: did }, webLoader);
    expect(await verifyDataIntegrity(signed, webLoader)).toMatchObject({
      verified: false,
      error: { message: expect.stringContaining("not authorized by controller") },
    });
    expect((await stockVerify(signed, webLoader)).verified).toBe(false);
    const listed = documentLoader({ didDocument: async (id) => (id === did ? { ...doc, assertionMethod: [key.id] } : null) });
    expect((await verifyDataIntegrity(signed, listed)).verified).toBe(true);
    expect((await stockVerify(signed, listed)).verified).toBe(true);
  });

  it("fails a credential with an unknown context without fetching it", async () => {
    const issuer = await didKey(6);
    const credential = microCredential(issuer);
    credential["@context"].push("https://example.org/contexts/unknown/v1");
    const signed = {
      ...credential,
      proof: (await signDataIntegrity(microCredential(issuer), { seed: seed(6), controller: issuer }, loader)).proof,
    };
    expect((await verifyDataIntegrity(signed, loader)).verified).toBe(false);
  });
});

describe("Data Integrity verification (Ed25519Signature2020)", () => {
  it("agrees with @digitalbazaar/vc on a valid and a changed VC 1.1 credential", async () => {
    const issuer = await didKey(7);
    const key = await Ed25519VerificationKey2020.generate({ seed: seed(7), controller: issuer });
    key.id = `${issuer}#${key.publicKeyMultibase}`;
    const credential = {
      "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
      type: ["VerifiableCredential"],
      issuer,
      issuanceDate: "2026-01-01T00:00:00Z",
      credentialSubject: { id: "did:example:learner" },
    };
    const signed = await vc.issue({ credential, suite: new Ed25519Signature2020({ key }), documentLoader: loader });
    expect((await verifyDataIntegrity(signed, loader)).verified).toBe(true);
    expect((await stockVerify(signed, loader, true)).verified).toBe(true);
    const changed = { ...signed, issuanceDate: "2020-01-01T00:00:00Z" };
    expect((await verifyDataIntegrity(changed, loader)).verified).toBe(false);
    expect((await stockVerify(changed, loader, true)).verified).toBe(false);
  });
});

describe("canonize", () => {
  const stock = (document: object) =>
    jsonld.canonize(document, {
      algorithm: "RDFC-1.0",
      format: "application/n-quads",
      base: null,
      safe: true,
      rdfDirection: "i18n-datatype",
      documentLoader: loader,
    });

  // Type-scoped contexts that do and do not propagate, property-scoped contexts, protected terms, a language.
  const scoped = {
    "@context": [
      {
        "@version": 1.1,
        "@protected": true,
        id: "@id",
        type: "@type",
        ex: "https://example.org/",
        name: "ex:name",
        child: { "@id": "ex:child" },
        Outer: {
          "@id": "ex:Outer",
          "@context": { inner: { "@id": "ex:inner", "@context": { label: { "@id": "ex:label", "@language": "kk" } } } },
        },
        Inner: {
          "@id": "ex:Inner",
          "@context": { "@propagate": true, value: { "@id": "ex:value", "@type": "http://www.w3.org/2001/XMLSchema#integer" } },
        },
      },
    ],
    id: "https://example.org/a",
    type: "Outer",
    name: "top",
    inner: { type: "Inner", label: "сәлем", value: 5, child: { value: 6, name: "deep" } },
    child: { type: "Inner", value: 7, child: { type: "Outer", inner: { label: "ішкі" } } },
  };

  it("gives the same canonical N-Quads as jsonld.js's own, context copies and all", async () => {
    const issuer = await didKey(8);
    const signed = await signDataIntegrity(microCredential(issuer), { seed: seed(8), controller: issuer }, loader);
    const { proof: _proof, ...unsigned } = signed;
    for (const document of [unsigned, microCredential("did:example:issuer"), scoped]) {
      const ours = await canonize(document, loader);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toBe(await stock(document));
    }
  });

  it("refuses, in safe mode, a term that no context defines, or one whose type-scoped context does not reach that far", async () => {
    for (const document of [
      { ...scoped, undefinedTerm: "dropped" },
      // Outer's context does not propagate: "inner" means nothing inside a node that is not an Outer itself.
      { ...scoped, child: { name: "no type", inner: { label: "x" } } },
    ]) {
      await expect(canonize(document, loader)).rejects.toThrow(/Safe mode/);
      await expect(stock(document)).rejects.toThrow(/Safe mode/);
    }
  });
});
