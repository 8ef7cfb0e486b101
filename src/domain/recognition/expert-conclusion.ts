// The expert group's conclusion (R п.16, 27). Free form in the law, but it must assess how the certificate
// matches the programme on four points: learning outcomes, programme goals, programme volume and grade.
// We keep those four as fields, each with a verdict and the experts' reasons, and add one recommendation
// per discipline (module) of the application, which is what the commission votes on and the registrar records.
import { z } from "zod";
import { gradeOfLetter, LETTERS } from "../grading/letter-scale.js";
import type { LocalizedText } from "../institutions/institution.js";

export const ASPECTS = ["learningOutcomes", "programmeGoals", "volume", "grade"] as const;
export type Aspect = (typeof ASPECTS)[number];

export const ASPECT_NAMES: Readonly<Record<Aspect, LocalizedText>> = {
  learningOutcomes: { kk: "Оқыту нәтижелері", ru: "Результаты обучения", en: "Learning outcomes" },
  programmeGoals: { kk: "Бағдарлама мақсаттары", ru: "Цели программы", en: "Programme goals" },
  volume: { kk: "Бағдарлама көлемі", ru: "Объём программы", en: "Programme volume" },
  grade: { kk: "Баға", ru: "Оценка", en: "Grade" },
};

export const MATCHES = ["full", "partial", "none"] as const;
export const RECOMMENDATIONS = ["recognise", "partly", "not"] as const;

const text = z.string().trim().min(1);

const AssessmentSchema = z.object({ match: z.enum(MATCHES), comment: text });
const AssessmentDraftSchema = z.object({ match: z.enum(MATCHES), comment: z.string() });

const RecommendationSchema = z.object({
  disciplineCode: text,
  recommendation: z.enum(RECOMMENDATIONS),
  /** What is re-credited, in the receiving organisation's credits and/or hours. */
  credits: z.number().positive().optional(),
  hours: z.number().positive().optional(),
  /** The letter for the transcript (R п.18), usually the certificate's grade converted (R п.8). */
  letter: z.enum(LETTERS).optional(),
  comment: z.string(),
});

/** A finished conclusion: all four assessments with reasons, and a summary. checkConclusion adds the cross-checks. */
export const ExpertConclusionSchema = z.object({
  assessments: z.object({
    learningOutcomes: AssessmentSchema,
    programmeGoals: AssessmentSchema,
    volume: AssessmentSchema,
    grade: AssessmentSchema,
  }),
  recommendations: z.array(RecommendationSchema),
  summary: text,
});

/** A conclusion being written: assessments may be missing and texts empty, so that checkConclusion can list what is left. */
export const ExpertConclusionDraftSchema = z.object({
  assessments: z.object({
    learningOutcomes: AssessmentDraftSchema.optional(),
    programmeGoals: AssessmentDraftSchema.optional(),
    volume: AssessmentDraftSchema.optional(),
    grade: AssessmentDraftSchema.optional(),
  }),
  recommendations: z.array(RecommendationSchema),
  summary: z.string(),
});

export type ExpertConclusion = z.infer<typeof ExpertConclusionSchema>;
export type ExpertConclusionDraft = z.infer<typeof ExpertConclusionDraftSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;

export type ConclusionProblem =
  | {
      readonly code: "ASSESSMENT_MISSING" | "ASSESSMENT_COMMENT_EMPTY";
      readonly aspect: Aspect;
      readonly detail: string;
      readonly rule: "R п.16, 27";
    }
  | { readonly code: "SUMMARY_EMPTY"; readonly detail: string; readonly rule: null }
  | {
      readonly code: "UNKNOWN_DISCIPLINE" | "DISCIPLINE_WITHOUT_RECOMMENDATION" | "DUPLICATE_RECOMMENDATION";
      readonly disciplineCode: string;
      readonly detail: string;
      readonly rule: "R п.5";
    }
  | {
      readonly code: "PASSING_LETTER_MISSING" | "PARTLY_WITHOUT_VOLUME";
      readonly disciplineCode: string;
      readonly detail: string;
      readonly rule: "R п.18";
    }
  | { readonly code: "RECOMMENDATION_COMMENT_EMPTY"; readonly disciplineCode: string; readonly detail: string; readonly rule: null }
  | { readonly code: "RECOGNISED_WITHOUT_OUTCOME_MATCH"; readonly disciplineCode: string; readonly detail: string; readonly rule: "R п.5" };

/**
 * What keeps a conclusion from going to the commission. `targetDisciplineCodes` are the disciplines (modules)
 * the application asks to re-credit; each gets exactly one recommendation, and no other discipline gets one.
 *
 * Beyond the law's four assessments (R п.16, 27), our checks: a re-credited discipline ("recognise" or
 * "partly") carries a passing letter, since the transcript records its grade (R п.18) and only A–D award
 * credits (M п.17); "partly" says how much is re-credited; "partly" and "not" give reasons; and nothing is
 * re-credited when the experts found no match of learning outcomes, the ground of recognition (R п.5).
 */
export function checkConclusion(conclusion: ExpertConclusionDraft, targetDisciplineCodes: readonly string[]): ConclusionProblem[] {
  const problems: ConclusionProblem[] = [];
  for (const aspect of ASPECTS) {
    const assessment = conclusion.assessments[aspect];
    const name = ASPECT_NAMES[aspect].en.toLowerCase();
    if (!assessment)
      problems.push({ code: "ASSESSMENT_MISSING", aspect, detail: `the match of ${name} is not assessed`, rule: "R п.16, 27" });
    else if (!assessment.comment.trim())
      problems.push({ code: "ASSESSMENT_COMMENT_EMPTY", aspect, detail: `the assessment of ${name} gives no reasons`, rule: "R п.16, 27" });
  }
  if (!conclusion.summary.trim()) problems.push({ code: "SUMMARY_EMPTY", detail: "the conclusion has no summary", rule: null });

  const targets = new Set(targetDisciplineCodes);
  const seen = new Set<string>();
  const noOutcomeMatch = conclusion.assessments.learningOutcomes?.match === "none";
  for (const r of conclusion.recommendations) {
    const code = r.disciplineCode;
    if (!targets.has(code)) {
      problems.push({
        code: "UNKNOWN_DISCIPLINE",
        disciplineCode: code,
        detail: `${code} is not a discipline of the application`,
        rule: "R п.5",
      });
    }
    if (seen.has(code)) {
      problems.push({
        code: "DUPLICATE_RECOMMENDATION",
        disciplineCode: code,
        detail: `${code} has more than one recommendation`,
        rule: "R п.5",
      });
    }
    seen.add(code);

    const recredits = r.recommendation !== "not";
    if (recredits && (r.letter === undefined || !gradeOfLetter(r.letter).passing)) {
      problems.push({
        code: "PASSING_LETTER_MISSING",
        disciplineCode: code,
        detail: `${code} is re-credited ("${r.recommendation}") but ${r.letter === undefined ? "has no letter" : `its letter ${r.letter} is not a pass`}`,
        rule: "R п.18",
      });
    }
    if (r.recommendation === "partly" && r.credits === undefined && r.hours === undefined) {
      problems.push({
        code: "PARTLY_WITHOUT_VOLUME",
        disciplineCode: code,
        detail: `${code} is partly re-credited but no credits or hours are given`,
        rule: "R п.18",
      });
    }
    if (r.recommendation !== "recognise" && !r.comment.trim()) {
      problems.push({
        code: "RECOMMENDATION_COMMENT_EMPTY",
        disciplineCode: code,
        detail: `"${r.recommendation}" for ${code} gives no reasons`,
        rule: null,
      });
    }
    if (recredits && noOutcomeMatch) {
      problems.push({
        code: "RECOGNISED_WITHOUT_OUTCOME_MATCH",
        disciplineCode: code,
        detail: `${code} is re-credited although the learning outcomes were found not to match`,
        rule: "R п.5",
      });
    }
  }
  for (const code of targets) {
    if (!seen.has(code)) {
      problems.push({
        code: "DISCIPLINE_WITHOUT_RECOMMENDATION",
        disciplineCode: code,
        detail: `${code} has no recommendation`,
        rule: "R п.5",
      });
    }
  }
  return problems;
}
