// An educational programme's disciplines as the targets of re-crediting: their volumes agree with the credit
// (R п.7) and they state learning outcomes to compare against (R п.6). Pure.
import { hoursPerCredit, type InstitutionKind } from "../institutions/kind.js";

export interface CurriculumDiscipline {
  readonly code: string;
  readonly credits: number;
  readonly hours: number;
  readonly content: { readonly learningOutcomes: readonly unknown[] };
}

export interface CurriculumProblem {
  readonly code: string;
  readonly rule: string | null;
  readonly discipline?: string;
}

/** Discipline codes are unique; credits and hours agree at the institution's rate (R п.7). */
export function curriculumProblems(disciplines: readonly CurriculumDiscipline[], kind: InstitutionKind): CurriculumProblem[] {
  const problems: CurriculumProblem[] = [];
  const seen = new Set<string>();
  const rate = hoursPerCredit(kind);
  for (const d of disciplines) {
    if (seen.has(d.code)) problems.push({ code: "DUPLICATE_DISCIPLINE", rule: null, discipline: d.code });
    seen.add(d.code);
    if (Math.abs(d.credits * rate - d.hours) > 0.5) problems.push({ code: "CREDITS_HOURS_DISAGREE", rule: "R п.7", discipline: d.code });
    if (d.content.learningOutcomes.length === 0) problems.push({ code: "LEARNING_OUTCOMES_MISSING", rule: "R п.6", discipline: d.code });
  }
  if (disciplines.length === 0) problems.push({ code: "NO_DISCIPLINES", rule: null });
  return problems;
}
