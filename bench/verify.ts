// Verification throughput, with same-run baselines: raw node:crypto Ed25519 verify, Veramo's stock
// verifyCredential (JWT), and @digitalbazaar/vc's stock verifyCredential (Data Integrity); then ours, in
// process, and over HTTP (POST /credentials/verify under autocannon) against a bare Fastify route that does
// one Ed25519 verify per request.
import { spawn } from "node:child_process";
import { generateKeyPairSync, sign, verify } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as dbvc from "@digitalbazaar/vc";
import { createAgent, type ICredentialPlugin, type IDIDManager, type IKeyManager, type IResolver } from "@veramo/core";
import { CredentialProviderJWT } from "@veramo/credential-jwt";
import { CredentialPlugin } from "@veramo/credential-w3c";
import { DIDManager, MemoryDIDStore } from "@veramo/did-manager";
import { getDidKeyResolver, KeyDIDProvider } from "@veramo/did-provider-key";
import { DIDResolverPlugin } from "@veramo/did-resolver";
import { KeyManager, MemoryKeyStore, MemoryPrivateKeyStore } from "@veramo/key-manager";
import { KeyManagementSystem } from "@veramo/kms-local";
import autocannon from "autocannon";
import Fastify from "fastify";
import { loadConfig } from "../src/config.js";
import { buildApp } from "../src/http/app.js";
import { serviceDocumentLoader } from "../src/services/json-ld.js";
import { verifyIncomingCredential } from "../src/services/verify-credential.js";
import { wire } from "../src/wiring.js";
import { testIin } from "../test/helpers/iin.js";

const N = Number(process.env.BENCH_N ?? 1000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Path {
  readonly n: number;
  readonly fn: () => unknown;
}

/**
 * Rates of several paths measured in turn, round after round (each round runs every path once), so that the
 * machine's load at any moment falls on all of them alike. Ratios are taken within a round, then the median.
 */
async function interleaved<K extends string>(paths: Record<K, Path>, rounds = 5): Promise<Record<K, number[]>> {
  const names = Object.keys(paths) as K[];
  for (const name of names) for (let i = 0; i < Math.min(50, paths[name].n); i++) await paths[name].fn(); // warm caches and the JIT
  const rates = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++)
    for (const name of names) {
      const { n, fn } = paths[name];
      const start = performance.now();
      for (let i = 0; i < n; i++) await fn();
      rates[name].push(n / ((performance.now() - start) / 1000));
    }
  return rates;
}
const ratio = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));

interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
}

async function loadOnce(url: string, body: string): Promise<Load> {
  const r = await autocannon({
    url,
    method: "POST",
    connections: 50,
    duration: DURATION_S,
    headers: { "content-type": "application/json" },
    body,
  });
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`${url}: ${r.errors} errors, ${r.non2xx} non-2xx`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "kualik-bench-verify-"));
  const admin = "bench-admin-token-000000000000";
  const config = loadConfig({
    DATA_DIR: dir,
    KUALIK_SECRET_KEY: "d".repeat(64),
    KUALIK_ADMIN_TOKEN: admin,
    LOG_LEVEL: "silent",
    RATE_LIMIT_ENABLED: "false",
    PUBLIC_URL: "http://localhost:3999",
  });
  const wired = await wire(config);
  const app = await buildApp(wired.deps);
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  const call = async (url: string, body?: object) =>
    (await (
      await fetch(`${address}${url}`, {
        method: "POST",
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      })
    ).json()) as Record<string, unknown>;
  const bare = Fastify();
  try {
    const { dataAnalysisProgramme } = await import("../test/fixtures/programmes.js");
    await call("/orgs", { slug: "bench", bin: "990140001154", kind: "higher", names: { kk: "Бенч", ru: "Бенч", en: "Bench" } });
    await call("/orgs/bench/programmes", dataAnalysisProgramme());
    await call("/orgs/bench/programmes/DA-101/approve", { decisionNumber: "1", decisionDate: "2026-09-01" });
    await call("/orgs/bench/programmes/DA-101/publish");
    const award = async (i: number, format: string) => {
      const attestation = await call("/orgs/bench/programmes/DA-101/attestations", {
        learner: { fullName: `L${i}`, iin: testIin(i) },
        session: "s",
        heldOn: "2026-06-20",
        result: { percent: 90 },
      });
      return call("/orgs/bench/programmes/DA-101/awards", { attestationId: attestation.id, format });
    };
    const jwtCredential = (await award(1, "vc+jwt")).jwt as string;
    // Distinct Data Integrity credentials, verified in turn: no cache of ours or of the libraries' can answer
    // for a credential it has already seen.
    const diCredentials: Record<string, unknown>[] = [];
    for (let i = 0; i < 50; i++) diCredentials.push((await award(2 + i, "di")).credential as Record<string, unknown>);
    const nextDi = (() => {
      let i = 0;
      return () => diCredentials[i++ % diCredentials.length]!;
    })();
    const deps = wired.deps;
    const policy = { requireTrust: false };
    if (!(await verifyIncomingCredential(jwtCredential, policy, deps)).verified) throw new Error("bench credential does not verify");

    // Baseline 1: raw Ed25519 verify of a signature over the same JWT signing input.
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const input = Buffer.from(jwtCredential.split(".").slice(0, 2).join("."));
    const signature = sign(null, input, privateKey);

    // Baseline 2: Veramo stock verifyCredential of a JWT VC by a did:key issuer (in-memory stores).
    const veramo = createAgent<IDIDManager & IKeyManager & IResolver & ICredentialPlugin>({
      plugins: [
        new KeyManager({ store: new MemoryKeyStore(), kms: { local: new KeyManagementSystem(new MemoryPrivateKeyStore()) } }),
        new DIDManager({
          store: new MemoryDIDStore(),
          defaultProvider: "did:key",
          providers: { "did:key": new KeyDIDProvider({ defaultKms: "local" }) },
        }),
        new DIDResolverPlugin({ ...getDidKeyResolver() }),
        new CredentialPlugin([new CredentialProviderJWT()]),
      ],
    });
    const issuer = await veramo.didManagerCreate({ provider: "did:key", options: { keyType: "Ed25519" } });
    const stockVc = await veramo.createVerifiableCredential({
      credential: { issuer: { id: issuer.did }, credentialSubject: { id: "did:example:1", course: "x" } },
      proofFormat: "jwt",
    });

    // Baseline 3: @digitalbazaar/vc stock verifyCredential of our Data Integrity credential.
    const loader = serviceDocumentLoader(deps);
    const stockCheck = await dbvc.verifyCredential({
      credential: nextDi(),
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: loader,
      checkStatus: async () => ({ verified: true }),
    });
    if (!stockCheck.verified) throw new Error("bench DI credential does not verify with @digitalbazaar/vc");
    if (!(await verifyIncomingCredential(nextDi(), policy, deps)).verified) throw new Error("bench DI credential does not verify");
    const r = await interleaved({
      raw: { n: N * 5, fn: () => verify(null, input, publicKey, signature) },
      stock: { n: Math.min(N, 300), fn: () => veramo.verifyCredential({ credential: stockVc }) },
      oursJwt: { n: N, fn: () => verifyIncomingCredential(jwtCredential, policy, deps) },
      dbStock: {
        n: Math.min(N, 100),
        fn: () =>
          dbvc.verifyCredential({
            credential: nextDi(),
            suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
            documentLoader: loader,
            checkStatus: async () => ({ verified: true }),
          }),
      },
      oursDi: { n: Math.min(N, 300), fn: () => verifyIncomingCredential(nextDi(), policy, deps) },
    });
    const rate = (xs: number[]) => Math.round(median(xs));

    console.log(
      `in-process verification (all checks: signature, issuer, validity, status, schema, trust); ${r.raw.length} rounds, every path in each round; medians, ratios within a round`,
    );
    console.log(`Data Integrity rows: ${diCredentials.length} distinct credentials in turn`);
    console.log("| path | verifications/s | vs raw verify | vs stock |\n|---|---|---|---|");
    console.log(`| raw node:crypto Ed25519 verify (baseline) | ${rate(r.raw)} | 1.00× | |`);
    console.log(`| Veramo stock verifyCredential (JWT) | ${rate(r.stock)} | ${ratio(r.stock, r.raw).toFixed(2)}× | 1.00× |`);
    console.log(
      `| Kualik vc+jwt | ${rate(r.oursJwt)} | ${ratio(r.oursJwt, r.raw).toFixed(2)}× | ${ratio(r.oursJwt, r.stock).toFixed(2)}× Veramo |`,
    );
    console.log(`| @digitalbazaar/vc stock verifyCredential (DI) | ${rate(r.dbStock)} | ${ratio(r.dbStock, r.raw).toFixed(3)}× | 1.00× |`);
    console.log(
      `| Kualik Data Integrity | ${rate(r.oursDi)} | ${ratio(r.oursDi, r.raw).toFixed(3)}× | ${ratio(r.oursDi, r.dbStock).toFixed(2)}× @digitalbazaar |`,
    );

    bare.post("/verify", async () => ({ verified: verify(null, input, publicKey, signature) }));
    const bareAddress = await bare.listen({ host: "127.0.0.1", port: 0 });

    // The same service as `npm start` runs it with WORKERS=2 (both cores), on the same database.
    const port = 41_000 + Math.floor(Math.random() * 5_000);
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        DATA_DIR: dir,
        KUALIK_SECRET_KEY: "d".repeat(64),
        LOG_LEVEL: "info",
        RATE_LIMIT_ENABLED: "false",
        PUBLIC_URL: "http://localhost:3999",
        PORT: String(port),
        WORKERS: "2",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    // Wait for both workers; after that the service's request log is read and dropped (not kept in this process,
    // which also runs the load generator).
    let ready = 0;
    const onLog = (d: Buffer) => {
      ready += (d.toString().match(/Kualik is ready/g) ?? []).length;
      if (ready >= 2) child.stdout.off("data", onLog).resume();
    };
    child.stdout.on("data", onLog);
    for (let i = 0; i < 300 && ready < 2; i++) await new Promise((r) => setTimeout(r, 100));
    try {
      // Round after round, each target in turn, so that the machine's load falls on all of them alike.
      const verifyBody = JSON.stringify({ verifiableCredential: jwtCredential });
      const targets = {
        bare: { name: "bare Fastify + one Ed25519 verify (baseline)", url: `${bareAddress}/verify`, body: "{}" },
        one: {
          name: "POST /credentials/verify (vc+jwt), one process (shared with the load generator)",
          url: `${address}/credentials/verify`,
          body: verifyBody,
        },
        two: { name: "POST /credentials/verify (vc+jwt), WORKERS=2", url: `http://127.0.0.1:${port}/credentials/verify`, body: verifyBody },
      };
      const keys = Object.keys(targets) as (keyof typeof targets)[];
      const loads = { bare: [] as Load[], one: [] as Load[], two: [] as Load[] };
      for (let round = 0; round < RUNS; round++) for (const k of keys) loads[k].push(await loadOnce(targets[k].url, targets[k].body));
      console.log(
        `\nHTTP, autocannon 50 connections, ${DURATION_S} s each, ${RUNS} rounds of every route in turn (medians; ratios within a round)`,
      );
      console.log("| route | req/s | × baseline | p50 ms | p99 ms |\n|---|---|---|---|---|");
      for (const k of keys) {
        const rps = loads[k].map((l) => l.rps);
        console.log(
          `| ${targets[k].name} | ${Math.round(median(rps))} | ${ratio(
            rps,
            loads.bare.map((l) => l.rps),
          ).toFixed(2)} | ${median(loads[k].map((l) => l.p50))} | ${median(loads[k].map((l) => l.p99))} |`,
        );
      }
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  } finally {
    await bare.close();
    await app.close();
    await wired.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
