// Curricula and their disciplines, academic periods, grade conversion scales and the working-day calendar:
// the institution's reference data that recognition runs against.
import type { Prisma } from "../../../generated/postgres/client.js";
import type { LocalizedText } from "../../domain/institutions/institution.js";
import type { CalendarYear } from "../../domain/calendar/working-days.js";
import type { ConversionScale } from "../../domain/recognition/grade-conversion.js";
import { AppError } from "../../errors.js";
import type { Db } from "../client.js";
import { uniqueViolation } from "../errors.js";
import { clientOf } from "../transaction.js";

export interface AcademicPeriod {
  readonly id: string;
  readonly institutionId: string;
  readonly code: string;
  readonly names: LocalizedText;
  readonly startsOn: string;
  readonly endsOn: string;
}

export interface LocalizedItem {
  readonly code: string;
  readonly text: Partial<LocalizedText>;
}

export interface DisciplineContent {
  readonly learningOutcomes: readonly LocalizedItem[];
  readonly syllabusTopics: readonly LocalizedItem[];
  /** Competences the discipline develops: what a Diploma Supplement lists (M п.18). */
  readonly competences: readonly LocalizedItem[];
  readonly goal: Partial<LocalizedText> | null;
}

export interface Discipline {
  readonly code: string;
  readonly names: LocalizedText;
  readonly credits: number;
  readonly hours: number;
  readonly period: number;
  readonly content: DisciplineContent;
}

export interface CurriculumContent {
  readonly level: string | null;
  readonly goals: Partial<LocalizedText> | null;
}

export interface Curriculum {
  readonly id: string;
  readonly institutionId: string;
  readonly code: string;
  readonly names: LocalizedText;
  readonly content: CurriculumContent;
  readonly disciplines: readonly Discipline[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface GradeScaleRecord {
  readonly code: string;
  readonly names: LocalizedText;
  readonly scale: ConversionScale;
  readonly updatedAt: Date;
}

const names = (r: { nameKk: string; nameRu: string; nameEn: string }): LocalizedText => ({ kk: r.nameKk, ru: r.nameRu, en: r.nameEn });
const nameColumns = (n: LocalizedText) => ({ nameKk: n.kk, nameRu: n.ru, nameEn: n.en });
const json = (value: unknown) => value as Prisma.InputJsonValue;

type CurriculumRow = Prisma.CurriculumGetPayload<{ include: { disciplines: true } }>;

const curriculumFromRow = (row: CurriculumRow): Curriculum => ({
  id: row.id,
  institutionId: row.institutionId,
  code: row.code,
  names: names(row),
  content: row.content as unknown as CurriculumContent,
  disciplines: [...row.disciplines]
    .sort((a, b) => a.position - b.position)
    .map((d) => ({
      code: d.code,
      names: names(d),
      credits: d.credits,
      hours: d.hours,
      period: d.period,
      content: d.content as unknown as DisciplineContent,
    })),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const periodFromRow = (row: Prisma.AcademicPeriodGetPayload<object>): AcademicPeriod => ({
  id: row.id,
  institutionId: row.institutionId,
  code: row.code,
  names: names(row),
  startsOn: row.startsOn,
  endsOn: row.endsOn,
});

export function curriculaRepository(db: Db) {
  return {
    async createPeriod(data: Omit<AcademicPeriod, never>): Promise<AcademicPeriod> {
      try {
        const row = await clientOf(db).academicPeriod.create({
          data: {
            id: data.id,
            institutionId: data.institutionId,
            code: data.code,
            ...nameColumns(data.names),
            startsOn: data.startsOn,
            endsOn: data.endsOn,
          },
        });
        return periodFromRow(row);
      } catch (error) {
        if (uniqueViolation(error)) throw new AppError("ACADEMIC_PERIOD_CODE_TAKEN", { code: data.code }, { cause: error });
        throw error;
      }
    },
    async findPeriod(institutionId: string, code: string): Promise<AcademicPeriod | null> {
      const row = await clientOf(db).academicPeriod.findUnique({ where: { institutionId_code: { institutionId, code } } });
      return row ? periodFromRow(row) : null;
    },
    async findPeriodById(id: string): Promise<AcademicPeriod | null> {
      const row = await clientOf(db).academicPeriod.findUnique({ where: { id } });
      return row ? periodFromRow(row) : null;
    },
    async listPeriods(institutionId: string): Promise<AcademicPeriod[]> {
      const rows = await clientOf(db).academicPeriod.findMany({ where: { institutionId }, orderBy: { startsOn: "asc" } });
      return rows.map(periodFromRow);
    },

    async createCurriculum(data: {
      id: string;
      institutionId: string;
      code: string;
      names: LocalizedText;
      content: CurriculumContent;
      disciplines: readonly Discipline[];
    }): Promise<Curriculum> {
      try {
        const row = await clientOf(db).curriculum.create({
          data: {
            id: data.id,
            institutionId: data.institutionId,
            code: data.code,
            ...nameColumns(data.names),
            content: json(data.content),
            disciplines: {
              create: data.disciplines.map((d, position) => ({
                id: `${data.id}:${d.code}`,
                code: d.code,
                ...nameColumns(d.names),
                credits: d.credits,
                hours: d.hours,
                period: d.period,
                content: json(d.content),
                position,
              })),
            },
          },
          include: { disciplines: true },
        });
        return curriculumFromRow(row);
      } catch (error) {
        if (uniqueViolation(error)) throw new AppError("CURRICULUM_CODE_TAKEN", { code: data.code }, { cause: error });
        throw error;
      }
    },
    async findCurriculum(institutionId: string, code: string): Promise<Curriculum | null> {
      const row = await clientOf(db).curriculum.findUnique({
        where: { institutionId_code: { institutionId, code } },
        include: { disciplines: true },
      });
      return row ? curriculumFromRow(row) : null;
    },
    async findCurriculumById(id: string): Promise<Curriculum | null> {
      const row = await clientOf(db).curriculum.findUnique({ where: { id }, include: { disciplines: true } });
      return row ? curriculumFromRow(row) : null;
    },
    async listCurricula(institutionId: string): Promise<Curriculum[]> {
      const rows = await clientOf(db).curriculum.findMany({
        where: { institutionId },
        include: { disciplines: true },
        orderBy: { code: "asc" },
      });
      return rows.map(curriculumFromRow);
    },

    async putGradeScale(
      institutionId: string,
      data: { id: string; code: string; names: LocalizedText; scale: ConversionScale },
    ): Promise<GradeScaleRecord> {
      const row = await clientOf(db).gradeScale.upsert({
        where: { institutionId_code: { institutionId, code: data.code } },
        create: { id: data.id, institutionId, code: data.code, ...nameColumns(data.names), scale: json(data.scale) },
        update: { ...nameColumns(data.names), scale: json(data.scale) },
      });
      return { code: row.code, names: names(row), scale: row.scale as unknown as ConversionScale, updatedAt: row.updatedAt };
    },
    async listGradeScales(institutionId: string): Promise<GradeScaleRecord[]> {
      const rows = await clientOf(db).gradeScale.findMany({ where: { institutionId }, orderBy: { code: "asc" } });
      return rows.map((row) => ({
        code: row.code,
        names: names(row),
        scale: row.scale as unknown as ConversionScale,
        updatedAt: row.updatedAt,
      }));
    },

    async calendarYears(): Promise<{ year: number; data: CalendarYear; updatedBy: string; updatedAt: Date }[]> {
      const rows = await clientOf(db).calendarYear.findMany({ orderBy: { year: "asc" } });
      return rows.map((r) => ({ year: r.year, data: r.data as unknown as CalendarYear, updatedBy: r.updatedBy, updatedAt: r.updatedAt }));
    },
    async putCalendarYear(data: CalendarYear, updatedBy: string): Promise<void> {
      await clientOf(db).calendarYear.upsert({
        where: { year: data.year },
        create: { year: data.year, data: json(data), updatedBy },
        update: { data: json(data), updatedBy },
      });
    },
  };
}

export type CurriculaRepository = ReturnType<typeof curriculaRepository>;
