import type { Grant, InstitutionRole } from "../../domain/access/roles.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";
import { uniqueViolation } from "../errors.js";
import { AppError } from "../../errors.js";

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly fullName: string;
  readonly isPlatformAdmin: boolean;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
  readonly grants: readonly Grant[];
}

const include = { memberships: { select: { institutionId: true, role: true }, orderBy: { createdAt: "asc" } } } as const;

interface Row {
  id: string;
  email: string;
  fullName: string;
  isPlatformAdmin: boolean;
  disabledAt: Date | null;
  createdAt: Date;
  memberships: { institutionId: string; role: string }[];
}

const fromRow = (row: Row): UserRecord => ({
  id: row.id,
  email: row.email,
  fullName: row.fullName,
  isPlatformAdmin: row.isPlatformAdmin,
  disabledAt: row.disabledAt,
  createdAt: row.createdAt,
  grants: row.memberships.map((m) => ({ institutionId: m.institutionId, role: m.role as InstitutionRole })),
});

export function usersRepository(db: Db) {
  return {
    async create(data: { id: string; email: string; fullName: string; isPlatformAdmin: boolean }): Promise<UserRecord> {
      try {
        return fromRow(await clientOf(db).user.create({ data, include }));
      } catch (error) {
        if (uniqueViolation(error)) throw new AppError("USER_EMAIL_TAKEN", { email: data.email }, { cause: error });
        throw error;
      }
    },
    async findById(id: string): Promise<UserRecord | null> {
      const row = await clientOf(db).user.findUnique({ where: { id }, include });
      return row ? fromRow(row) : null;
    },
    async findByEmail(email: string): Promise<UserRecord | null> {
      const row = await clientOf(db).user.findUnique({ where: { email }, include });
      return row ? fromRow(row) : null;
    },
    /** What sign-in needs, which is never part of a UserRecord: the password hash and the lock-out state. */
    async credentialsOf(email: string): Promise<{
      id: string;
      passwordHash: string | null;
      failedSignIns: number;
      lockedUntil: Date | null;
      disabledAt: Date | null;
    } | null> {
      return clientOf(db).user.findUnique({
        where: { email },
        select: { id: true, passwordHash: true, failedSignIns: true, lockedUntil: true, disabledAt: true },
      });
    },
    async setPassword(id: string, passwordHash: string): Promise<void> {
      await clientOf(db).user.update({ where: { id }, data: { passwordHash, failedSignIns: 0, lockedUntil: null } });
    },
    async signInFailed(id: string, lockAfter: number, lockedUntil: Date): Promise<number> {
      const row = await clientOf(db).user.update({
        where: { id },
        data: { failedSignIns: { increment: 1 } },
        select: { failedSignIns: true },
      });
      if (row.failedSignIns >= lockAfter) await clientOf(db).user.update({ where: { id }, data: { lockedUntil, failedSignIns: 0 } });
      return row.failedSignIns;
    },
    async signInSucceeded(id: string): Promise<void> {
      await clientOf(db).user.update({ where: { id }, data: { failedSignIns: 0, lockedUntil: null } });
    },
    async list(filter: { institutionId?: string }): Promise<UserRecord[]> {
      const rows = await clientOf(db).user.findMany({
        where: filter.institutionId ? { memberships: { some: { institutionId: filter.institutionId } } } : {},
        include,
        orderBy: { email: "asc" },
      });
      return rows.map(fromRow);
    },
    async grant(data: { id: string; userId: string; institutionId: string; role: InstitutionRole }): Promise<boolean> {
      const client = clientOf(db);
      const existing = await client.membership.findUnique({
        where: { userId_institutionId_role: { userId: data.userId, institutionId: data.institutionId, role: data.role } },
      });
      if (existing) return false;
      await client.membership.create({ data });
      return true;
    },
    async revokeGrant(data: { userId: string; institutionId: string; role: InstitutionRole }): Promise<boolean> {
      const { count } = await clientOf(db).membership.deleteMany({ where: data });
      return count > 0;
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
