import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { documentLoader } from "./data-integrity.js";
import { emptyEncodedList, setStatusBit, statusListCredential } from "./status-list.js";
import { verifyCredential, type DecodedStatusList, type VerifyEnvironment } from "./verifier.js";

type Json = Record<string, unknown>;

const did = "did:web:issuer.example";
const ed = generateKeyPairSync("ed25519");
const other = generateKeyPairSync("ed25519");
const es = generateKeyPairSync("ec", { namedCurve: "P-256" });
const jwkOf = (key: KeyObject) => key.export({ format: "jwk" });
const didDocument: Json = {
  id: did,
  verificationMethod: [
    { id: "#other", type: "JsonWebKey", controller: did, publicKeyJwk: jwkOf(other.publicKey) },
    { id: `${did}#ed`, type: "JsonWebKey", controller: did, publicKeyJwk: jwkOf(ed.publicKey) },
    { id: `${did}#es`, type: "JsonWebKey", controller: did, publicKeyJwk: jwkOf(es.publicKey) },
  ],
  assertionMethod: ["#other", `${did}#ed`, `${did}#es`],
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
function jwtOf(payload: Json, alg: "EdDSA" | "ES256" = "EdDSA", kid?: string): string {
  const input = `${b64({ alg, typ: "vc+jwt", ...(kid ? { kid } : {}) })}.${b64(payload)}`;
  const signature =
    alg === "EdDSA"
      ? sign(null, Buffer.from(input), ed.privateKey)
      : sign("sha256", Buffer.from(input), { key: es.privateKey, dsaEncoding: "ieee-p1363" });
  return `${input}.${signature.toString("base64url")}`;
}

const listUrl = "https://issuer.example/status/1";
const credential = (index: number): Json => ({
  "@context": ["https://www.w3.org/ns/credentials/v2"],
  type: ["VerifiableCredential"],
  issuer: did,
  validFrom: "2026-01-01T00:00:00Z",
  credentialSubject: { id: "did:example:learner", name: "Әлия Сәрсенова" },
  credentialSchema: { id: "https://issuer.example/schema.json", type: "JsonSchema" },
  credentialStatus: {
    type: "BitstringStatusListEntry",
    statusPurpose: "revocation",
    statusListCredential: listUrl,
    statusListIndex: String(index),
  },
});
const listJwt = jwtOf(
  statusListCredential({
    url: listUrl,
    issuerDid: did,
    purpose: "revocation",
    encodedList: await setStatusBit(await emptyEncodedList(), 7, true),
    validFrom: new Date("2026-01-01T00:00:00Z"),
  }),
);

/** An environment that answers at once (as from warm caches) or only with promises (as on a cold start). */
function environment(answers: "at once" | "with promises", lists?: Map<string, DecodedStatusList>): VerifyEnvironment {
  const answer = <T>(value: T) => (answers === "at once" ? value : Promise.resolve(value));
  const resolveDid = (id: string) => answer(id === did ? { ...didDocument } : null);
  return {
    now: new Date("2026-06-01T00:00:00Z"),
    resolveDid,
    loader: documentLoader({ didDocument: async (id) => resolveDid(id) }),
    fetchStatusList: async (url) => (url === listUrl ? { kind: "jwt", body: listJwt } : null),
    trustOf: () => answer({ level: "trusted" as const, name: "Issuer" }),
    validateSchema: (_id, vc) => answer({ valid: typeof vc.credentialSubject === "object", errors: [] }),
    ...(lists ? { statusLists: lists } : {}),
  };
}

describe("verifyCredential", () => {
  it("finds the same whether the environment answers at once or with promises", async () => {
    const warm = new Map<string, DecodedStatusList>();
    const cases = [
      jwtOf(credential(5)),
      jwtOf(credential(7)),
      jwtOf(credential(5), "EdDSA", `${did}#ed`),
      jwtOf(credential(5), "ES256", `${did}#es`),
      jwtOf(credential(5), "EdDSA", `${did}#other`),
      jwtOf(credential(5)).replace(/\.[^.]+$/, `.${Buffer.alloc(64).toString("base64url")}`),
    ];
    await verifyCredential(cases[0], environment("with promises", warm));
    expect(warm.has(listUrl)).toBe(true);
    for (const jwt of cases) {
      const cold = await verifyCredential(jwt, environment("with promises"));
      expect(await verifyCredential(jwt, environment("at once", warm))).toEqual(cold);
    }
    const codes = async (jwt: string) => (await verifyCredential(jwt, environment("at once", warm))).checks.map((c) => c.code);
    expect(await codes(cases[0]!)).toEqual([
      "vc+jwt",
      "contexts_known",
      "issuer_resolved",
      "signature_valid",
      "within_validity",
      "not_revoked",
      "schema_valid",
      "trusted",
    ]);
    expect(await codes(cases[1]!)).toContain("revoked");
    expect(await codes(cases[3]!)).toContain("signature_valid");
    expect(await codes(cases[4]!)).toContain("signature_mismatch");
    expect(await codes(cases[5]!)).toContain("signature_mismatch");
  });

  it("reports the key that signed, after trying the issuer's other keys in order", async () => {
    const findings = await verifyCredential(jwtOf(credential(5)), environment("at once"));
    expect(findings.checks.find((c) => c.id === "signature")?.details).toEqual({ verificationMethod: `${did}#ed` });
  });
});

describe("status lists", () => {
  it("are fetched once when many checks miss the cache at the same moment, and each check still reads its own bit", async () => {
    let fetches = 0;
    const env: VerifyEnvironment = {
      ...environment("at once", new Map()),
      fetchStatusList: async (url) => {
        fetches++;
        await new Promise((r) => setTimeout(r, 10));
        return url === listUrl ? { kind: "jwt", body: listJwt } : null;
      },
    };
    const findings = await Promise.all([5, 7, 5, 7, 5].map((i) => verifyCredential(jwtOf(credential(i)), env)));
    expect(fetches).toBe(1);
    const codes = findings.map((f) => f.checks.find((c) => c.id === "status")?.code);
    expect(codes).toEqual(["not_revoked", "revoked", "not_revoked", "revoked", "not_revoked"]);
  });
});
