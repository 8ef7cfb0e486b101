// Private keys are sealed at rest, survive a restart, and need the right secret key.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretBox } from "@veramo/kms-local";
import { verifyCredential } from "did-jwt-vc";
import { Resolver } from "did-resolver";
import { sqliteFilePath } from "../../src/db/client.js";
import { admin, institutionBody, startService, usePostgres, type TestService } from "../helpers/service.js";

let first: TestService;
let did: string;
let jwtBeforeRestart: string;

async function issueJwt(svc: TestService, issuer: string): Promise<string> {
  const vc = await svc.wired.deps.agent.createVerifiableCredential({
    credential: {
      issuer: { id: issuer },
      credentialSubject: { id: "did:example:learner", achievement: "Data analysis with Python" },
      type: ["VerifiableCredential"],
    },
    proofFormat: "jwt",
  });
  return vc.proof.jwt as string;
}

/** Resolves our own did:web documents through the service's HTTP route, as a remote verifier would. */
function resolverOver(svc: TestService) {
  return new Resolver({
    web: async (didUrl) => {
      const res = await svc.app.inject({ method: "GET", url: `/orgs/${didUrl.split(":").pop()}/did.json` });
      return { didResolutionMetadata: {}, didDocument: res.json(), didDocumentMetadata: {} };
    },
  });
}

beforeAll(async () => {
  first = await startService();
  const res = await first.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("aitu", 60) });
  did = res.json().did;
  jwtBeforeRestart = await issueJwt(first, did);
});
afterAll(async () => {
  await first?.destroy();
});

describe("private keys at rest", () => {
  it("holds no private key in clear anywhere in the database", async () => {
    const db = first.wired.deps.db;
    const sealed = await db.veramoPrivateKey.findMany();
    expect(sealed.length).toBeGreaterThanOrEqual(2); // the platform's and the institution's
    const box = new SecretBox(first.secretKey);
    const clear = await Promise.all(sealed.map((row) => box.decrypt(row.encryptedPrivateKeyHex)));
    for (const key of clear) expect(key).toMatch(/^[0-9a-f]{64,128}$/);

    // Every row of every table, as the database returns it.
    const tables = [
      "Institution",
      "InstitutionKey",
      "VeramoIdentifier",
      "VeramoKey",
      "VeramoService",
      "VeramoPrivateKey",
      "AuditEvent",
      "ApiToken",
      "Setting",
    ];
    let everything = "";
    for (const table of tables)
      everything += JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "${table}"`), (_k, v) =>
        typeof v === "bigint" ? String(v) : v,
      );
    for (const key of clear) {
      expect(everything.toLowerCase()).not.toContain(key.slice(0, 64));
      expect(everything).not.toContain(Buffer.from(key.slice(0, 64), "hex").toString("base64"));
    }

    if (!usePostgres) {
      // And not in the SQLite files' bytes either (main file and write-ahead log).
      const file = sqliteFilePath(first.config.database.url);
      for (const f of [file, `${file}-wal`].filter(existsSync)) {
        const bytes = readFileSync(f);
        for (const key of clear) {
          expect(bytes.includes(Buffer.from(key.slice(0, 64), "hex"))).toBe(false);
          expect(bytes.includes(Buffer.from(key.slice(0, 64), "latin1"))).toBe(false);
        }
      }
    }
  });

  it("signs with the institution's key so that did-jwt-vc verifies against the published DID document", async () => {
    const verified = await verifyCredential(jwtBeforeRestart, resolverOver(first));
    expect(verified.verified).toBe(true);
    expect(verified.issuer).toBe(did);
  });
});

describe("restart", () => {
  let second: TestService | undefined;

  it("keeps institutions, DIDs and keys: old credentials verify and new ones can be signed", async () => {
    const docBefore = (await first.app.inject({ method: "GET", url: "/orgs/aitu/did.json" })).json();
    await first.stop();
    second = await startService({ reuse: { dataDir: first.dataDir, database: first.database, secretKey: first.secretKey } });
    const docAfter = (await second.app.inject({ method: "GET", url: "/orgs/aitu/did.json" })).json();
    expect(docAfter).toEqual(docBefore);
    expect((await second.app.inject({ method: "GET", url: "/orgs/aitu", headers: admin })).json().did).toBe(did);
    expect(second.wired.migration.applied).toEqual([]);

    expect((await verifyCredential(jwtBeforeRestart, resolverOver(second))).verified).toBe(true);
    const fresh = await issueJwt(second, did);
    expect((await verifyCredential(fresh, resolverOver(second))).verified).toBe(true);
    await second.stop();
  });

  it("refuses to start with a different secret key, naming the problem", async () => {
    await expect(
      startService({ reuse: { dataDir: first.dataDir, database: first.database, secretKey: randomBytes(32).toString("hex") } }),
    ).rejects.toThrow(/KUALIK_SECRET_KEY does not open the private keys/);
    // Restore a running service for afterAll's destroy().
    first = await startService({ reuse: { dataDir: first.dataDir, database: first.database, secretKey: first.secretKey } });
  });
});

describe("development secret key", () => {
  it("is generated once into the data folder, readable only by its owner, and reused", async () => {
    const { loadConfig } = await import("../../src/config.js");
    const dir = path.join(first.dataDir, "dev-secret");
    let announced = "";
    const a = loadConfig({ DATA_DIR: dir }, { onGeneratedSecret: (f) => (announced = f) });
    expect(announced).toBe(path.join(dir, "secret.key"));
    expect(a.secretKeySource).toBe("file");
    const b = loadConfig({ DATA_DIR: dir }, { onGeneratedSecret: () => expect.unreachable("generated twice") });
    expect(b.secretKey).toBe(a.secretKey);
    const { statSync } = await import("node:fs");
    expect(statSync(announced).mode & 0o077).toBe(0);
  });
});
