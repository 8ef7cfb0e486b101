// Applies prisma/<provider>/migrations at start-up, each migration in its own transaction, and records
// them in Prisma's own _prisma_migrations table (same columns, same SHA-256 checksum of migration.sql),
// so `prisma migrate status` and `migrate deploy` keep working against a database we migrated.
// We apply them ourselves because Prisma's migrate CLI needs a child process, a shadow-free adapter
// workaround on PostgreSQL, and does not wrap SQLite migrations in a transaction.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseSettings } from "./client.js";
import { sqliteFilePath } from "./client.js";
import { projectRoot } from "../paths.js";

export interface Migration {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationResult {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

export function migrationsDir(provider: DatabaseSettings["provider"]): string {
  return path.join(projectRoot, "prisma", provider, "migrations");
}

export function readMigrations(provider: DatabaseSettings["provider"]): Migration[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies every pending migration in one transaction: all of them, or none. */
export async function migrate(
  settings: DatabaseSettings,
  migrations: readonly Migration[] = readMigrations(settings.provider),
): Promise<MigrationResult> {
  return settings.provider === "postgres" ? migratePostgres(settings.url, migrations) : migrateSqlite(settings.url, migrations);
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

function plan(migrations: readonly Migration[], applied: readonly AppliedRow[]): Migration[] {
  const done = new Map(applied.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]));
  const failed = applied.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      `migration ${failed.migration_name} was started earlier and never finished; inspect the database, then mark it with \`prisma migrate resolve\``,
    );
  }
  for (const row of done.values()) {
    const local = migrations.find((m) => m.name === row.migration_name);
    if (!local)
      throw new MigrationError(
        `the database has migration ${row.migration_name}, which this build does not know: is it older than the database?`,
      );
    if (local.checksum !== row.checksum) throw new MigrationError(`migration ${row.migration_name} was changed after it was applied`);
  }
  return migrations.filter((m) => !done.has(m.name));
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

async function migrateSqlite(url: string, migrations: readonly Migration[]): Promise<MigrationResult> {
  const { default: Database } = await import("better-sqlite3");
  const file = sqliteFilePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(SQLITE_TABLE);
    // Prisma rebuilds a SQLite table to change it (create new, copy, drop old, rename). With foreign keys
    // on, dropping the old table would run its ON DELETE CASCADE actions and empty the child tables, and
    // the pragma cannot change inside a transaction: switch it off around the migration, then check.
    db.pragma("foreign_keys = OFF");
    // BEGIN IMMEDIATE takes the write lock before reading, so two processes cannot both apply.
    const run = db.transaction(() => {
      const applied = db
        .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
        .all() as AppliedRow[];
      const pending = plan(migrations, applied);
      for (const m of pending) {
        const startedAt = new Date().toISOString();
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, startedAt);
      }
      const broken = db.prepare("PRAGMA foreign_key_check").all();
      if (broken.length > 0)
        throw new MigrationError(
          `the migrations would leave ${broken.length} rows with broken references: ${JSON.stringify(broken.slice(0, 3))}`,
        );
      return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length };
    });
    const result = run.immediate();
    db.pragma("foreign_keys = ON");
    return result;
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(`SQLite migration failed: ${(error as Error).message}`, { cause: error });
  } finally {
    db.close();
  }
}

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; it only has to be the same for every node of one deployment.
const MIGRATION_LOCK_KEY = 0x4b75616c; // "Kual"

async function migratePostgres(url: string, migrations: readonly Migration[]): Promise<MigrationResult> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Nodes of a multi-node deployment start together: one migrates, the others wait and then find nothing to do.
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const pending = plan(migrations, rows);
    for (const m of pending) {
      const startedAt = new Date();
      await client.query(m.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
        [randomUUID(), m.checksum, m.name, startedAt],
      );
    }
    await client.query("COMMIT");
    return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(`PostgreSQL migration failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end();
  }
}
