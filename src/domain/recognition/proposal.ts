// The automatic preparation of an application: every attached document assessed, every course of the appendix
// converted (volume R п.7, grade R п.8), every target discipline compared with the courses (learning outcomes and
// syllabus, R п.6, 9; M п.23) — and a proposal per discipline with its reasons. A proposal, never a decision:
// the expert group concludes (R п.16) and the commission decides (R п.17).
import { gradeOfLetter, LETTER_SCALE, type Letter } from "../grading/letter-scale.js";
import type { LocalizedText } from "../institutions/institution.js";
import type {
  AppendixCourse,
  CourseAssessment,
  DisciplineProposal,
  DocumentAssessment,
  OutcomeMatch,
  Preparation,
  ProposalOutcome,
  Reason,
} from "./application.js";
import { convertGrade, type ConversionScale } from "./grade-conversion.js";
import { matchOutcomes, type LocalizedTexts } from "./outcome-matching.js";
import { toReceivingVolume, volumeCoverage } from "./volume.js";

/** Share of the discipline's learning outcomes the courses must cover to propose full recognition. */
export const RECOGNISE_COVERAGE = 0.7;
/** Below this share nothing is proposed; between the two, partial recognition. */
export const PARTLY_COVERAGE = 0.3;

export interface DocumentFacts {
  readonly id: string;
  readonly hasCredential: boolean;
  /** The verification verdict of the attached credential; null for a document on paper only. */
  readonly verdict: string | null;
  readonly override: { readonly by: string; readonly reason: string } | null;
}

export interface TargetDiscipline {
  readonly code: string;
  readonly names: LocalizedText;
  readonly credits: number;
  readonly hours: number;
  readonly learningOutcomes: readonly { readonly code: string; readonly text: LocalizedTexts }[];
  readonly syllabusTopics: readonly { readonly code: string; readonly text: LocalizedTexts }[];
}

export interface PreparationInput {
  readonly preparedAt: string;
  readonly receivingHoursPerCredit: number;
  /** The scale the certificate's grades are converted with; null when they are national letters already. */
  readonly scale: { readonly code: string; readonly scale: ConversionScale } | null;
  readonly documents: readonly DocumentFacts[];
  readonly courses: readonly AppendixCourse[];
  readonly disciplines: readonly TargetDiscipline[];
}

const reason = (code: string, rule: string, params: Record<string, string | number> = {}): Reason => ({ code, rule, params });

/**
 * A credential may be the basis of a proposal when it verified (valid and from a trusted issuer), or when the
 * secretary accepted it explicitly with a reason. A paper document is usable: the commission checks it (R п.10).
 */
export function assessDocument(doc: DocumentFacts): DocumentAssessment {
  if (!doc.hasCredential) return { documentId: doc.id, verdict: null, usable: true, reason: reason("PAPER_DOCUMENT", "R п.10") };
  if (doc.verdict === "valid")
    return { documentId: doc.id, verdict: doc.verdict, usable: true, reason: reason("CREDENTIAL_VERIFIED", "R п.10") };
  if (doc.override)
    return {
      documentId: doc.id,
      verdict: doc.verdict,
      usable: true,
      reason: reason("ACCEPTED_BY_SECRETARY", "R п.10", {
        verdict: doc.verdict ?? "unknown",
        by: doc.override.by,
        reason: doc.override.reason,
      }),
    };
  return {
    documentId: doc.id,
    verdict: doc.verdict,
    usable: false,
    reason: reason("CREDENTIAL_NOT_VERIFIED", "R п.10", { verdict: doc.verdict ?? "unknown" }),
  };
}

function assessCourse(course: AppendixCourse, input: PreparationInput, usableDocuments: ReadonlySet<string>): CourseAssessment {
  const documentId = course.source.documentId;
  const volume = toReceivingVolume(course, input.receivingHoursPerCredit);
  const grade = course.grade === null ? null : convertGrade(input.scale?.scale ?? null, course.grade);
  return {
    courseId: course.id,
    title: course.title,
    usable: documentId === null || usableDocuments.has(documentId),
    volume: volume.ok
      ? { ok: true, hours: volume.hours, credits: volume.credits, basis: [volume.basis, ...volume.notes].join(" ") }
      : { ok: false, code: volume.code, detail: volume.detail },
    grade:
      grade === null
        ? { ok: false, code: "GRADE_MISSING", detail: "the document gives no grade for this course (R п.10)" }
        : grade.ok
          ? { ok: true, letter: grade.letter, gpa: grade.gpa, passing: grade.passing, note: grade.note }
          : { ok: false, code: grade.code, detail: grade.detail },
  };
}

/** The letter whose grade points do not exceed the average: a weighted grade is never rounded up to a letter. */
export function letterAtOrBelow(gpa: number): Letter {
  const passing = LETTER_SCALE.filter((g) => g.passing);
  return (passing.find((g) => g.gpa <= gpa + 1e-9) ?? passing.at(-1)!).letter;
}

function proposeFor(
  discipline: TargetDiscipline,
  courses: readonly AppendixCourse[],
  assessed: ReadonlyMap<string, CourseAssessment>,
  input: PreparationInput,
): DisciplineProposal {
  const base = { code: discipline.code, names: discipline.names, credits: discipline.credits, hours: discipline.hours };
  const reasons: Reason[] = [];
  // Only courses from usable documents, with a passing grade, can carry a discipline (R п.8, 10; M п.17).
  const eligible = courses.filter((c) => {
    const a = assessed.get(c.id)!;
    return a.usable && a.grade.ok && a.grade.passing;
  });
  const sources = eligible.flatMap((c) => (c.outcomes.length > 0 ? c.outcomes : [c.title]).map((text) => ({ courseId: c.id, text })));
  const matching = matchOutcomes({
    sourceOutcomes: sources.map((s) => s.text),
    targetOutcomes: discipline.learningOutcomes.map((o) => ({ id: o.code, text: o.text })),
    syllabusTopics: discipline.syllabusTopics.map((t) => ({ id: t.code, text: t.text })),
  });
  const outcomes: OutcomeMatch[] = matching.targets.map((t) => {
    const best = t.best ? sources[t.best.sourceIndex] : undefined;
    return {
      targetCode: t.id,
      covered: t.covered,
      score: t.best?.score ?? 0,
      byCourse: best?.courseId ?? null,
      byOutcome: best?.text ?? null,
      sharedTerms: t.best?.sharedTerms ?? [],
    };
  });
  const contributing = [...new Set(outcomes.filter((o) => o.covered && o.byCourse).map((o) => o.byCourse!))];
  const coverage = matching.outcomeCoverage ?? 0;
  reasons.push(
    reason("OUTCOMES_COVERED", "R п.6, 9", { covered: outcomes.filter((o) => o.covered).length, of: outcomes.length, coverage }),
  );
  if (matching.topicCoverage !== null) reasons.push(reason("SYLLABUS_COVERED", "R п.6", { coverage: matching.topicCoverage }));

  if (contributing.length === 0) {
    const unusable = courses.filter((c) => !assessed.get(c.id)!.usable).length;
    const failing = courses.filter((c) => {
      const g = assessed.get(c.id)!.grade;
      return g.ok && !g.passing;
    }).length;
    if (unusable > 0) reasons.push(reason("COURSES_FROM_UNVERIFIED_DOCUMENTS", "R п.10", { count: unusable }));
    if (failing > 0) reasons.push(reason("COURSES_NOT_PASSED", "R п.8", { count: failing }));
    reasons.push(reason("NO_MATCHING_COURSE", "R п.6, 9"));
    return {
      ...base,
      proposal: "not",
      reasons,
      matchedCourses: [],
      outcomeCoverage: coverage,
      topicCoverage: matching.topicCoverage,
      outcomes,
      volume: null,
      grade: null,
    };
  }

  let hours = 0;
  let weighted = 0;
  let weight = 0;
  for (const id of contributing) {
    const a = assessed.get(id)!;
    if (a.volume.ok) hours += a.volume.hours;
    if (a.grade.ok) {
      const w = a.volume.ok ? Math.max(a.volume.hours, 1) : 1;
      weighted += a.grade.gpa * w;
      weight += w;
    }
  }
  const volume = volumeCoverage(hours, { credits: discipline.credits, hours: discipline.hours }, input.receivingHoursPerCredit);
  reasons.push(
    reason(volume.ratio >= 1 ? "VOLUME_SUFFICIENT" : "VOLUME_SHORT", "R п.7", {
      sourceHours: volume.sourceHours,
      targetHours: volume.targetHours,
      ratio: volume.ratio,
    }),
  );
  const letter = letterAtOrBelow(weighted / weight);
  const grade = { letter, gpa: gradeOfLetter(letter).gpa };
  reasons.push(reason("GRADE_CONVERTED", "R п.8", { letter, scale: input.scale?.code ?? "letter" }));

  let proposal: ProposalOutcome;
  if (coverage >= RECOGNISE_COVERAGE && volume.ratio >= 1) proposal = "recognise";
  else if (coverage >= PARTLY_COVERAGE) proposal = "partly";
  else proposal = "not";
  if (proposal === "not") reasons.push(reason("OUTCOMES_NOT_COVERED", "R п.6, 9", { coverage, needed: PARTLY_COVERAGE }));
  return {
    ...base,
    proposal,
    reasons,
    matchedCourses: contributing,
    outcomeCoverage: coverage,
    topicCoverage: matching.topicCoverage,
    outcomes,
    volume: { sourceHours: volume.sourceHours, targetHours: volume.targetHours, ratio: volume.ratio },
    grade,
  };
}

export function prepare(input: PreparationInput): Preparation {
  const documents = input.documents.map(assessDocument);
  const usable = new Set(documents.filter((d) => d.usable).map((d) => d.documentId));
  const courses = input.courses.map((c) => assessCourse(c, input, usable));
  const assessed = new Map(courses.map((c) => [c.courseId, c]));
  return {
    preparedAt: input.preparedAt,
    receivingHoursPerCredit: input.receivingHoursPerCredit,
    gradeScale: input.scale?.code ?? null,
    documents,
    courses,
    disciplines: input.disciplines.map((d) => proposeFor(d, input.courses, assessed, input)),
  };
}
