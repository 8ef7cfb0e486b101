import type { Prisma } from "../../../generated/postgres/client.js";
import type { Letter } from "../../domain/grading/letter-scale.js";
import { AppError } from "../../errors.js";
import type { Db } from "../client.js";
import { uniqueViolation } from "../errors.js";
import { clientOf } from "../transaction.js";
import { bulkInsert, type Columns } from "../bulk-insert.js";
import type { DbProvider } from "../../config.js";

export interface Learner {
  readonly id: string;
  readonly institutionId: string;
  readonly fullName: string;
  readonly iin: string;
  readonly email: string | null;
  readonly holderDid: string | null;
  /** The curriculum the learner is enrolled in (recognition re-credits its disciplines). */
  readonly curriculumId: string | null;
  readonly createdAt: Date;
}

export interface Attestation {
  readonly id: string;
  readonly institutionId: string;
  readonly programmeId: string;
  readonly learnerId: string;
  readonly session: string;
  readonly heldOn: string;
  readonly resultKind: "percent" | "letter";
  readonly percent: number | null;
  readonly letter: Letter;
  readonly gpa: number;
  readonly passing: boolean;
  readonly createdAt: Date;
}

const learnerFromRow = (r: Prisma.LearnerGetPayload<object>): Learner => ({
  id: r.id,
  institutionId: r.institutionId,
  fullName: r.fullName,
  iin: r.iin,
  email: r.email,
  holderDid: r.holderDid,
  curriculumId: r.curriculumId,
  createdAt: r.createdAt,
});

const attestationFromRow = (r: Prisma.AttestationGetPayload<object>): Attestation => ({
  id: r.id,
  institutionId: r.institutionId,
  programmeId: r.programmeId,
  learnerId: r.learnerId,
  session: r.session,
  heldOn: r.heldOn,
  resultKind: r.resultKind as Attestation["resultKind"],
  percent: r.percent,
  letter: r.letter as Letter,
  gpa: r.gpa,
  passing: r.passing,
  createdAt: r.createdAt,
});

const LEARNER_COLUMNS: Columns = [
  ["id", "text"],
  ["institutionId", "text"],
  ["fullName", "text"],
  ["iin", "text"],
  ["email", "text"],
  ["holderDid", "text"],
  ["createdAt", "timestamp"],
  ["updatedAt", "timestamp"],
];
const ATTESTATION_COLUMNS: Columns = [
  ["id", "text"],
  ["institutionId", "text"],
  ["programmeId", "text"],
  ["learnerId", "text"],
  ["session", "text"],
  ["heldOn", "text"],
  ["resultKind", "text"],
  ["percent", "float"],
  ["letter", "text"],
  ["gpa", "float"],
  ["passing", "bool"],
  ["createdAt", "timestamp"],
];

export function learnersRepository(db: Db, provider: DbProvider) {
  return {
    async create(data: Omit<Learner, "createdAt">): Promise<Learner> {
      try {
        return learnerFromRow(await clientOf(db).learner.create({ data }));
      } catch (error) {
        if (uniqueViolation(error)) {
          const existing = await clientOf(db).learner.findUnique({
            where: { institutionId_iin: { institutionId: data.institutionId, iin: data.iin } },
          });
          throw new AppError(
            "LEARNER_IIN_TAKEN",
            { learnerId: existing?.id ?? "?" },
            { cause: error, details: { learnerId: existing?.id } },
          );
        }
        throw error;
      }
    },
    async findById(institutionId: string, id: string): Promise<Learner | null> {
      const row = await clientOf(db).learner.findFirst({ where: { id, institutionId } });
      return row ? learnerFromRow(row) : null;
    },
    async findByIin(institutionId: string, iin: string): Promise<Learner | null> {
      const row = await clientOf(db).learner.findUnique({ where: { institutionId_iin: { institutionId, iin } } });
      return row ? learnerFromRow(row) : null;
    },
    async update(id: string, changes: Partial<Pick<Learner, "fullName" | "email" | "holderDid" | "curriculumId">>): Promise<Learner> {
      return learnerFromRow(await clientOf(db).learner.update({ where: { id }, data: changes }));
    },
    async list(filter: {
      institutionId: string;
      search?: string;
      limit: number;
      offset: number;
    }): Promise<{ items: Learner[]; total: number }> {
      const where: Prisma.LearnerWhereInput = {
        institutionId: filter.institutionId,
        ...(filter.search
          ? {
              OR: [
                { fullName: { contains: filter.search } },
                { iin: { startsWith: filter.search } },
                { email: { contains: filter.search } },
              ],
            }
          : {}),
      };
      const client = clientOf(db);
      const [rows, total] = await Promise.all([
        client.learner.findMany({ where, orderBy: [{ fullName: "asc" }, { id: "asc" }], take: filter.limit, skip: filter.offset }),
        client.learner.count({ where }),
      ]);
      return { items: rows.map(learnerFromRow), total };
    },

    async findByIins(institutionId: string, iins: readonly string[]): Promise<Learner[]> {
      const rows = await clientOf(db).learner.findMany({ where: { institutionId, iin: { in: [...iins] } } });
      return rows.map(learnerFromRow);
    },
    async createMany(learners: readonly Learner[]): Promise<void> {
      const rows = learners.map((l) => [l.id, l.institutionId, l.fullName, l.iin, l.email, l.holderDid, l.createdAt, l.createdAt]);
      await bulkInsert(clientOf(db), provider, "Learner", LEARNER_COLUMNS, rows);
    },
    async findAttestations(programmeId: string, learnerIds: readonly string[]): Promise<Attestation[]> {
      const rows = await clientOf(db).attestation.findMany({ where: { programmeId, learnerId: { in: [...learnerIds] } } });
      return rows.map(attestationFromRow);
    },
    async createAttestations(attestations: readonly Attestation[]): Promise<void> {
      const rows = attestations.map((a) => ATTESTATION_COLUMNS.map(([name]) => a[name as keyof Attestation]));
      await bulkInsert(clientOf(db), provider, "Attestation", ATTESTATION_COLUMNS, rows);
    },
    async findAttestation(programmeId: string, learnerId: string, session: string): Promise<Attestation | null> {
      const row = await clientOf(db).attestation.findUnique({
        where: { programmeId_learnerId_session: { programmeId, learnerId, session } },
      });
      return row ? attestationFromRow(row) : null;
    },
    async findAttestationById(institutionId: string, id: string): Promise<Attestation | null> {
      const row = await clientOf(db).attestation.findFirst({ where: { id, institutionId } });
      return row ? attestationFromRow(row) : null;
    },
    async createAttestation(data: Omit<Attestation, "createdAt">): Promise<Attestation> {
      return attestationFromRow(await clientOf(db).attestation.create({ data }));
    },
    async attestationsOfLearner(learnerId: string): Promise<Attestation[]> {
      const rows = await clientOf(db).attestation.findMany({ where: { learnerId }, orderBy: { heldOn: "asc" } });
      return rows.map(attestationFromRow);
    },
    async listAttestations(filter: {
      programmeId: string;
      limit: number;
      offset: number;
    }): Promise<{ items: Attestation[]; total: number }> {
      const client = clientOf(db);
      const where = { programmeId: filter.programmeId };
      const [rows, total] = await Promise.all([
        client.attestation.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: filter.limit, skip: filter.offset }),
        client.attestation.count({ where }),
      ]);
      return { items: rows.map(attestationFromRow), total };
    },
  };
}

export type LearnersRepository = ReturnType<typeof learnersRepository>;
