// Our start-up migrator: idempotent, all-or-nothing, safe when several nodes start at once, and it
// refuses a database whose history does not match this build.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.js";
import { migrate, readMigrations, type Migration } from "../../src/db/migrate.js";
import { createTestDatabase, usePostgres, type TestDatabase } from "../helpers/service.js";

const provider = usePostgres ? "postgres" : "sqlite";
const cleanup: (() => Promise<void>)[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "kualik-migrate-"));
  const database = await createTestDatabase(dir);
  cleanup.push(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  return database;
}

async function tableNames(url: string): Promise<string[]> {
  const db = await createDb({ provider, url });
  try {
    const rows: { name: string }[] =
      provider === "sqlite"
        ? await db.$queryRawUnsafe(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        : await db.$queryRawUnsafe(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'`);
    return rows.map((r) => r.name).sort();
  } finally {
    await db.$disconnect();
  }
}

afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

describe(`migrations on ${provider}`, () => {
  it("applies every migration on an empty database, then nothing on the next start", async () => {
    const { url } = await freshDatabase();
    const first = await migrate({ provider, url });
    expect(first.applied).toEqual(readMigrations(provider).map((m) => m.name));
    expect(await tableNames(url)).toEqual(expect.arrayContaining(["Institution", "VeramoPrivateKey", "_prisma_migrations"]));
    const second = await migrate({ provider, url });
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
  });

  it("lets nodes that start together migrate once", async () => {
    const { url } = await freshDatabase();
    const results = await Promise.all([migrate({ provider, url }), migrate({ provider, url }), migrate({ provider, url })]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, readMigrations(provider).length]);
  });

  it("applies all pending migrations or none: a failing one rolls back the ones before it", async () => {
    const { url } = await freshDatabase();
    await migrate({ provider, url });
    const extra: Migration[] = [
      { name: "29990101000000_good", sql: `CREATE TABLE "Good" ("id" TEXT NOT NULL PRIMARY KEY);`, checksum: "1".repeat(64) },
      {
        name: "29990102000000_bad",
        sql: `CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);`,
        checksum: "2".repeat(64),
      },
    ];
    await expect(migrate({ provider, url }, [...readMigrations(provider), ...extra])).rejects.toThrow(/migration failed/i);
    const tables = await tableNames(url);
    expect(tables).not.toContain("Good");
    expect(tables).not.toContain("Half");
    // The database still starts with this build's own migrations.
    expect((await migrate({ provider, url })).applied).toEqual([]);
  });

  it("refuses a database whose applied migration was edited afterwards", async () => {
    const { url } = await freshDatabase();
    await migrate({ provider, url });
    const edited = readMigrations(provider).map((m, i) => (i === 0 ? { ...m, checksum: "f".repeat(64) } : m));
    await expect(migrate({ provider, url }, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("refuses a database migrated by a newer build", async () => {
    const { url } = await freshDatabase();
    await migrate({ provider, url });
    await expect(migrate({ provider, url }, [])).rejects.toThrow(/does not know/);
  });
});
