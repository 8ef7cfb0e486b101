// Starts the real service (real database, real Veramo agent) for a test file.
// TEST_DATABASE=postgres uses a fresh database on TEST_POSTGRES_URL (default: the local server), else SQLite.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { FastifyInstance } from "fastify";
import { loadConfig, type Config } from "../../src/config.js";
import { checkDigit } from "../../src/domain/institutions/kz-identifier.js";
import { buildApp } from "../../src/http/app.js";
import { wire, type Wired } from "../../src/wiring.js";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
export const usePostgres = process.env.TEST_DATABASE === "postgres";
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dataDir: string): Promise<TestDatabase> {
  if (!usePostgres) return { url: `file:${path.join(dataDir, "kualik.db")}`, drop: async () => undefined };
  const name = `kualik_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface ServiceOptions {
  readonly env?: Record<string, string>;
  /** Reuse the data folder and database of an earlier start (restart tests). */
  readonly reuse?: { dataDir: string; database: TestDatabase; secretKey: string };
  readonly clock?: () => Date;
  /** Collect the service's log lines (at trace level) into this array. */
  readonly logLines?: string[];
}

export interface TestService {
  readonly app: FastifyInstance;
  readonly wired: Wired;
  readonly config: Config;
  readonly dataDir: string;
  readonly database: TestDatabase;
  readonly secretKey: string;
  /** Closes the app and the database connection, keeping the data (for restarts). */
  stop(): Promise<void>;
  /** stop() and delete the data. */
  destroy(): Promise<void>;
}

export async function startService(options: ServiceOptions = {}): Promise<TestService> {
  const dataDir = options.reuse?.dataDir ?? mkdtempSync(path.join(tmpdir(), "kualik-test-"));
  const database = options.reuse?.database ?? (await createTestDatabase(dataDir));
  const secretKey = options.reuse?.secretKey ?? randomBytes(32).toString("hex");
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    KUALIK_SECRET_KEY: secretKey,
    KUALIK_ADMIN_TOKEN: ADMIN_TOKEN,
    PUBLIC_URL: "http://localhost:3999",
    LOG_LEVEL: "silent",
    RATE_LIMIT_ENABLED: "false",
    ...options.env,
  });
  const wired = await wire(config, { clock: options.clock });
  const lines = options.logLines;
  const app = await buildApp(wired.deps, lines ? { logLevel: "trace", logStream: { write: (line: string) => void lines.push(line) } } : {});
  await app.ready();
  wired.runner.start();
  const stop = async () => {
    await app.close();
    await wired.close();
  };
  return {
    app,
    wired,
    config,
    dataDir,
    database,
    secretKey,
    stop,
    destroy: async () => {
      await stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** A valid BIN (resident legal entity, registered 08/2005) for test institution number n. */
export function testBin(n: number): string {
  const first11 = `0805400${String(n).padStart(4, "0")}`;
  const check = checkDigit([...first11].map(Number));
  return check === null ? testBin(n + 1000) : `${first11}${check}`;
}

export function institutionBody(slug: string, n: number, kind: "higher" | "tvet" = "higher") {
  return {
    slug,
    names: { kk: `Сынақ университеті ${n}`, ru: `Тестовый университет ${n}`, en: `Test University ${n}` },
    bin: testBin(n),
    kind,
  };
}

/**
 * An institution with a registrar token and the published fixture programme DA-101: what most
 * issuance tests start from.
 */
export async function withPublishedProgramme(svc: TestService, slug = "kaznu", n = 1): Promise<{ registrar: string }> {
  const { dataAnalysisProgramme } = await import("../fixtures/programmes.js");
  await svc.app.inject({ method: "POST", url: "/orgs", headers: admin, payload: institutionBody(slug, n) });
  const registrar = (
    await svc.app.inject({
      method: "POST",
      url: `/orgs/${slug}/tokens`,
      headers: admin,
      payload: { name: "registrar", roles: ["registrar"] },
    })
  ).json().token as string;
  const post = (url: string, payload?: object) =>
    svc.app.inject({ method: "POST", url, headers: bearer(registrar), ...(payload ? { payload } : {}) });
  await post(`/orgs/${slug}/programmes`, dataAnalysisProgramme());
  await post(`/orgs/${slug}/programmes/DA-101/approve`, { decisionNumber: "1", decisionDate: "2026-09-01" });
  const published = await post(`/orgs/${slug}/programmes/DA-101/publish`);
  if (published.json().status !== "published") throw new Error(`could not publish the fixture programme: ${published.body}`);
  return { registrar };
}

/** A platform administrator with a known password (for the console's sign-in). */
export async function platformAdmin(svc: TestService, email: string, password: string): Promise<string> {
  const user = (
    await svc.app.inject({
      method: "POST",
      url: "/users",
      headers: admin,
      payload: { email, fullName: "Platform Admin", isPlatformAdmin: true },
    })
  ).json<{ id: string }>();
  await svc.app.inject({ method: "PUT", url: `/users/${user.id}/password`, headers: admin, payload: { password } });
  return user.id;
}
