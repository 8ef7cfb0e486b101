// Helpers for scripts that drive the Prisma CLI for one engine.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const scratch = mkdtempSync(path.join(tmpdir(), "kualik-prisma-cli-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

export type Engine = "sqlite" | "postgres";
export const ENGINES: readonly Engine[] = ["sqlite", "postgres"];

export function prisma(engine: Engine, args: string[], env: Record<string, string> = {}): { status: number; stdout: string; out: string } {
  const run = spawnSync("npx", ["--no-install", "prisma", ...args], {
    env: {
      ...process.env,
      DB_PROVIDER: engine,
      // The SQLite driver adapter opens this file even for commands that only compare schemas.
      DATABASE_URL:
        engine === "sqlite"
          ? `file:${path.join(scratch, "cli.db")}`
          : (process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      ...env,
    },
    encoding: "utf8",
  });
  return { status: run.status ?? 1, stdout: run.stdout, out: `${run.stdout}${run.stderr}` };
}

/** A schema folder holding the engine's generator/datasource and the given models file. */
export function schemaFolderWith(engine: Engine, modelsFile: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `kualik-schema-${engine}-`));
  cpSync(path.join("prisma", engine, "schema.prisma"), path.join(dir, "schema.prisma"));
  cpSync(modelsFile, path.join(dir, "models.prisma"));
  return dir;
}

/** `prisma migrate diff` from the models of the newest migration (the snapshot) to the current models. */
export function diffFromSnapshot(engine: Engine, mode: "--script" | "--exit-code"): { status: number; stdout: string; out: string } {
  const from = schemaFolderWith(engine, "prisma/snapshot/models.prisma");
  try {
    return prisma(engine, ["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", `prisma/${engine}`, mode]);
  } finally {
    rmSync(from, { recursive: true, force: true });
  }
}
