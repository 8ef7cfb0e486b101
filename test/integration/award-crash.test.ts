// A bulk award survives the process being killed part-way: the batch resumes in the next process and
// completes, and sending the file again issues nothing twice. Runs the real entry point.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.js";
import { dataAnalysisProgramme } from "../fixtures/programmes.js";
import { cohortCsv } from "../helpers/cohort.js";
import { startProcess, type ServiceProcess } from "../helpers/process.js";
import { createTestDatabase, institutionBody, usePostgres, type TestDatabase } from "../helpers/service.js";

const ROWS = 4000;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe("bulk award and a crash", () => {
  it("resumes after kill -9 and completes without duplicates; a re-run issues nothing", { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kualik-crash-"));
    const database: TestDatabase = await createTestDatabase(dataDir);
    cleanups.push(async () => {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      KUALIK_SECRET_KEY: randomBytes(32).toString("hex"),
      KUALIK_ADMIN_TOKEN: "crash-test-admin-token",
      PUBLIC_URL: "http://localhost:3999",
      PORT: "0",
      RATE_LIMIT_ENABLED: "false",
      BATCH_STALE_MS: "1000",
    };
    const admin = { authorization: "Bearer crash-test-admin-token", "content-type": "application/json" };
    let proc: ServiceProcess = startProcess(env);
    cleanups.push(async () => {
      proc.child.kill("SIGKILL");
    });
    await proc.waitFor(/Kualik is ready/);
    let base = proc.address();
    const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = admin) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers,
        body: typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    expect((await call("POST", "/orgs", institutionBody("kaznu", 1))).status).toBe(201);
    await call("POST", "/orgs/kaznu/programmes", dataAnalysisProgramme());
    await call("POST", "/orgs/kaznu/programmes/DA-101/approve", { decisionNumber: "1", decisionDate: "2026-09-01" });
    await call("POST", "/orgs/kaznu/programmes/DA-101/publish");

    // Every 10th learner fails (F), the rest pass.
    const csv = cohortCsv(ROWS, { first: 2000, result: (i) => (i % 10 === 9 ? "F" : "85") });
    const upload = await call("POST", "/orgs/kaznu/programmes/DA-101/award-batches", csv, { ...admin, "content-type": "text/csv" });
    expect(upload.status).toBe(202);
    const batchUrl = (upload.json.links as { self: string }).self;

    // Kill the process hard once some chunks are in, before the end.
    let seen = 0;
    for (let i = 0; i < 2000; i++) {
      const batch = (await call("GET", batchUrl)).json;
      seen = batch.processed as number;
      if (seen > 0 || batch.status === "completed") break;
      await new Promise((r) => setTimeout(r, 5));
    }
    proc.child.kill("SIGKILL");
    await proc.exited;
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(ROWS); // the kill landed part-way

    // The next process picks the batch up once its heartbeat is stale, and finishes it.
    proc = startProcess(env);
    await proc.waitFor(/Kualik is ready/);
    base = proc.address();
    let batch: Record<string, unknown> = {};
    for (let i = 0; i < 600; i++) {
      batch = (await call("GET", batchUrl)).json;
      if (batch.status === "completed") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(batch).toMatchObject({ status: "completed", total: ROWS, processed: ROWS, issued: ROWS * 0.9, failed: ROWS * 0.1 });

    // Sending the same file again issues nothing new.
    const again = await call("POST", "/orgs/kaznu/programmes/DA-101/award-batches", csv, { ...admin, "content-type": "text/csv" });
    const againUrl = (again.json.links as { self: string }).self;
    let second: Record<string, unknown> = {};
    for (let i = 0; i < 600; i++) {
      second = (await call("GET", againUrl)).json;
      if (second.status === "completed") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(second).toMatchObject({ status: "completed", issued: 0, alreadyIssued: ROWS * 0.9, failed: ROWS * 0.1 });
    proc.child.kill("SIGTERM");
    await proc.exited;

    // The database agrees: one learner, one attestation and at most one credential per row.
    const db = await createDb({ provider: usePostgres ? "postgres" : "sqlite", url: database.url });
    try {
      expect(await db.learner.count()).toBe(ROWS);
      expect(await db.attestation.count()).toBe(ROWS);
      expect(await db.issuedCredential.count()).toBe(ROWS * 0.9);
      const positions = await db.issuedCredential.findMany({ select: { revocationIndex: true } });
      expect(new Set(positions.map((p) => p.revocationIndex)).size).toBe(ROWS * 0.9);
    } finally {
      await db.$disconnect();
    }
  });
});
