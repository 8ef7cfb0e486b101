// HTTP throughput of the foundation's hot paths against a bare Fastify route measured in the same run:
// /health (framework + plugins), a DID document (database read + document build), and an authenticated
// institution read (token hash lookup + access decision + database read). Median of 3 runs each.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import { loadConfig } from "../src/config.js";
import { buildApp } from "../src/http/app.js";
import { wire } from "../src/wiring.js";

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = 50;
const RUNS = 3;

interface Figure {
  rps: number;
  p50: number;
  p99: number;
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Figure> {
  const runs: Figure[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    runs.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
  }
  runs.sort((a, b) => a.rps - b.rps);
  return runs[Math.floor(runs.length / 2)]!;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "kualik-bench-"));
  const bare = Fastify();
  bare.get("/x", async () => ({ status: "ok" }));
  const bareAddress = await bare.listen({ host: "127.0.0.1", port: 0 });

  const config = loadConfig({
    DATA_DIR: dir,
    KUALIK_SECRET_KEY: "b".repeat(64),
    KUALIK_ADMIN_TOKEN: "bench-admin-token-000000000000",
    LOG_LEVEL: "silent",
    RATE_LIMIT_ENABLED: "false",
    PUBLIC_URL: "http://localhost:3999",
  });
  const wired = await wire(config);
  const app = await buildApp(wired.deps);
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  const admin = { authorization: "Bearer bench-admin-token-000000000000", "content-type": "application/json" };
  const created = await app.inject({
    method: "POST",
    url: "/orgs",
    headers: admin,
    payload: { slug: "bench", bin: "990140001154", kind: "higher", names: { kk: "Бенч", ru: "Бенч", en: "Bench" } },
  });
  const token = (
    await app.inject({ method: "POST", url: "/orgs/bench/tokens", headers: admin, payload: { name: "bench", roles: ["viewer"] } })
  ).json().token as string;
  if (created.statusCode !== 201 || !token) throw new Error("bench setup failed");

  try {
    console.log(`autocannon, ${CONNECTIONS} connections, ${DURATION_S} s × ${RUNS} runs (median), database ${config.database.provider}`);
    const baseline = await measure(`${bareAddress}/x`);
    const rows: [string, Figure][] = [
      ["bare Fastify GET (baseline)", baseline],
      ["GET /health", await measure(`${address}/health`)],
      ["GET /orgs/bench/did.json", await measure(`${address}/orgs/bench/did.json`)],
      ["GET /orgs/bench (token auth)", await measure(`${address}/orgs/bench`, { authorization: `Bearer ${token}` })],
    ];
    console.log("| route | req/s | × baseline | p50 ms | p99 ms |\n|---|---|---|---|---|");
    for (const [name, f] of rows) {
      console.log(`| ${name} | ${Math.round(f.rps)} | ${(f.rps / baseline.rps).toFixed(2)} | ${f.p50} | ${f.p99} |`);
    }
  } finally {
    await app.close();
    await wired.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
