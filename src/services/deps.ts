// The bundle every use case receives. Built once in src/wiring.ts; tests build their own.
import type { Config } from "../config.js";
import type { KualikAgent } from "../credentials/agent.js";
import type { Db } from "../db/client.js";
import type { ApiTokensRepository } from "../db/repositories/api-tokens.js";
import type { AuditRepository } from "../db/repositories/audit.js";
import type { InstitutionsRepository } from "../db/repositories/institutions.js";
import type { UsersRepository } from "../db/repositories/users.js";
import type { ProgrammesRepository } from "../db/repositories/programmes.js";
import type { LearnersRepository } from "../db/repositories/learners.js";
import type { CredentialsRepository } from "../db/repositories/credentials.js";
import type { AwardBatchesRepository } from "../db/repositories/award-batches.js";
import type { TrustRegistryRepository } from "../db/repositories/trust-registry.js";
import type { CurriculaRepository } from "../db/repositories/curricula.js";
import type { CommissionsRepository } from "../db/repositories/commissions.js";
import type { RecognitionApplicationsRepository } from "../db/repositories/recognition-applications.js";
import type { WalletsRepository } from "../db/repositories/wallets.js";
import type { SessionsRepository } from "../db/repositories/sessions.js";
import type { StatsRepository } from "../db/repositories/stats.js";
import type { SsoRepository } from "../db/repositories/sso.js";
import type { VerificationStats } from "./verification-stats.js";
import type { SigningKeys } from "../credentials/signing-keys.js";
import type { VeramoStorage } from "../credentials/stores/storage.js";
import type { Caches } from "./caches.js";
import type { BatchQueue } from "./award-batches.js";

export interface Repositories {
  readonly institutions: InstitutionsRepository;
  readonly apiTokens: ApiTokensRepository;
  readonly users: UsersRepository;
  readonly audit: AuditRepository;
  readonly veramo: VeramoStorage;
  readonly programmes: ProgrammesRepository;
  readonly learners: LearnersRepository;
  readonly credentials: CredentialsRepository;
  readonly awardBatches: AwardBatchesRepository;
  readonly trustRegistry: TrustRegistryRepository;
  readonly curricula: CurriculaRepository;
  readonly commissions: CommissionsRepository;
  readonly applications: RecognitionApplicationsRepository;
  readonly wallets: WalletsRepository;
  readonly sessions: SessionsRepository;
  readonly stats: StatsRepository;
  readonly sso: SsoRepository;
}

export interface Deps {
  readonly config: Config;
  readonly db: Db;
  readonly agent: KualikAgent;
  readonly repos: Repositories;
  readonly clock: () => Date;
  readonly caches: Caches;
  /** Fast Ed25519 signing with the keys our KMS holds (credentials/signing-keys.ts). */
  readonly signing: SigningKeys;
  /** Background processing of award batches. */
  readonly queue: BatchQueue;
  /** Verification counts for the dashboard, stored in batches. */
  readonly stats: VerificationStats;
}
