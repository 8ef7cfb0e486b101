// The institution's reference data for recognition: academic periods, educational programmes with their
// disciplines, grade conversion scales, and which programme a learner studies.
import { randomUUID } from "node:crypto";
import { runInTransaction } from "../../db/transaction.js";
import type { AcademicPeriod, Curriculum, CurriculumContent, Discipline, GradeScaleRecord } from "../../db/repositories/curricula.js";
import type { Learner } from "../../db/repositories/learners.js";
import type { Institution, LocalizedText } from "../../domain/institutions/institution.js";
import { curriculumProblems } from "../../domain/recognition/curriculum.js";
import { BUILT_IN_SCALES, checkScale, type ConversionScale } from "../../domain/recognition/grade-conversion.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../deps.js";
import { findLearner, updateLearner } from "../learners.js";

export async function createAcademicPeriod(
  institution: Institution,
  input: { code: string; names: LocalizedText; startsOn: string; endsOn: string },
  actor: string,
  deps: Deps,
): Promise<AcademicPeriod> {
  if (input.endsOn < input.startsOn) throw new AppError("ACADEMIC_PERIOD_INVALID", { startsOn: input.startsOn, endsOn: input.endsOn });
  return runInTransaction(deps.db, async () => {
    const period = await deps.repos.curricula.createPeriod({ id: randomUUID(), institutionId: institution.id, ...input });
    await deps.repos.audit.record(
      { actor, action: "academic_period.created", institutionId: institution.id, subject: input.code },
      deps.clock(),
    );
    return period;
  });
}

export async function findAcademicPeriod(institution: Institution, code: string, deps: Deps): Promise<AcademicPeriod> {
  const period = await deps.repos.curricula.findPeriod(institution.id, code);
  if (!period) throw new AppError("ACADEMIC_PERIOD_NOT_FOUND", { code });
  return period;
}

export async function createCurriculum(
  institution: Institution,
  input: { code: string; names: LocalizedText; content: CurriculumContent; disciplines: readonly Discipline[] },
  actor: string,
  deps: Deps,
): Promise<Curriculum> {
  const problems = curriculumProblems(input.disciplines, institution.kind);
  if (problems.length > 0)
    throw new AppError(
      "CURRICULUM_INVALID",
      {
        count: problems.length,
        summary: problems.map((p) => `${p.code}${p.discipline ? ` (${p.discipline})` : ""}${p.rule ? ` ${p.rule}` : ""}`).join("; "),
      },
      { details: { problems } },
    );
  return runInTransaction(deps.db, async () => {
    const curriculum = await deps.repos.curricula.createCurriculum({ id: randomUUID(), institutionId: institution.id, ...input });
    await deps.repos.audit.record(
      {
        actor,
        action: "curriculum.created",
        institutionId: institution.id,
        subject: input.code,
        details: { disciplines: input.disciplines.length },
      },
      deps.clock(),
    );
    return curriculum;
  });
}

export async function findCurriculum(institution: Institution, code: string, deps: Deps): Promise<Curriculum> {
  const curriculum = await deps.repos.curricula.findCurriculum(institution.id, code);
  if (!curriculum) throw new AppError("CURRICULUM_NOT_FOUND", { code });
  return curriculum;
}

/** Enrols a learner in one of the institution's educational programmes (or withdraws with null). */
export async function enrolLearner(
  institution: Institution,
  learnerId: string,
  curriculumCode: string | null,
  actor: string,
  deps: Deps,
): Promise<Learner> {
  await findLearner(institution, learnerId, deps);
  const curriculum = curriculumCode === null ? null : await findCurriculum(institution, curriculumCode, deps);
  return updateLearner(institution, learnerId, { curriculumId: curriculum?.id ?? null }, actor, deps);
}

export interface GradeScaleView {
  readonly code: string;
  readonly names: LocalizedText;
  readonly scale: ConversionScale;
  readonly origin: "built_in" | "institution";
}

/** The scales an institution converts with: its own, and the built-in templates it has not replaced. */
export async function gradeScales(institution: Institution, deps: Deps): Promise<GradeScaleView[]> {
  const own = await deps.repos.curricula.listGradeScales(institution.id);
  const views = new Map<string, GradeScaleView>();
  for (const [code, builtIn] of Object.entries(BUILT_IN_SCALES))
    views.set(code, { code, names: builtIn.names, scale: builtIn.scale, origin: "built_in" });
  for (const s of own) views.set(s.code, { code: s.code, names: s.names, scale: s.scale, origin: "institution" });
  return [...views.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export async function findGradeScale(institution: Institution, code: string, deps: Deps): Promise<GradeScaleView> {
  const scale = (await gradeScales(institution, deps)).find((s) => s.code === code);
  if (!scale) throw new AppError("GRADE_SCALE_NOT_FOUND", { code });
  return scale;
}

/** Defines or replaces a conversion scale (R п.8: the receiving organisation defines it). Incomplete scales are refused. */
export async function putGradeScale(
  institution: Institution,
  input: { code: string; names: LocalizedText; scale: ConversionScale },
  actor: string,
  deps: Deps,
): Promise<GradeScaleRecord> {
  const problems = checkScale(input.scale);
  if (problems.length > 0)
    throw new AppError(
      "GRADE_SCALE_INVALID",
      { summary: problems.map((p) => `${p.code}: ${p.detail}`).join("; ") },
      { details: { problems } },
    );
  return runInTransaction(deps.db, async () => {
    const saved = await deps.repos.curricula.putGradeScale(institution.id, { id: randomUUID(), ...input });
    await deps.repos.audit.record({ actor, action: "grade_scale.saved", institutionId: institution.id, subject: input.code }, deps.clock());
    return saved;
  });
}
