import type { InstitutionRole } from "../../domain/access/roles.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";

export interface ApiTokenRecord {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly institutionId: string | null;
  readonly roles: readonly InstitutionRole[];
  readonly platformAdmin: boolean;
  readonly createdByUserId: string | null;
  /** A personal token acts as this user, with the user's current roles. */
  readonly userId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

interface Row extends Omit<ApiTokenRecord, "roles"> {
  roles: unknown;
}

const fromRow = (row: Row): ApiTokenRecord => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  institutionId: row.institutionId,
  roles: row.roles as InstitutionRole[],
  platformAdmin: row.platformAdmin,
  createdByUserId: row.createdByUserId,
  userId: row.userId,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
  lastUsedAt: row.lastUsedAt,
});

const columns = {
  id: true,
  name: true,
  prefix: true,
  institutionId: true,
  roles: true,
  platformAdmin: true,
  createdByUserId: true,
  userId: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
} as const;

export function apiTokensRepository(db: Db) {
  return {
    async create(data: Omit<ApiTokenRecord, "createdAt" | "revokedAt" | "lastUsedAt"> & { tokenHash: string; createdAt: Date }) {
      const row = await clientOf(db).apiToken.create({ data: { ...data, roles: [...data.roles] }, select: columns });
      return fromRow(row);
    },
    async findByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
      const row = await clientOf(db).apiToken.findUnique({ where: { tokenHash }, select: columns });
      return row ? fromRow(row) : null;
    },
    async findById(id: string): Promise<ApiTokenRecord | null> {
      const row = await clientOf(db).apiToken.findUnique({ where: { id }, select: columns });
      return row ? fromRow(row) : null;
    },
    async list(filter: { institutionId: string | null }): Promise<ApiTokenRecord[]> {
      const rows = await clientOf(db).apiToken.findMany({
        where: { institutionId: filter.institutionId },
        select: columns,
        orderBy: { createdAt: "desc" },
      });
      return rows.map(fromRow);
    },
    /** Every token (institutions', the platform's and personal ones), newest first, a page at a time. */
    async page(filter: { limit: number; offset: number }): Promise<{ items: ApiTokenRecord[]; total: number }> {
      const client = clientOf(db);
      const [rows, total] = await Promise.all([
        client.apiToken.findMany({
          select: columns,
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          take: filter.limit,
          skip: filter.offset,
        }),
        client.apiToken.count(),
      ]);
      return { items: rows.map(fromRow), total };
    },
    async revoke(id: string, at: Date): Promise<ApiTokenRecord> {
      return fromRow(await clientOf(db).apiToken.update({ where: { id }, data: { revokedAt: at }, select: columns }));
    },
    async touch(id: string, at: Date): Promise<void> {
      await clientOf(db).apiToken.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
    },
  };
}

export type ApiTokensRepository = ReturnType<typeof apiTokensRepository>;
