// The real entry point as a newcomer runs it: generates a development secret, migrates, listens,
// answers, and shuts down cleanly on SIGTERM; a bad configuration stops it with every problem named.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startProcess } from "../helpers/process.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the service process", () => {
  it("starts on the embedded default, answers, and stops cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kualik-proc-"));
    dirs.push(dataDir);
    const proc = startProcess({ DATA_DIR: dataDir, PORT: "0", KUALIK_ADMIN_TOKEN: "proc-admin-token" });
    await proc.waitFor(/Kualik is ready/);
    expect(proc.output()).toMatch(/Generated a new KUALIK_SECRET_KEY/);
    expect(existsSync(path.join(dataDir, "secret.key"))).toBe(true);
    expect(existsSync(path.join(dataDir, "kualik.db"))).toBe(true);
    const address = proc.address();
    const health = await fetch(`${address}/health`);
    expect(health.status).toBe(200);
    expect(proc.output()).not.toContain("proc-admin-token");

    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/shutting down/);
  });

  it("runs several worker processes on one port with WORKERS=2, and stops them all on SIGTERM", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kualik-proc-"));
    dirs.push(dataDir);
    const port = 40_000 + Math.floor(Math.random() * 10_000);
    const proc = startProcess({ DATA_DIR: dataDir, PORT: String(port), WORKERS: "2" });
    await proc.waitFor(/started workers/);
    await proc.waitFor(/Kualik is ready[\s\S]*Kualik is ready/);
    const pids = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      expect(res.status).toBe(200);
    }
    for (const match of proc.output().matchAll(/"pid":(\d+)[^\n]*Kualik is ready/g)) pids.add(Number(match[1]));
    expect(pids.size).toBe(2);
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
  });

  it("refuses to start with a bad configuration, naming every bad variable", async () => {
    const proc = startProcess({ PORT: "http", DATABASE_URL: "mysql://x", NODE_ENV: "production" });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/PORT/);
    expect(proc.output()).toMatch(/DATABASE_URL/);
  });
});
