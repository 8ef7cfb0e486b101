import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../generated/postgres/client.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly institutionId?: string | null;
  readonly subject?: string | null;
  readonly details?: Record<string, unknown>;
}

export interface AuditRecord extends Required<Omit<AuditEntry, "details">> {
  readonly id: string;
  readonly at: Date;
  readonly details: Record<string, unknown> | null;
}

export function auditRepository(db: Db) {
  return {
    /** Call inside the transaction of the change it records. */
    async record(entry: AuditEntry, at: Date): Promise<void> {
      await clientOf(db).auditEvent.create({
        data: {
          id: randomUUID(),
          at,
          actor: entry.actor,
          action: entry.action,
          institutionId: entry.institutionId ?? null,
          subject: entry.subject ?? null,
          details: (entry.details ?? undefined) as Prisma.InputJsonValue | undefined,
        },
      });
    },
    async listBySubject(subject: string): Promise<AuditRecord[]> {
      const rows = await clientOf(db).auditEvent.findMany({ where: { subject }, orderBy: [{ at: "asc" }, { id: "asc" }] });
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        institutionId: r.institutionId,
        subject: r.subject,
        details: (r.details as Record<string, unknown> | null) ?? null,
      }));
    },
    async list(filter: { institutionId?: string; limit: number; before?: Date }): Promise<AuditRecord[]> {
      const rows = await clientOf(db).auditEvent.findMany({
        where: { institutionId: filter.institutionId, at: filter.before ? { lt: filter.before } : undefined },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: filter.limit,
      });
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        institutionId: r.institutionId,
        subject: r.subject,
        details: (r.details as Record<string, unknown> | null) ?? null,
      }));
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
