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

describe(`upgrading a database with data on ${provider}`, () => {
  it("keeps every row, including rows that reference a table a migration rebuilds", async () => {
    const { url } = await freshDatabase();
    const all = readMigrations(provider);
    const upgradeIndex = all.findIndex((m) => m.name.endsWith("_institution_credential_format"));
    expect(upgradeIndex).toBeGreaterThan(0);
    await migrate({ provider, url }, all.slice(0, upgradeIndex));

    const db = await createDb({ provider, url });
    try {
      const now = provider === "sqlite" ? "2026-01-01T00:00:00.000+00:00" : "2026-01-01T00:00:00.000";
      await db.$executeRawUnsafe(
        `INSERT INTO "Institution" ("id","slug","nameKk","nameRu","nameEn","bin","kind","did","activeKid","createdAt","updatedAt") VALUES ('i1','enu','Е','Е','E','990140001154','higher','did:web:x:orgs:enu','k1','${now}','${now}')`,
      );
      await db.$executeRawUnsafe(`INSERT INTO "InstitutionKey" ("kid","institutionId","createdAt") VALUES ('k1','i1','${now}')`);
      await db.$executeRawUnsafe(
        `INSERT INTO "ApiToken" ("id","name","tokenHash","prefix","institutionId","roles","createdAt") VALUES ('t1','n','h','p','i1','["viewer"]','${now}')`,
      );
    } finally {
      await db.$disconnect();
    }

    expect((await migrate({ provider, url })).applied).toEqual(all.slice(upgradeIndex).map((m) => m.name));
    const after = await createDb({ provider, url });
    try {
      expect(await after.institution.findUnique({ where: { id: "i1" } })).toMatchObject({ slug: "enu", credentialFormat: "vc+jwt" });
      expect(await after.institutionKey.count()).toBe(1);
      expect(await after.apiToken.count()).toBe(1);
    } finally {
      await after.$disconnect();
    }
  });
});
