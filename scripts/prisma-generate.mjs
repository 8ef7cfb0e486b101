// Generates both Prisma clients (SQLite and PostgreSQL) from prisma/models.prisma.
// DATABASE_URL only has to parse here; nothing connects.
import { spawnSync } from "node:child_process";

for (const provider of ["sqlite", "postgres"]) {
  const env = {
    ...process.env,
    DB_PROVIDER: provider,
    DATABASE_URL: provider === "sqlite" ? "file:./data/kualik.db" : "postgresql://postgres@127.0.0.1:5432/kualik",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  const run = spawnSync("npx", ["--no-install", "prisma", "generate", "--no-hints"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(run.status ?? 1);
  }
  process.stdout.write(`prisma client for ${provider} generated\n`);
}
