// Browser sessions of the staff console. The cookie carries a random id; only its SHA-256 is stored.
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";

export interface SessionRecord {
  readonly idHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly lastSeenAt: Date;
}

export function sessionsRepository(db: Db) {
  return {
    async create(data: Omit<SessionRecord, "createdAt">): Promise<void> {
      await clientOf(db).session.create({ data });
    },
    async find(idHash: string): Promise<SessionRecord | null> {
      return clientOf(db).session.findUnique({ where: { idHash } });
    },
    /** Sliding expiry: a session in use stays alive up to its idle limit. */
    async touch(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
      await clientOf(db).session.update({ where: { idHash }, data: { lastSeenAt, expiresAt } });
    },
    async remove(idHash: string): Promise<void> {
      await clientOf(db).session.deleteMany({ where: { idHash } });
    },
    async removeAllOf(userId: string): Promise<void> {
      await clientOf(db).session.deleteMany({ where: { userId } });
    },
    async removeExpired(now: Date): Promise<number> {
      return (await clientOf(db).session.deleteMany({ where: { expiresAt: { lte: now } } })).count;
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
