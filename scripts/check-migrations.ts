// Fails when prisma/models.prisma changed without a migration, or when the migrations of an engine do
// not build the schema the snapshot describes. Part of `npm run check` and CI.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "../src/db/migrate.js";
import { diffFromSnapshot, ENGINES, prisma, schemaFolderWith } from "./prisma-cli.js";

let failed = false;

if (readFileSync("prisma/models.prisma", "utf8") !== readFileSync("prisma/snapshot/models.prisma", "utf8")) {
  for (const engine of ENGINES) {
    const diff = diffFromSnapshot(engine, "--exit-code");
    if (diff.status === 2) {
      console.error(`${engine}: prisma/models.prisma has changes no migration covers. Run: npm run db:migration -- <name>`);
      failed = true;
    } else if (diff.status !== 0) {
      console.error(diff.out);
      failed = true;
    }
  }
}

// SQLite: the migrations, applied in order, must give the same tables and indexes as the snapshot.
const dir = mkdtempSync(path.join(tmpdir(), "kualik-check-"));
try {
  const viaMigrations = path.join(dir, "migrated.db");
  await migrate({ provider: "sqlite", url: `file:${viaMigrations}` });
  const from = schemaFolderWith("sqlite", "prisma/snapshot/models.prisma");
  const script = prisma("sqlite", ["migrate", "diff", "--from-empty", "--to-schema-datamodel", from, "--script"]);
  rmSync(from, { recursive: true, force: true });
  if (script.status !== 0 || !/CREATE TABLE/.test(script.stdout)) throw new Error(`prisma migrate diff failed:\n${script.out}`);
  const direct = new Database(path.join(dir, "direct.db"));
  direct.exec(script.stdout.replace(/^(Loaded|Prisma) .*\n/gm, ""));
  const shape = (db: Database.Database) =>
    (
      db
        .prepare(
          `SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY type, name`,
        )
        .all() as { sql: string | null }[]
    )
      .map((r) => JSON.stringify({ ...r, sql: r.sql?.replace(/\s+/g, " ") }))
      .join("\n");
  const migrated = new Database(viaMigrations);
  if (shape(migrated) !== shape(direct)) {
    console.error("sqlite: the migrations do not build the schema in prisma/snapshot/models.prisma");
    failed = true;
  }
  migrated.close();
  direct.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// PostgreSQL: Prisma can compare the migrations with the models itself (it needs a reachable server).
const pg = prisma("postgres", [
  "migrate",
  "diff",
  "--from-migrations",
  "prisma/postgres/migrations",
  "--to-schema-datamodel",
  "prisma/postgres",
  "--exit-code",
]);
if (pg.status === 2) {
  console.error("postgres: the migrations do not build prisma/models.prisma");
  failed = true;
} else if (pg.status !== 0) {
  console.warn(`postgres: not checked (${pg.out.trim().split("\n").pop()})`);
}

if (failed) process.exit(1);
console.log("migrations match the models on both engines");
