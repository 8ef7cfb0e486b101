// Issuance throughput, with same-run baselines:
//   raw node:crypto Ed25519 signing of the same payload, and Veramo's stock JWT path
//   (createVerifiableCredential with CredentialProviderJWT, in-memory stores);
// then ours in vc+jwt and Data Integrity, and a 10,000-learner cohort awarded end to end through the
// HTTP API on SQLite with persistence.
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createAgent, type ICredentialPlugin, type IDIDManager, type IKeyManager } from "@veramo/core";
import { CredentialProviderJWT } from "@veramo/credential-jwt";
import { CredentialPlugin } from "@veramo/credential-w3c";
import { DIDManager, MemoryDIDStore } from "@veramo/did-manager";
import { KeyDIDProvider } from "@veramo/did-provider-key";
import { KeyManager, MemoryKeyStore, MemoryPrivateKeyStore } from "@veramo/key-manager";
import { KeyManagementSystem } from "@veramo/kms-local";
import { loadConfig } from "../src/config.js";
import { buildApp } from "../src/http/app.js";
import { signAwards } from "../src/services/award-micro-qualification.js";
import { wire } from "../src/wiring.js";
import { dataAnalysisProgramme } from "../test/fixtures/programmes.js";
import { cohortCsv } from "../test/helpers/cohort.js";

const N = Number(process.env.BENCH_N ?? 2000);
const N_DI = Number(process.env.BENCH_N_DI ?? 200);
const COHORT = Number(process.env.BENCH_COHORT ?? 10_000);
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function opsPerSecond(n: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number> {
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) await fn(i);
    rates.push(n / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "kualik-bench-issue-"));
  const config = loadConfig({
    DATA_DIR: dir,
    KUALIK_SECRET_KEY: "c".repeat(64),
    KUALIK_ADMIN_TOKEN: "bench-admin-token-000000000000",
    LOG_LEVEL: "silent",
    RATE_LIMIT_ENABLED: "false",
    PUBLIC_URL: "http://localhost:3999",
  });
  const wired = await wire(config);
  const app = await buildApp(wired.deps);
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  wired.runner.start();
  const headers = { authorization: "Bearer bench-admin-token-000000000000", "content-type": "application/json" };
  const call = async (method: string, url: string, body?: string | object, contentType = "application/json") => {
    const res = await fetch(`${address}${url}`, {
      method,
      headers: { ...headers, "content-type": contentType },
      body: typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  try {
    await call("POST", "/orgs", { slug: "bench", bin: "990140001154", kind: "higher", names: { kk: "Бенч", ru: "Бенч", en: "Bench" } });
    await call("POST", "/orgs/bench/programmes", dataAnalysisProgramme());
    await call("POST", "/orgs/bench/programmes/DA-101/approve", { decisionNumber: "1", decisionDate: "2026-09-01" });
    await call("POST", "/orgs/bench/programmes/DA-101/publish");
    const { deps } = wired;
    const institution = (await deps.repos.institutions.findBySlug("bench"))!;
    const programme = (await deps.repos.programmes.find(institution.id, "DA-101"))!;

    // A realistic request to sign, reused: what varies per credential is ids, salts and signatures.
    const learner = {
      id: "l",
      institutionId: institution.id,
      fullName: "Айгерім Сейітова",
      iin: "950701300127",
      email: null,
      holderDid: null,
      curriculumId: null,
      createdAt: new Date(),
    };
    const attestation = {
      id: "a",
      institutionId: institution.id,
      programmeId: programme.id,
      learnerId: "l",
      session: "2026-06",
      heldOn: "2026-06-20",
      resultKind: "percent" as const,
      percent: 87,
      letter: "B+" as const,
      gpa: 3.33,
      passing: true,
      createdAt: new Date(),
    };
    const positions = { revocation: [{ listId: "r", sequence: 1, index: 42 }], suspension: [{ listId: "s", sequence: 1, index: 43 }] };
    const request = [{ programme, attestation, learner }];
    const [sample] = await signAwards(institution, request, positions, "vc+jwt", deps);
    const payload = Buffer.from(sample!.jwt!.split(".").slice(0, 2).join("."));

    // Baseline 1: raw node:crypto Ed25519 over the same signing input.
    const { privateKey } = generateKeyPairSync("ed25519");
    const raw = await opsPerSecond(N, () => sign(null, payload, privateKey));

    // Baseline 2: Veramo's stock JWT path, in-memory stores, did:key issuer.
    const veramo = createAgent<IDIDManager & IKeyManager & ICredentialPlugin>({
      plugins: [
        new KeyManager({ store: new MemoryKeyStore(), kms: { local: new KeyManagementSystem(new MemoryPrivateKeyStore()) } }),
        new DIDManager({
          store: new MemoryDIDStore(),
          defaultProvider: "did:key",
          providers: { "did:key": new KeyDIDProvider({ defaultKms: "local" }) },
        }),
        new CredentialPlugin([new CredentialProviderJWT()]),
      ],
    });
    const issuer = await veramo.didManagerCreate({ provider: "did:key", options: { keyType: "Ed25519" } });
    const claims = { ...sample!.document, issuer: { id: issuer.did }, credentialStatus: undefined };
    const stock = await opsPerSecond(Math.min(N, 500), () =>
      veramo.createVerifiableCredential({ credential: claims as never, proofFormat: "jwt" }),
    );

    // Ours: build + sign, vc+jwt and Data Integrity (the signing path of an award, without storage).
    const ours = await opsPerSecond(N, () => signAwards(institution, request, positions, "vc+jwt", deps));
    const oursDi = await opsPerSecond(N_DI, () => signAwards(institution, request, positions, "di", deps));

    console.log(`in-process issuance, median of ${RUNS} runs`);
    console.log("| path | credentials/s | vs raw signing | vs Veramo stock |\n|---|---|---|---|");
    const row = (name: string, rate: number) =>
      console.log(`| ${name} | ${Math.round(rate)} | ${(rate / raw).toFixed(2)}× | ${(rate / stock).toFixed(2)}× |`);
    row("raw node:crypto Ed25519 sign (baseline)", raw);
    row("Veramo stock createVerifiableCredential (JWT)", stock);
    row("Kualik vc+jwt (build OB 3.0 + sign)", ours);
    row("Kualik Data Integrity eddsa-rdfc-2022", oursDi);

    // End to end: a cohort CSV through the HTTP API, persisted on SQLite.
    const csv = cohortCsv(COHORT, { first: 100_000 });
    const started = performance.now();
    const batch = await call("POST", "/orgs/bench/programmes/DA-101/award-batches", csv, "text/csv");
    const self = (batch.links as { self: string }).self;
    let status: Record<string, unknown> = {};
    do {
      await new Promise((r) => setTimeout(r, 100));
      status = await call("GET", self);
    } while (status.status !== "completed" && status.status !== "failed");
    const seconds = (performance.now() - started) / 1000;
    const stored = await deps.db.issuedCredential.count({ where: { programmeId: programme.id } });
    console.log(
      `\n${COHORT}-learner cohort via POST /award-batches (vc+jwt, SQLite): ${status.status}, ${status.issued} issued, ${stored} stored, ${seconds.toFixed(2)} s (${Math.round(COHORT / seconds)} rows/s)`,
    );
  } finally {
    await app.close();
    await wired.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
