import type { Prisma } from "../../../generated/postgres/client.js";
import type { ProgrammeContent, ProgrammeStatus } from "../../domain/qualifications/programme.js";
import { AppError } from "../../errors.js";
import type { Db } from "../client.js";
import { uniqueViolation } from "../errors.js";
import { clientOf } from "../transaction.js";

export interface Programme {
  readonly id: string;
  readonly institutionId: string;
  readonly code: string;
  readonly status: ProgrammeStatus;
  readonly content: ProgrammeContent;
  readonly credits: number;
  readonly hours: number;
  readonly approval: { readonly decisionNumber: string; readonly decisionDate: string; readonly approvedAt: Date } | null;
  readonly publishedAt: Date | null;
  readonly retiredAt: Date | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

type Row = Prisma.ProgrammeGetPayload<object>;

function fromRow(row: Row): Programme {
  return {
    id: row.id,
    institutionId: row.institutionId,
    code: row.code,
    status: row.status as ProgrammeStatus,
    content: row.content as unknown as ProgrammeContent,
    credits: row.credits,
    hours: row.hours,
    approval:
      row.approvalDecisionNumber && row.approvalDecisionDate && row.approvedAt
        ? { decisionNumber: row.approvalDecisionNumber, decisionDate: row.approvalDecisionDate, approvedAt: row.approvedAt }
        : null,
    publishedAt: row.publishedAt,
    retiredAt: row.retiredAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const json = (content: ProgrammeContent) => content as unknown as Prisma.InputJsonValue;

export interface ProgrammeFilter {
  readonly institutionId: string;
  readonly status?: ProgrammeStatus;
  readonly search?: string;
  readonly limit: number;
  readonly offset: number;
}

export function programmesRepository(db: Db) {
  return {
    async create(data: {
      id: string;
      institutionId: string;
      code: string;
      content: ProgrammeContent;
      credits: number;
      hours: number;
    }): Promise<Programme> {
      try {
        const row = await clientOf(db).programme.create({ data: { ...data, status: "draft", content: json(data.content) } });
        return fromRow(row);
      } catch (error) {
        if (uniqueViolation(error)) throw new AppError("PROGRAMME_CODE_TAKEN", { code: data.code }, { cause: error });
        throw error;
      }
    },
    async find(institutionId: string, code: string): Promise<Programme | null> {
      const row = await clientOf(db).programme.findUnique({ where: { institutionId_code: { institutionId, code } } });
      return row ? fromRow(row) : null;
    },
    async findById(id: string): Promise<Programme | null> {
      const row = await clientOf(db).programme.findUnique({ where: { id } });
      return row ? fromRow(row) : null;
    },
    async list(filter: ProgrammeFilter): Promise<{ items: Programme[]; total: number }> {
      // Names live inside the JSON content; the search matches the code or the English/Russian/Kazakh
      // name through a text search on the serialised content, which both engines can do.
      const where: Prisma.ProgrammeWhereInput = {
        institutionId: filter.institutionId,
        ...(filter.status ? { status: filter.status } : {}),
      };
      const client = clientOf(db);
      if (!filter.search) {
        const [rows, total] = await Promise.all([
          client.programme.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: filter.limit, skip: filter.offset }),
          client.programme.count({ where }),
        ]);
        return { items: rows.map(fromRow), total };
      }
      const needle = filter.search.toLocaleLowerCase();
      const all = (await client.programme.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }] })).map(fromRow);
      const matching = all.filter(
        (p) =>
          p.code.toLocaleLowerCase().includes(needle) || Object.values(p.content.names).some((n) => n.toLocaleLowerCase().includes(needle)),
      );
      return { items: matching.slice(filter.offset, filter.offset + filter.limit), total: matching.length };
    },
    /** Writes only if the stored version is still `expectedVersion`; returns null otherwise. */
    async update(
      id: string,
      expectedVersion: number,
      changes: Partial<{
        status: ProgrammeStatus;
        content: ProgrammeContent;
        credits: number;
        hours: number;
        approvalDecisionNumber: string | null;
        approvalDecisionDate: string | null;
        approvedAt: Date | null;
        publishedAt: Date | null;
        retiredAt: Date | null;
      }>,
    ): Promise<Programme | null> {
      const client = clientOf(db);
      const { count } = await client.programme.updateMany({
        where: { id, version: expectedVersion },
        data: { ...changes, content: changes.content ? json(changes.content) : undefined, version: { increment: 1 } },
      });
      if (count === 0) return null;
      return fromRow(await client.programme.findUniqueOrThrow({ where: { id } }));
    },
  };
}

export type ProgrammesRepository = ReturnType<typeof programmesRepository>;
