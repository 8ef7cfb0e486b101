// Helpers for scripts that drive the Prisma CLI for one engine.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type Engine = "sqlite" | "postgres";
export const ENGINES: readonly Engine[] = ["sqlite", "postgres"];

export function prisma(engine: Engine, args: string[], env: Record<string, string> = {}): { status: number; stdout: string; out: string } {
  const run = spawnSync("npx", ["--no-install", "prisma", ...args], {
    env: {
      ...process.env,
      DB_PROVIDER: engine,
      DATABASE_URL:
        engine === "sqlite" ? "file:./data/kualik.db" : (process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test"),
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

export function writeFile(file: string, text: string): void {
  writeFileSync(file, text);
}
