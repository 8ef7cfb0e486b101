// Builds the dependency bundle from a Config: database (migrated), repositories, Veramo agent.
import path from "node:path";
import type { Config } from "./config.js";
import { createAgent } from "./credentials/agent.js";
import { createDidWebResolver } from "./credentials/did-web-resolver.js";
import { didWebFor } from "./credentials/did-web.js";
import { createDb } from "./db/client.js";
import { migrate, type MigrationResult } from "./db/migrate.js";
import { apiTokensRepository } from "./db/repositories/api-tokens.js";
import { auditRepository } from "./db/repositories/audit.js";
import { institutionsRepository } from "./db/repositories/institutions.js";
import { usersRepository } from "./db/repositories/users.js";
import { veramoStorage } from "./db/repositories/veramo-storage.js";
import { programmesRepository } from "./db/repositories/programmes.js";
import { learnersRepository } from "./db/repositories/learners.js";
import { credentialsRepository } from "./db/repositories/credentials.js";
import { awardBatchesRepository } from "./db/repositories/award-batches.js";
import { trustRegistryRepository } from "./db/repositories/trust-registry.js";
import { curriculaRepository } from "./db/repositories/curricula.js";
import { commissionsRepository } from "./db/repositories/commissions.js";
import { recognitionApplicationsRepository } from "./db/repositories/recognition-applications.js";
import { walletsRepository } from "./db/repositories/wallets.js";
import { sessionsRepository } from "./db/repositories/sessions.js";
import { statsRepository } from "./db/repositories/stats.js";
import { ssoRepository } from "./db/repositories/sso.js";
import { VerificationStats } from "./services/verification-stats.js";
import { SigningKeys } from "./credentials/signing-keys.js";
import type { Deps, Repositories } from "./services/deps.js";
import { didDocumentFor, ensurePlatformIdentity } from "./services/did-documents.js";
import { projectRoot } from "./paths.js";
import { createCaches } from "./services/caches.js";
import { AwardBatchRunner } from "./services/award-batches.js";

export interface Wired {
  readonly deps: Deps;
  readonly migration: MigrationResult;
  readonly platformDid: string;
  /** Institutions whose DID was made under another PUBLIC_URL: their DID documents are not reachable at the new address. */
  readonly institutionsUnderOtherUrl: readonly string[];
  /** Runs award batches in the background; start() it in a serving process. */
  readonly runner: AwardBatchRunner;
  close(): Promise<void>;
}

const silentLog = { error: () => undefined, info: () => undefined };

export async function wire(
  config: Config,
  options: {
    clock?: () => Date;
    agentFile?: string;
    log?: { error(obj: object, msg: string): void; info(obj: object, msg: string): void };
  } = {},
): Promise<Wired> {
  const migration = await migrate(config.database);
  const db = await createDb(config.database);
  try {
    const repos: Repositories = {
      institutions: institutionsRepository(db),
      apiTokens: apiTokensRepository(db),
      users: usersRepository(db),
      audit: auditRepository(db),
      veramo: veramoStorage(db),
      programmes: programmesRepository(db),
      learners: learnersRepository(db, config.database.provider),
      credentials: credentialsRepository(db, config.database.provider),
      awardBatches: awardBatchesRepository(db, config.database.provider),
      trustRegistry: trustRegistryRepository(db, config.database.provider),
      curricula: curriculaRepository(db),
      commissions: commissionsRepository(db),
      applications: recognitionApplicationsRepository(db),
      wallets: walletsRepository(db),
      sessions: sessionsRepository(db),
      stats: statsRepository(db),
      sso: ssoRepository(db),
    };
    const caches = createCaches(config.cacheTtlMs);
    const didWebResolver = createDidWebResolver({
      ownHost: config.publicUrl.host,
      localDocument: (did) => didDocumentFor(did, { repos, caches }),
      allowHttpHosts: config.fetchAllowHosts,
    });
    const signing = new SigningKeys(repos.veramo, config.secretKey);
    const agent = await createAgent({
      signingKeys: signing,
      cacheTtlMs: config.cacheTtlMs,
      agentFile: options.agentFile ?? path.join(projectRoot, "agent.yml"),
      storage: repos.veramo,
      didWebResolver,
      env: { KUALIK_SECRET_KEY: config.secretKey },
    });
    let runner: AwardBatchRunner | null = null;
    const queue = { enqueue: (batchId: string) => runner?.enqueue(batchId) };
    const clock = options.clock ?? (() => new Date());
    const stats = new VerificationStats(repos, clock);
    const deps: Deps = { config, db, agent, repos, caches, signing, queue, clock, stats };
    runner = new AwardBatchRunner(deps, options.log ?? silentLog);
    const platformDid = await ensurePlatformIdentity(deps);
    await checkSecretKeyOpensKeys(deps, platformDid);
    const prefix = `${didWebFor(config.publicUrl, ["orgs"])}:`;
    const institutionsUnderOtherUrl = (await repos.institutions.list()).filter((i) => !i.did.startsWith(prefix)).map((i) => i.slug);
    const batches = runner;
    // Verification counts reach the database in batches (see services/verification-stats.ts).
    const flushing = setInterval(
      () => void stats.flush().catch((error: unknown) => options.log?.error({ err: error }, "could not store verification counts")),
      5_000,
    );
    flushing.unref();
    return {
      deps,
      migration,
      platformDid,
      institutionsUnderOtherUrl,
      runner: batches,
      close: async () => {
        clearInterval(flushing);
        await stats.flush().catch(() => undefined);
        await batches.close();
        await db.$disconnect();
      },
    };
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
}

export class SecretKeyMismatchError extends Error {
  constructor(cause: unknown) {
    super(
      "KUALIK_SECRET_KEY does not open the private keys stored in this database. Start with the key the keys were sealed with (see data/secret.key in development).",
      { cause },
    );
    this.name = "SecretKeyMismatchError";
  }
}

/** Fails at start rather than at the first signature when the secret key is not the one the keys were sealed with. */
async function checkSecretKeyOpensKeys(deps: Deps, platformDid: string): Promise<void> {
  const identifier = await deps.agent.didManagerGet({ did: platformDid });
  const kid = identifier.keys[0]?.kid;
  if (!kid) return;
  try {
    await deps.agent.keyManagerSign({ keyRef: kid, data: "kualik start-up check", algorithm: "EdDSA", encoding: "utf-8" });
  } catch (error) {
    throw new SecretKeyMismatchError(error);
  }
}
