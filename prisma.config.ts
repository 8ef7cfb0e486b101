// Prisma CLI configuration (generate, migrate). The provider follows DATABASE_URL's scheme:
// file: → prisma/sqlite, postgresql:// → prisma/postgres. DB_PROVIDER overrides it (used by `db:generate`).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { CliPrismaPg, poolConfigFromUrl } from "./prisma/cli-pg-adapter.js";

const fromUrl = process.env.DATABASE_URL?.startsWith("postgres") ? "postgres" : "sqlite";
const provider = process.env.DB_PROVIDER === "postgres" || process.env.DB_PROVIDER === "sqlite" ? process.env.DB_PROVIDER : fromUrl;
// The schema's url = env("DATABASE_URL") must resolve, or the CLI falls back to downloading an engine.
const databaseUrl = (process.env.DATABASE_URL ??=
  provider === "sqlite" ? "file:./data/kualik.db" : "postgresql://postgres@127.0.0.1:5432/test");

export default defineConfig({
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () =>
    provider === "sqlite" ? new PrismaBetterSQLite3({ url: databaseUrl }) : new CliPrismaPg(poolConfigFromUrl(new URL(databaseUrl))),
});
