// npm run db:migration -- <name>
// Writes one migration per engine with the SQL that takes the database from the models of the newest
// migration (prisma/snapshot/models.prisma) to the current prisma/models.prisma, then moves the snapshot.
// (Prisma's own `migrate dev` needs a shadow database, which its SQLite driver adapter cannot provide.)
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffFromSnapshot, ENGINES } from "./prisma-cli.js";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z][a-z0-9_]{1,60}$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _, for example add_programmes)");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);

let wrote = 0;
for (const engine of ENGINES) {
  const diff = diffFromSnapshot(engine, "--script");
  if (diff.status !== 0) {
    console.error(diff.out);
    process.exit(1);
  }
  const sql = diff.stdout
    .replace(/^Loaded Prisma config.*\n|^Prisma config detected.*\n/gm, "")
    .replace(/^.*url will NOT be used.*\n/gm, "");
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA)\b/i.test(sql)) {
    console.log(`${engine}: no model changes`);
    continue;
  }
  const dir = path.join("prisma", engine, "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql.trimStart());
  console.log(`${engine}: wrote ${dir}/migration.sql`);
  wrote++;
}
if (wrote > 0) {
  copyFileSync("prisma/models.prisma", "prisma/snapshot/models.prisma");
  console.log("prisma/snapshot/models.prisma now matches prisma/models.prisma; review the SQL, then run npm test");
}
