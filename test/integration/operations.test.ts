// Logs, rate limiting, readiness and security headers.
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDidWebResolver } from "../../src/credentials/did-web-resolver.js";
import { admin, institutionBody, startService, usePostgres, type TestService } from "../helpers/service.js";

describe("logs", () => {
  const lines: string[] = [];
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService({ logLines: lines });
  });
  afterAll(async () => {
    await svc?.destroy();
  });

  it("never contain bearer tokens, issued token secrets or private keys", async () => {
    await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("kbtu", 80) });
    const issued = (
      await svc.app.inject({ method: "POST", url: "/orgs/kbtu/tokens", headers: admin, payload: { name: "sis", roles: ["registrar"] } })
    ).json();
    await svc.app.inject({ method: "GET", url: "/orgs/kbtu", headers: { authorization: `Bearer ${issued.token}` } });
    await svc.app.inject({ method: "GET", url: "/orgs/kbtu", headers: { authorization: "Bearer kualik_wrong-token-value" } });
    await svc.app.inject({ method: "POST", url: "/orgs/kbtu/keys/rotate", headers: admin });

    const log = lines.join("");
    expect(lines.length).toBeGreaterThan(10); // trace level: requests, responses, errors were all logged
    expect(log).not.toContain(issued.token);
    expect(log).not.toContain("kualik_wrong-token-value");
    expect(log).not.toContain(admin.authorization.slice("Bearer ".length));
    expect(log).not.toContain(svc.secretKey);
    const sealed = await svc.wired.deps.db.veramoPrivateKey.findMany();
    for (const row of sealed) expect(log).not.toContain(row.encryptedPrivateKeyHex.slice(0, 40));
  });
});

describe("rate limiting", () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService({ env: { RATE_LIMIT_ENABLED: "true", RATE_LIMIT_MAX: "5" } });
  });
  afterAll(async () => {
    await svc?.destroy();
  });

  it("answers 429 RATE_LIMITED with Retry-After once a client exceeds the limit, but never for /health", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await svc.app.inject({ method: "GET", url: "/.well-known/did.json" })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await svc.app.inject({ method: "GET", url: "/.well-known/did.json", headers: { "accept-language": "ru" } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect(limited.json().title).toMatch(/Слишком много запросов/);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) expect((await svc.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  });
});

describe("readiness and headers", () => {
  it("sends security headers", async () => {
    const svc = await startService();
    try {
      const res = await svc.app.inject({ method: "GET", url: "/health" });
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["x-frame-options"]).toBeDefined();
    } finally {
      await svc.destroy();
    }
  });

  it("answers 503 DATABASE_UNAVAILABLE from /ready when the database is gone", async () => {
    const svc = await startService();
    try {
      expect((await svc.app.inject({ method: "GET", url: "/ready" })).statusCode).toBe(200);
      // Take the database away for real: drop it (PostgreSQL) or remove its folder (SQLite).
      await svc.wired.deps.db.$disconnect();
      if (usePostgres) await svc.database.drop();
      else rmSync(svc.dataDir, { recursive: true, force: true });
      const res = await svc.app.inject({ method: "GET", url: "/ready", headers: { "accept-language": "kk" } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
      expect(res.json().title).toContain("Дерекқор");
    } finally {
      await svc.destroy();
    }
  });
});

describe("did:web resolution of other hosts", () => {
  let server: Server;
  let host: string;
  const responses: Record<string, () => { status: number; body: string; delayMs?: number }> = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      const answer = responses[req.url ?? ""]?.() ?? { status: 404, body: "" };
      setTimeout(() => {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(answer.body);
      }, answer.delayMs ?? 0);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    host = `127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const resolver = () =>
    createDidWebResolver({
      ownHost: "kualik.test",
      localDocument: async () => null,
      allowHttpHosts: [host],
      timeoutMs: 300,
      maxBytes: 2048,
    });
  const didFor = (path: string) => `did:web:${encodeURIComponent(host)}:${path}`;
  const resolve = (did: string) =>
    resolver()(did, { did, method: "web", id: did.slice(8), didUrl: did }, { resolve: async () => ({}) as never }, {});

  it("fetches a document over http from an allowed host", async () => {
    const did = didFor("uni");
    responses["/uni/did.json"] = () => ({ status: 200, body: JSON.stringify({ id: did, verificationMethod: [] }) });
    const result = await resolve(did);
    expect(result.didDocument?.id).toBe(did);
  });

  it("refuses a document that names another DID", async () => {
    responses["/liar/did.json"] = () => ({ status: 200, body: JSON.stringify({ id: "did:web:elsewhere" }) });
    expect((await resolve(didFor("liar"))).didResolutionMetadata.error).toBe("notFound");
  });

  it("gives up on a slow host and on an oversized document", async () => {
    responses["/slow/did.json"] = () => ({ status: 200, body: "{}", delayMs: 1000 });
    responses["/big/did.json"] = () => ({ status: 200, body: JSON.stringify({ id: didFor("big"), pad: "x".repeat(5000) }) });
    const slow = await resolve(didFor("slow"));
    expect(slow.didResolutionMetadata.message).toMatch(/abort|timeout/i);
    const big = await resolve(didFor("big"));
    expect(big.didResolutionMetadata.message).toMatch(/larger than 2048 bytes/);
  });

  it("never fetches a private or loopback address, nor plain http, for a host that is not allowed", async () => {
    const strict = createDidWebResolver({ ownHost: "kualik.test", localDocument: async () => null, allowHttpHosts: [] });
    const tryResolve = (did: string) =>
      strict(did, { did, method: "web", id: did.slice(8), didUrl: did }, { resolve: async () => ({}) as never }, {});
    const loopback = await tryResolve(didFor("uni"));
    expect(loopback.didResolutionMetadata.message).toMatch(/private or loopback address/);
    expect((await tryResolve("did:web:10.1.2.3")).didResolutionMetadata.message).toMatch(/private or loopback address/);
    expect((await tryResolve("did:web:localhost")).didResolutionMetadata.message).toMatch(/private or loopback address/);
  });

  it("answers garbage with a resolution error, not an exception", async () => {
    responses["/junk/did.json"] = () => ({ status: 200, body: "<html>not json" });
    expect((await resolve(didFor("junk"))).didResolutionMetadata.error).toBe("notFound");
  });
});

describe("two nodes on one database", () => {
  it("see each other's revocations and key rotations within CACHE_TTL_MS", async () => {
    const env = { CACHE_TTL_MS: "300" };
    const a = await startService({ env });
    const b = await startService({ env, reuse: { dataDir: a.dataDir, database: a.database, secretKey: a.secretKey } });
    try {
      await a.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody("two-nodes", 90) });
      const issued = (
        await a.app.inject({ method: "POST", url: "/orgs/two-nodes/tokens", headers: admin, payload: { name: "x", roles: ["viewer"] } })
      ).json();
      const auth = { authorization: `Bearer ${issued.token}` };
      expect((await b.app.inject({ method: "GET", url: "/orgs/two-nodes", headers: auth })).statusCode).toBe(200);
      const docBefore = (await b.app.inject({ method: "GET", url: "/orgs/two-nodes/did.json" })).json();

      await a.app.inject({ method: "DELETE", url: `/orgs/two-nodes/tokens/${issued.id}`, headers: admin });
      await a.app.inject({ method: "POST", url: "/orgs/two-nodes/keys/rotate", headers: admin });
      expect((await a.app.inject({ method: "GET", url: "/orgs/two-nodes", headers: auth })).statusCode).toBe(401);

      await new Promise((r) => setTimeout(r, 400));
      expect((await b.app.inject({ method: "GET", url: "/orgs/two-nodes", headers: auth })).json().code).toBe("TOKEN_REVOKED");
      const docAfter = (await b.app.inject({ method: "GET", url: "/orgs/two-nodes/did.json" })).json();
      expect(docAfter.verificationMethod).toHaveLength(docBefore.verificationMethod.length + 1);
    } finally {
      await b.stop();
      await a.destroy();
    }
  });
});
