// The one place a PrismaClient is made. Both generated clients share the models, so the app is typed
// against one of them (Db) and the other is cast: their only differences are provider-specific
// options such as transaction isolation levels, which we do not use.
import { fileURLToPath } from "node:url";
import type { Prisma, PrismaClient as PostgresClient } from "../../generated/postgres/client.js";
import type { DbProvider } from "../config.js";

export type Db = PostgresClient;
/** The client handed to a callback of db.$transaction(async (tx) => …). */
export type Tx = Prisma.TransactionClient;

export interface DatabaseSettings {
  readonly provider: DbProvider;
  readonly url: string;
}

export async function createDb(settings: DatabaseSettings): Promise<Db> {
  if (settings.provider === "postgres") {
    const { PrismaClient } = await import("../../generated/postgres/client.js");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: settings.url }) });
  }
  const { PrismaClient } = await import("../../generated/sqlite/client.js");
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(settings.url) }) });
  return client as unknown as Db;
}

/** file:./data/x.db, file:/abs/x.db and file:///abs/x.db → a filesystem path. */
export function sqliteFilePath(url: string): string {
  if (url.startsWith("file://")) return fileURLToPath(url);
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
