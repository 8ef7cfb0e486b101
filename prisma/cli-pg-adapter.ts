// Used only by the Prisma CLI (prisma.config.ts), never at run time.
// Prisma 6.19's JS schema engine talks to PostgreSQL through @prisma/adapter-pg, which as shipped
// (a) cannot decode the catalogue column types `name` and `"char"` the engine selects (prisma/orm#27403),
// and (b) opens its shadow database on the main database when given a connection string.
// This adapter reports those catalogue types as text and builds the shadow database itself.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// OIDs: 19 name, 18 "char" -> 25 text; 1003 name[], 1002 "char"[] -> 1009 text[].
const AS_TEXT = new Map<number, number>([
  [19, 25],
  [18, 25],
  [1003, 1009],
  [1002, 1009],
]);

interface FieldLike {
  dataTypeID: number;
}
interface ResultLike {
  fields?: FieldLike[];
}

function retypeCatalogueColumns<T>(result: T): T {
  const results = (Array.isArray(result) ? result : [result]) as ResultLike[];
  for (const r of results) {
    for (const field of r?.fields ?? []) {
      const replacement = AS_TEXT.get(field.dataTypeID);
      if (replacement !== undefined) field.dataTypeID = replacement;
    }
  }
  return result;
}

class CatalogueSafeClient extends pg.Client {
  // pg's query() has many overloads; we only wrap whatever comes back, so the signature stays loose.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    const callQuery = super.query.bind(this) as (...a: unknown[]) => unknown;
    if (typeof last === "function") {
      const callback = last as (err: unknown, res: unknown) => void;
      args[args.length - 1] = (err: unknown, res: unknown) => callback(err, err ? res : retypeCatalogueColumns(res));
      return callQuery(...args) as never;
    }
    const out = callQuery(...args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(retypeCatalogueColumns) as never;
    }
    return out as never;
  }
}

interface ScriptRunner {
  executeScript(script: string): Promise<void>;
  dispose(): Promise<void>;
}

export class CliPrismaPg extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super({ ...poolConfig, Client: CatalogueSafeClient } as pg.PoolConfig);
  }

  override async connectToShadowDb() {
    const main = (await this.connect()) as unknown as ScriptRunner;
    // The adapter class itself is not exported; reuse the constructor of the one we have.
    const AdapterClass = (main as object).constructor as new (
      pool: pg.Pool,
      options: undefined,
      release: () => Promise<void>,
    ) => Awaited<ReturnType<PrismaPg["connectToShadowDb"]>>;
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const pool = new pg.Pool({ ...this.poolConfig, database, Client: CatalogueSafeClient } as pg.PoolConfig);
    pool.on("error", () => {}); // connections are cut when the shadow database is dropped
    return new AdapterClass(pool, undefined, async () => {
      await pool.end();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    });
  }
}

/** Discrete fields, not a connection string: pg lets a connection string override `database`. */
export function poolConfigFromUrl(url: URL): pg.PoolConfig {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
  };
}
