import type { Prisma } from "../../../generated/postgres/client.js";
import type { AwardRow } from "../../domain/qualifications/award-rows.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";
import { bulkInsert, type Columns } from "../bulk-insert.js";
import type { DbProvider } from "../../config.js";
import type { CredentialFormat } from "./credentials.js";

export type BatchStatus = "queued" | "running" | "completed" | "failed";
export type RowOutcome = "issued" | "already_issued" | "failed";

/** A row as stored with the batch: either checked and ready, or refused before processing. */
export type StoredRow =
  | { readonly kind: "ok"; readonly data: AwardRow }
  | { readonly kind: "refused"; readonly row: number; readonly code: string; readonly message: string };

export interface AwardBatch {
  readonly id: string;
  readonly institutionId: string;
  readonly programmeId: string;
  readonly format: CredentialFormat;
  readonly status: BatchStatus;
  readonly total: number;
  readonly processed: number;
  readonly issued: number;
  readonly alreadyIssued: number;
  readonly failed: number;
  readonly fileName: string | null;
  readonly createdBy: string;
  readonly error: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly finishedAt: Date | null;
  readonly heartbeatAt: Date | null;
}

export interface BatchRowResult {
  readonly row: number;
  readonly outcome: RowOutcome;
  readonly credentialId: string | null;
  readonly learnerId: string | null;
  readonly errorCode: string | null;
  readonly message: string | null;
}

const summaryColumns = {
  id: true,
  institutionId: true,
  programmeId: true,
  format: true,
  status: true,
  total: true,
  processed: true,
  issued: true,
  alreadyIssued: true,
  failed: true,
  fileName: true,
  createdBy: true,
  error: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
  heartbeatAt: true,
} as const;

const fromRow = (r: Prisma.AwardBatchGetPayload<{ select: typeof summaryColumns }>): AwardBatch => ({
  ...r,
  format: r.format as CredentialFormat,
  status: r.status as BatchStatus,
});

const RESULT_COLUMNS: Columns = [
  ["batchId", "text"],
  ["row", "int"],
  ["outcome", "text"],
  ["credentialId", "text"],
  ["learnerId", "text"],
  ["errorCode", "text"],
  ["message", "text"],
];

export function awardBatchesRepository(db: Db, provider: DbProvider) {
  return {
    async create(data: {
      id: string;
      institutionId: string;
      programmeId: string;
      format: CredentialFormat;
      rows: readonly StoredRow[];
      fileName: string | null;
      createdBy: string;
    }): Promise<AwardBatch> {
      const row = await clientOf(db).awardBatch.create({
        data: { ...data, status: "queued", total: data.rows.length, rows: data.rows as unknown as Prisma.InputJsonValue },
        select: summaryColumns,
      });
      return fromRow(row);
    },
    async find(id: string): Promise<AwardBatch | null> {
      const row = await clientOf(db).awardBatch.findUnique({ where: { id }, select: summaryColumns });
      return row ? fromRow(row) : null;
    },
    async rows(id: string): Promise<StoredRow[]> {
      const row = await clientOf(db).awardBatch.findUniqueOrThrow({ where: { id }, select: { rows: true } });
      return row.rows as unknown as StoredRow[];
    },
    async doneRowNumbers(id: string): Promise<Set<number>> {
      const rows = await clientOf(db).awardBatchRow.findMany({ where: { batchId: id }, select: { row: true } });
      return new Set(rows.map((r) => r.row));
    },
    async list(filter: {
      institutionId: string;
      programmeId?: string;
      limit: number;
      offset: number;
    }): Promise<{ items: AwardBatch[]; total: number }> {
      const client = clientOf(db);
      const where = { institutionId: filter.institutionId, programmeId: filter.programmeId };
      const [rows, total] = await Promise.all([
        client.awardBatch.findMany({
          where,
          select: summaryColumns,
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          take: filter.limit,
          skip: filter.offset,
        }),
        client.awardBatch.count({ where }),
      ]);
      return { items: rows.map(fromRow), total };
    },
    /** Batches left running by a process that stopped (no heartbeat since `staleBefore`), or never started. */
    async unfinished(staleBefore: Date): Promise<AwardBatch[]> {
      const rows = await clientOf(db).awardBatch.findMany({
        where: { OR: [{ status: "queued" }, { status: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] }] },
        select: summaryColumns,
        orderBy: { createdAt: "asc" },
      });
      return rows.map(fromRow);
    },
    /**
     * Takes the batch for this process: only a queued batch, or a running one whose process stopped
     * sending heartbeats before `staleBefore`, can be taken. Returns false when another process has it.
     */
    async claim(id: string, at: Date, staleBefore: Date): Promise<boolean> {
      const { count } = await clientOf(db).awardBatch.updateMany({
        where: { id, OR: [{ status: "queued" }, { status: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] }] },
        data: { status: "running", heartbeatAt: at },
      });
      return count === 1;
    },
    async setStatus(id: string, status: BatchStatus, at: Date, error?: string): Promise<void> {
      await clientOf(db).awardBatch.update({
        where: { id },
        data: {
          status,
          heartbeatAt: at,
          ...(status === "completed" || status === "failed" ? { finishedAt: at } : {}),
          ...(error ? { error } : {}),
        },
      });
    },
    async recordChunk(id: string, results: readonly BatchRowResult[], at: Date): Promise<void> {
      const client = clientOf(db);
      await bulkInsert(
        client,
        provider,
        "AwardBatchRow",
        RESULT_COLUMNS,
        results.map((r) => [id, r.row, r.outcome, r.credentialId, r.learnerId, r.errorCode, r.message]),
      );
      const count = (outcome: RowOutcome) => results.filter((r) => r.outcome === outcome).length;
      await client.awardBatch.update({
        where: { id },
        data: {
          processed: { increment: results.length },
          issued: { increment: count("issued") },
          alreadyIssued: { increment: count("already_issued") },
          failed: { increment: count("failed") },
          heartbeatAt: at,
        },
      });
    },
    async results(id: string, filter: { outcome?: RowOutcome; limit: number; offset: number }): Promise<BatchRowResult[]> {
      const rows = await clientOf(db).awardBatchRow.findMany({
        where: { batchId: id, outcome: filter.outcome },
        orderBy: { row: "asc" },
        take: filter.limit,
        skip: filter.offset,
      });
      return rows.map((r) => ({
        row: r.row,
        outcome: r.outcome as RowOutcome,
        credentialId: r.credentialId,
        learnerId: r.learnerId,
        errorCode: r.errorCode,
        message: r.message,
      }));
    },
  };
}

export type AwardBatchesRepository = ReturnType<typeof awardBatchesRepository>;
