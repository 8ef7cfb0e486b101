// A micro-qualification programme: the registry application of M (appendix, ten fields) and the
// programme structure of M п.9. Pure rules over plain data.
import type { LocalizedText } from "../institutions/institution.js";
import { hoursPerCredit, type InstitutionKind } from "../institutions/kind.js";

export const STUDY_FORMS = ["offline", "online", "blended"] as const;
export type StudyForm = (typeof STUDY_FORMS)[number];

export const ACCREDITATION_KINDS = ["national_institutional", "national_programme", "international"] as const;
export type AccreditationKind = (typeof ACCREDITATION_KINDS)[number];

/** Field 6. An empty list means "not accredited". International accreditation names its agency and register. */
export interface Accreditation {
  readonly kind: AccreditationKind;
  readonly agency: string | null;
  /** The official register listing the agency (EQAR, ENQA or a similar one). */
  readonly register: string | null;
}

/** Field 9: a professional standard and its labour function, or the labour-market wording of M. */
export type ProfessionalBasis =
  | { readonly kind: "standard"; readonly standard: LocalizedText; readonly labourFunction: LocalizedText; readonly code: string | null }
  | { readonly kind: "market_requirements"; readonly wording: LocalizedText };

export interface LearningOutcome {
  readonly code: string;
  readonly text: LocalizedText;
}

export interface ThematicPlanItem {
  readonly kind: "discipline" | "module" | "course";
  readonly title: LocalizedText;
  readonly hours: number;
}

export interface ProgrammeContent {
  /** Field 2. */
  readonly names: LocalizedText;
  /** The micro-qualification awarded (M п.9). */
  readonly qualificationName: LocalizedText;
  /** Field 3. */
  readonly goal: LocalizedText;
  readonly description: LocalizedText | null;
  /** Field 4. */
  readonly form: StudyForm;
  /** Field 5: level of the National Qualifications Framework. */
  readonly nqfLevel: number;
  readonly accreditations: readonly Accreditation[];
  /** Field 7, in credits and/or academic hours. */
  readonly workload: { readonly credits: number | null; readonly hours: number | null };
  /** Field 8: ISO 639-1 codes. */
  readonly languages: readonly string[];
  readonly professionalBasis: ProfessionalBasis;
  /** Field 10. */
  readonly learningOutcomes: readonly LearningOutcome[];
  /** Content of the programme (M п.9): disciplines, modules or courses with their hours. */
  readonly thematicPlan: readonly ThematicPlanItem[];
  /** Teaching and learning strategies and methods (M п.9). */
  readonly teachingMethods: LocalizedText;
  /** How the final attestation is held (M п.16, 33): exam, practical demonstration, project. */
  readonly assessment: LocalizedText | null;
  /** ISCED-F 2013 field of study code, for example "0613". */
  readonly fieldOfStudy: string | null;
  /** How long an award stays valid, when the programme sets a limit. */
  readonly validityMonths: number | null;
}

export type ProgrammeProblem =
  | { readonly code: "WORKLOAD_MISSING"; readonly rule: "M appendix, field 7" }
  | { readonly code: "CREDITS_BELOW_MINIMUM"; readonly rule: "M п.10"; readonly credits: number }
  | {
      readonly code: "HOURS_CREDITS_MISMATCH";
      readonly rule: "R п.7";
      readonly credits: number;
      readonly hours: number;
      readonly hoursPerCredit: number;
    }
  | { readonly code: "THEMATIC_PLAN_HOURS_MISMATCH"; readonly rule: "M п.9"; readonly planHours: number; readonly hours: number }
  | { readonly code: "ACCREDITATION_AGENCY_MISSING"; readonly rule: "M appendix, field 6" }
  | { readonly code: "LEARNING_OUTCOMES_MISSING"; readonly rule: "M appendix, field 10" };

export interface Workload {
  readonly credits: number;
  readonly hours: number;
}

/**
 * Checks the rules that tie the fields together and returns the workload in both units.
 * Credits and hours must agree through the institution's hours per credit (R п.7: 30 in higher
 * education, 24 in TVET); a programme is at least one credit (M п.10).
 */
export function checkProgramme(
  content: ProgrammeContent,
  kind: InstitutionKind,
): { problems: ProgrammeProblem[]; workload: Workload | null } {
  const problems: ProgrammeProblem[] = [];
  const perCredit = hoursPerCredit(kind);
  const { credits, hours } = content.workload;
  let workload: Workload | null = null;

  if (credits === null && hours === null) {
    problems.push({ code: "WORKLOAD_MISSING", rule: "M appendix, field 7" });
  } else {
    const effectiveCredits = credits ?? hours! / perCredit;
    const effectiveHours = hours ?? credits! * perCredit;
    if (credits !== null && hours !== null && Math.abs(credits * perCredit - hours) > 1e-9) {
      problems.push({ code: "HOURS_CREDITS_MISMATCH", rule: "R п.7", credits, hours, hoursPerCredit: perCredit });
    }
    if (effectiveCredits < 1) problems.push({ code: "CREDITS_BELOW_MINIMUM", rule: "M п.10", credits: round2(effectiveCredits) });
    workload = { credits: round2(effectiveCredits), hours: effectiveHours };
  }

  if (workload && content.thematicPlan.length > 0) {
    const planHours = content.thematicPlan.reduce((sum, item) => sum + item.hours, 0);
    if (planHours !== workload.hours)
      problems.push({ code: "THEMATIC_PLAN_HOURS_MISMATCH", rule: "M п.9", planHours, hours: workload.hours });
  }
  if (content.accreditations.some((a) => a.kind === "international" && !a.agency?.trim())) {
    problems.push({ code: "ACCREDITATION_AGENCY_MISSING", rule: "M appendix, field 6" });
  }
  if (content.learningOutcomes.length === 0) problems.push({ code: "LEARNING_OUTCOMES_MISSING", rule: "M appendix, field 10" });
  return { problems, workload: problems.length === 0 ? workload : null };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---- lifecycle ----

export const PROGRAMME_STATUSES = ["draft", "approved", "published", "retired"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export type ProgrammeAction = "edit" | "approve" | "publish" | "retire";

/**
 * draft → approved (by the academic council, M п.4, 11) → published (open for awards) → retired.
 * Editing an approved programme sends it back to draft: the council approved the old text.
 * A published programme is not edited: credentials already point at it; retire it and create a new one.
 */
export function nextStatus(status: ProgrammeStatus, action: ProgrammeAction): ProgrammeStatus | null {
  switch (action) {
    case "edit":
      return status === "draft" || status === "approved" ? "draft" : null;
    case "approve":
      return status === "draft" ? "approved" : null;
    case "publish":
      return status === "approved" ? "published" : null;
    case "retire":
      return status === "approved" || status === "published" ? "retired" : null;
  }
}

/** Only a published programme awards micro-qualifications. */
export function canAward(status: ProgrammeStatus): boolean {
  return status === "published";
}
