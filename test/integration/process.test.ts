// The real entry point as a newcomer runs it: generates a development secret, migrates, listens,
// answers, and shuts down cleanly on SIGTERM; a bad configuration stops it with every problem named.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, timeoutMs = 20_000) => {
    const start = Date.now();
    while (!pattern.test(output)) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
      if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}); output:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

describe("the service process", () => {
  it("starts on the embedded default, answers, and stops cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kualik-proc-"));
    dirs.push(dataDir);
    const proc = startProcess({ DATA_DIR: dataDir, PORT: "0", KUALIK_ADMIN_TOKEN: "proc-admin-token" });
    await proc.waitFor(/Kualik is ready/);
    expect(proc.output()).toMatch(/Generated a new KUALIK_SECRET_KEY/);
    expect(existsSync(path.join(dataDir, "secret.key"))).toBe(true);
    expect(existsSync(path.join(dataDir, "kualik.db"))).toBe(true);
    const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(proc.output())?.[1];
    expect(address).toBeDefined();
    const health = await fetch(`${address}/health`);
    expect(health.status).toBe(200);
    expect(proc.output()).not.toContain("proc-admin-token");

    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/shutting down/);
  });

  it("refuses to start with a bad configuration, naming every bad variable", async () => {
    const proc = startProcess({ PORT: "http", DATABASE_URL: "mysql://x", NODE_ENV: "production" });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/PORT/);
    expect(proc.output()).toMatch(/DATABASE_URL/);
  });
});
