// Recognition applications with their documents, and the transcript entries their decisions lead to.
import type { Prisma } from "../../../generated/postgres/client.js";
import type { Procedure } from "../../domain/recognition/deadlines.js";
import type { AppendixCourse, ApplicationStage, Preparation, RecordedDecision } from "../../domain/recognition/application.js";
import type { ExpertConclusion } from "../../domain/recognition/expert-conclusion.js";
import type { Db } from "../client.js";
import { clientOf } from "../transaction.js";

export type DocumentKind = "certificate" | "identity_document" | "recognition_centre_document" | "other";

export interface ApplicationDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly file: { readonly name: string; readonly mediaType: string; readonly sha256: string } | null;
  /** As received: a JSON credential or presentation, or a JWT string. */
  readonly credential: unknown;
  readonly verification: Record<string, unknown> | null;
  readonly verdict: string | null;
  readonly issuerDid: string | null;
  readonly override: { readonly by: string; readonly reason: string; readonly at: string } | null;
  readonly position: number;
}

export interface RecognitionApplication {
  readonly id: string;
  readonly institutionId: string;
  readonly number: number;
  readonly procedure: Procedure;
  readonly learnerId: string;
  readonly curriculumId: string;
  readonly academicPeriodId: string;
  readonly disciplineCodes: readonly string[];
  readonly applicationText: string;
  readonly stage: ApplicationStage;
  readonly receivedOn: string;
  readonly forwardingDue: string;
  readonly forwardedOn: string | null;
  readonly expertGroupId: string | null;
  readonly conclusionDue: string | null;
  readonly concludedOn: string | null;
  readonly conclusion: (ExpertConclusion & { readonly by: string }) | null;
  readonly courses: readonly AppendixCourse[];
  readonly gradeScaleCode: string | null;
  readonly preparation: Preparation;
  readonly decision: RecordedDecision | null;
  readonly meetingId: string | null;
  readonly recordedOn: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly documents: readonly ApplicationDocument[];
}

export interface TranscriptEntry {
  readonly id: string;
  readonly learnerId: string;
  readonly curriculumId: string;
  readonly disciplineCode: string;
  readonly name: Record<string, string>;
  readonly credits: number;
  readonly hours: number;
  readonly letter: string;
  readonly gpa: number;
  readonly kind: "re_credited";
  readonly applicationId: string;
  readonly basis: Record<string, unknown>;
  readonly recordedOn: string;
  readonly recordedBy: string;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;
const jsonOrNull = (value: unknown) => (value === null || value === undefined ? (null as unknown as Prisma.InputJsonValue) : json(value));

type DocumentRow = Omit<Prisma.ApplicationDocumentGetPayload<object>, "content">;
const documentFromRow = (row: DocumentRow): ApplicationDocument => ({
  id: row.id,
  kind: row.kind as DocumentKind,
  title: row.title,
  file: row.fileName && row.mediaType && row.sha256 ? { name: row.fileName, mediaType: row.mediaType, sha256: row.sha256 } : null,
  credential: row.credential ?? null,
  verification: (row.verification as Record<string, unknown> | null) ?? null,
  verdict: row.verdict,
  issuerDid: row.issuerDid,
  override: (row.override as ApplicationDocument["override"]) ?? null,
  position: row.position,
});

const documentColumns = {
  id: true,
  kind: true,
  title: true,
  fileName: true,
  mediaType: true,
  sha256: true,
  credential: true,
  verification: true,
  verdict: true,
  issuerDid: true,
  override: true,
  position: true,
  applicationId: true,
  createdAt: true,
} as const;

type ApplicationRow = Prisma.RecognitionApplicationGetPayload<object>;
const applicationFromRow = (row: ApplicationRow, documents: readonly ApplicationDocument[]): RecognitionApplication => ({
  id: row.id,
  institutionId: row.institutionId,
  number: row.number,
  procedure: row.procedure as Procedure,
  learnerId: row.learnerId,
  curriculumId: row.curriculumId,
  academicPeriodId: row.academicPeriodId,
  disciplineCodes: row.disciplineCodes as string[],
  applicationText: row.applicationText,
  stage: row.stage as ApplicationStage,
  receivedOn: row.receivedOn,
  forwardingDue: row.forwardingDue,
  forwardedOn: row.forwardedOn,
  expertGroupId: row.expertGroupId,
  conclusionDue: row.conclusionDue,
  concludedOn: row.concludedOn,
  conclusion: (row.conclusion as unknown as RecognitionApplication["conclusion"]) ?? null,
  courses: row.courses as unknown as AppendixCourse[],
  gradeScaleCode: row.gradeScaleCode,
  preparation: row.preparation as unknown as Preparation,
  decision: (row.decision as unknown as RecordedDecision | null) ?? null,
  meetingId: row.meetingId,
  recordedOn: row.recordedOn,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  documents: [...documents].sort((a, b) => a.position - b.position),
});

export interface NewDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly file: { readonly name: string; readonly mediaType: string; readonly content: Buffer; readonly sha256: string } | null;
  readonly credential: unknown;
  readonly verification: Record<string, unknown> | null;
  readonly verdict: string | null;
  readonly issuerDid: string | null;
}

export type ApplicationChanges = Partial<
  Pick<
    RecognitionApplication,
    | "stage"
    | "forwardedOn"
    | "expertGroupId"
    | "conclusionDue"
    | "concludedOn"
    | "conclusion"
    | "courses"
    | "gradeScaleCode"
    | "preparation"
    | "decision"
    | "meetingId"
    | "recordedOn"
  >
>;

export interface ApplicationFilter {
  readonly institutionId: string;
  readonly stage?: ApplicationStage;
  readonly learnerId?: string;
  readonly expertGroupIds?: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

export function recognitionApplicationsRepository(db: Db) {
  const documentsOf = async (applicationIds: readonly string[]) => {
    if (applicationIds.length === 0) return new Map<string, ApplicationDocument[]>();
    const rows = await clientOf(db).applicationDocument.findMany({
      where: { applicationId: { in: [...applicationIds] } },
      select: documentColumns,
    });
    const byApplication = new Map<string, ApplicationDocument[]>();
    for (const row of rows) byApplication.set(row.applicationId, [...(byApplication.get(row.applicationId) ?? []), documentFromRow(row)]);
    return byApplication;
  };

  return {
    async nextNumber(institutionId: string): Promise<number> {
      const last = await clientOf(db).recognitionApplication.aggregate({ where: { institutionId }, _max: { number: true } });
      return (last._max.number ?? 0) + 1;
    },
    async create(
      data: Omit<
        RecognitionApplication,
        | "createdAt"
        | "updatedAt"
        | "version"
        | "documents"
        | "decision"
        | "meetingId"
        | "recordedOn"
        | "conclusion"
        | "concludedOn"
        | "conclusionDue"
        | "forwardedOn"
        | "expertGroupId"
      >,
      documents: readonly NewDocument[],
    ): Promise<RecognitionApplication> {
      await clientOf(db).recognitionApplication.create({
        data: {
          ...data,
          disciplineCodes: json(data.disciplineCodes),
          courses: json(data.courses),
          preparation: json(data.preparation),
        },
      });
      await this.addDocuments(data.id, documents, 0);
      return (await this.findById(data.institutionId, data.id))!;
    },
    async addDocuments(applicationId: string, documents: readonly NewDocument[], firstPosition: number): Promise<void> {
      for (const [i, d] of documents.entries()) {
        await clientOf(db).applicationDocument.create({
          data: {
            id: d.id,
            applicationId,
            kind: d.kind,
            title: d.title,
            fileName: d.file?.name ?? null,
            mediaType: d.file?.mediaType ?? null,
            content: d.file ? new Uint8Array(d.file.content) : null,
            sha256: d.file?.sha256 ?? null,
            credential: d.credential === null ? undefined : json(d.credential),
            verification: d.verification === null ? undefined : json(d.verification),
            verdict: d.verdict,
            issuerDid: d.issuerDid,
            position: firstPosition + i,
          },
        });
      }
    },
    async findById(institutionId: string, id: string): Promise<RecognitionApplication | null> {
      const row = await clientOf(db).recognitionApplication.findFirst({ where: { id, institutionId } });
      if (!row) return null;
      return applicationFromRow(row, (await documentsOf([row.id])).get(row.id) ?? []);
    },
    async list(filter: ApplicationFilter): Promise<{ items: RecognitionApplication[]; total: number }> {
      const where: Prisma.RecognitionApplicationWhereInput = {
        institutionId: filter.institutionId,
        ...(filter.stage ? { stage: filter.stage } : {}),
        ...(filter.learnerId ? { learnerId: filter.learnerId } : {}),
        ...(filter.expertGroupIds ? { expertGroupId: { in: [...filter.expertGroupIds] } } : {}),
      };
      const [rows, total] = await Promise.all([
        clientOf(db).recognitionApplication.findMany({ where, orderBy: { number: "desc" }, take: filter.limit, skip: filter.offset }),
        clientOf(db).recognitionApplication.count({ where }),
      ]);
      const documents = await documentsOf(rows.map((r) => r.id));
      return { items: rows.map((r) => applicationFromRow(r, documents.get(r.id) ?? [])), total };
    },
    /** Optimistic: changes only the version read; returns false when someone else changed it first. */
    async update(id: string, version: number, changes: ApplicationChanges): Promise<boolean> {
      const data: Prisma.RecognitionApplicationUpdateManyMutationInput = {
        ...changes,
        conclusion: changes.conclusion === undefined ? undefined : jsonOrNull(changes.conclusion),
        courses: changes.courses === undefined ? undefined : json(changes.courses),
        preparation: changes.preparation === undefined ? undefined : json(changes.preparation),
        decision: changes.decision === undefined ? undefined : jsonOrNull(changes.decision),
        version: { increment: 1 },
      };
      const result = await clientOf(db).recognitionApplication.updateMany({ where: { id, version }, data });
      return result.count === 1;
    },
    async setOverride(documentId: string, override: NonNullable<ApplicationDocument["override"]>): Promise<void> {
      await clientOf(db).applicationDocument.update({ where: { id: documentId }, data: { override: json(override) } });
    },
    async documentFile(applicationId: string, documentId: string): Promise<{ name: string; mediaType: string; content: Buffer } | null> {
      const row = await clientOf(db).applicationDocument.findFirst({
        where: { id: documentId, applicationId },
        select: { fileName: true, mediaType: true, content: true },
      });
      if (!row?.content || !row.fileName || !row.mediaType) return null;
      return { name: row.fileName, mediaType: row.mediaType, content: Buffer.from(row.content) };
    },

    async addTranscriptEntries(entries: readonly (TranscriptEntry & { institutionId: string })[]): Promise<void> {
      for (const e of entries) {
        await clientOf(db).transcriptEntry.create({ data: { ...e, name: json(e.name), basis: json(e.basis) } });
      }
    },
    async transcript(learnerId: string): Promise<TranscriptEntry[]> {
      const rows = await clientOf(db).transcriptEntry.findMany({
        where: { learnerId },
        orderBy: [{ recordedOn: "asc" }, { disciplineCode: "asc" }],
      });
      return rows.map((r) => ({
        id: r.id,
        learnerId: r.learnerId,
        curriculumId: r.curriculumId,
        disciplineCode: r.disciplineCode,
        name: r.name as Record<string, string>,
        credits: r.credits,
        hours: r.hours,
        letter: r.letter,
        gpa: r.gpa,
        kind: "re_credited",
        applicationId: r.applicationId,
        basis: r.basis as Record<string, unknown>,
        recordedOn: r.recordedOn,
        recordedBy: r.recordedBy,
      }));
    },
  };
}

export type RecognitionApplicationsRepository = ReturnType<typeof recognitionApplicationsRepository>;
