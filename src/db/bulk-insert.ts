// Multi-row INSERTs for the bulk paths (cohort awards). Prisma's createMany costs about 1 ms per wide row
// here; one parameterised INSERT … VALUES (…), (…) per few hundred rows is an order of magnitude cheaper.
// Values are written the way Prisma writes them, so Prisma reads them back unchanged.
import type { DbProvider } from "../config.js";
import type { Tx } from "./client.js";

export type ColumnKind = "text" | "int" | "float" | "bool" | "json" | "timestamp";
export type Columns = readonly (readonly [name: string, kind: ColumnKind])[];

// Stay well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const MAX_PARAMETERS = 20_000;

/** Prisma's SQLite encoding of a DateTime: ISO 8601 with milliseconds and an explicit +00:00 offset. */
const sqliteTimestamp = (d: Date) => d.toISOString().replace("Z", "+00:00");

function encode(value: unknown, kind: ColumnKind, provider: DbProvider): unknown {
  // A JSON column holds JSON: null there is the JSON value null, not SQL NULL.
  if (kind === "json") return value === undefined ? null : JSON.stringify(value);
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "timestamp":
      return provider === "sqlite" ? sqliteTimestamp(value as Date) : (value as Date).toISOString();
    case "bool":
      return provider === "sqlite" ? (value ? 1 : 0) : Boolean(value);
    default:
      return value;
  }
}

const PG_CAST: Record<ColumnKind, string> = {
  text: "",
  int: "::integer",
  float: "::double precision",
  bool: "::boolean",
  json: "::jsonb",
  timestamp: "::timestamp(3)",
};

export async function bulkInsert(
  client: Tx,
  provider: DbProvider,
  table: string,
  columns: Columns,
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const columnList = columns.map(([name]) => `"${name}"`).join(", ");
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = slice.map((row) => {
      const placeholders = columns.map(([, kind], i) => {
        params.push(encode(row[i], kind, provider));
        return provider === "sqlite" ? "?" : `$${params.length}${PG_CAST[kind]}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    await client.$executeRawUnsafe(`INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(", ")}`, ...params);
  }
}
