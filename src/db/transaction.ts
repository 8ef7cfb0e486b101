// runInTransaction(db, fn): everything the repositories do inside fn — including writes that Veramo makes
// through our key and DID stores — joins one database transaction, so a crash or an error part-way
// leaves nothing half-written. Repositories find the open transaction through AsyncLocalStorage.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, Tx } from "./client.js";

const current = new AsyncLocalStorage<Tx>();

/** The client to use right now: the open transaction if there is one, else the database. */
export function clientOf(db: Db): Tx {
  return current.getStore() ?? db;
}

export async function runInTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const open = current.getStore();
  if (open) return fn(open); // already inside one: join it
  return db.$transaction((tx) => current.run(tx, () => fn(tx)), { maxWait: 10_000, timeout: 30_000 });
}
