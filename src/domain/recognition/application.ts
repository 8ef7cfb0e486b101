// A recognition application: what it must contain, the stages it goes through, and the shapes of its
// preparation and decision. Pure: the services load and store, this decides.
import type { Letter } from "../grading/letter-scale.js";
import type { LocalizedText } from "../institutions/institution.js";
import type { Procedure } from "./deadlines.js";

export const APPLICATION_STAGES = ["submitted", "with_experts", "concluded", "decided", "recorded"] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

export type ApplicationAction = "edit_courses" | "override" | "forward" | "conclude" | "put_on_agenda" | "decide" | "record";

/**
 * Which stage each action needs and where it leads. The order follows the procedure: documents go to the
 * expert group (R п.14, 25), the group concludes (R п.16, 27), the commission decides (R п.17, 28), the
 * registrar records the extract in the transcript (R п.18, 29).
 */
const TRANSITIONS: Readonly<
  Record<ApplicationAction, { readonly from: readonly ApplicationStage[]; readonly to: ApplicationStage | null }>
> = {
  edit_courses: { from: ["submitted", "with_experts"], to: null },
  override: { from: ["submitted", "with_experts"], to: null },
  forward: { from: ["submitted"], to: "with_experts" },
  conclude: { from: ["with_experts"], to: "concluded" },
  put_on_agenda: { from: ["concluded"], to: null },
  decide: { from: ["concluded"], to: "decided" },
  record: { from: ["decided"], to: "recorded" },
};

/** The stage after the action, the same stage for actions that do not move it, or null when not allowed now. */
export function stageAfter(stage: ApplicationStage, action: ApplicationAction): ApplicationStage | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(stage)) return null;
  return t.to ?? stage;
}

export type DocumentKind = "certificate" | "identity_document" | "recognition_centre_document" | "other";

export interface SubmittedDocument {
  readonly kind: DocumentKind;
  readonly hasFile: boolean;
  readonly hasCredential: boolean;
}

export interface MissingDocument {
  readonly kind: DocumentKind | "application_text";
  readonly rule: string;
}

/**
 * What each procedure requires with the application (a document may be a file, a verifiable credential, or both):
 * - A: the application to the chair and the certificate or statement of completion (R п.13, with R п.10);
 * - B: the application, a copy of an identity document, and the recognition centre's document (R п.24);
 * - micro: the application to the chair and the certificate (M п.26).
 */
export function missingDocuments(
  procedure: Procedure,
  applicationText: string,
  documents: readonly SubmittedDocument[],
): MissingDocument[] {
  const has = (kind: DocumentKind) => documents.some((d) => d.kind === kind && (d.hasFile || d.hasCredential));
  const missing: MissingDocument[] = [];
  const letterRule = procedure === "A" ? "R п.13" : procedure === "B" ? "R п.24" : "M п.26";
  if (applicationText.trim().length === 0) missing.push({ kind: "application_text", rule: letterRule });
  if (procedure === "B") {
    if (!has("identity_document")) missing.push({ kind: "identity_document", rule: "R п.24" });
    if (!has("recognition_centre_document")) missing.push({ kind: "recognition_centre_document", rule: "R п.24" });
  } else if (!has("certificate")) {
    missing.push({ kind: "certificate", rule: procedure === "A" ? "R п.13" : "M п.26" });
  }
  return missing;
}

/** The documents that can carry the appendix of courses (R п.10) for a procedure. */
export function basisDocumentKinds(procedure: Procedure): readonly DocumentKind[] {
  return procedure === "B" ? ["recognition_centre_document"] : ["certificate"];
}

/**
 * One course of the certificate's appendix (R п.10): name, volume, grade, and the learning outcomes where the
 * document states them. Taken from a credential, or typed in by the secretary from a paper document.
 */
export interface AppendixCourse {
  readonly id: string;
  readonly title: string;
  readonly outcomes: readonly string[];
  readonly credits: number | null;
  readonly hours: number | null;
  readonly sourceHoursPerCredit: number | null;
  /** As on the document: "A-", "87", "4.5", "pass". Null when the document gives none. */
  readonly grade: string | null;
  readonly source:
    | { readonly kind: "credential"; readonly documentId: string }
    | { readonly kind: "typed"; readonly by: string; readonly documentId: string | null };
}

export type ProposalOutcome = "recognise" | "partly" | "not";

export interface Reason {
  readonly code: string;
  readonly rule: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface DocumentAssessment {
  readonly documentId: string;
  readonly verdict: string | null;
  /** May the document be the basis of a proposal: verified and trusted, on paper, or accepted by the secretary. */
  readonly usable: boolean;
  readonly reason: Reason;
}

export interface CourseAssessment {
  readonly courseId: string;
  readonly title: string;
  readonly usable: boolean;
  readonly volume:
    | { readonly ok: true; readonly hours: number; readonly credits: number; readonly basis: string }
    | { readonly ok: false; readonly code: string; readonly detail: string };
  readonly grade:
    | { readonly ok: true; readonly letter: Letter; readonly gpa: number; readonly passing: boolean; readonly note: string }
    | { readonly ok: false; readonly code: string; readonly detail: string };
}

export interface OutcomeMatch {
  readonly targetCode: string;
  readonly covered: boolean;
  readonly score: number;
  readonly byCourse: string | null;
  readonly byOutcome: string | null;
  readonly sharedTerms: readonly string[];
}

export interface DisciplineProposal {
  readonly code: string;
  readonly names: LocalizedText;
  readonly credits: number;
  readonly hours: number;
  readonly proposal: ProposalOutcome;
  readonly reasons: readonly Reason[];
  readonly matchedCourses: readonly string[];
  readonly outcomeCoverage: number;
  readonly topicCoverage: number | null;
  readonly outcomes: readonly OutcomeMatch[];
  readonly volume: { readonly sourceHours: number; readonly targetHours: number; readonly ratio: number } | null;
  readonly grade: { readonly letter: Letter; readonly gpa: number } | null;
}

/** The automatic preparation of an application (never a decision): what the secretary and the experts start from. */
export interface Preparation {
  readonly preparedAt: string;
  readonly receivingHoursPerCredit: number;
  readonly gradeScale: string | null;
  readonly documents: readonly DocumentAssessment[];
  readonly courses: readonly CourseAssessment[];
  readonly disciplines: readonly DisciplineProposal[];
}

export interface DecidedDiscipline {
  readonly code: string;
  readonly names: LocalizedText;
  readonly credits: number;
  readonly hours: number;
  readonly letter: Letter;
  readonly gpa: number;
}

/** The commission's decision on an application, as recorded from the meeting (R п.17–18, 28–29). */
export interface RecordedDecision {
  readonly outcome: "recognised" | "refused";
  readonly disciplines: readonly DecidedDiscipline[];
  readonly meetingId: string;
  readonly commissionId: string;
  readonly decidedOn: string;
  readonly protocolNumber: number | null;
  readonly tally: { readonly for: number; readonly against: number; readonly abstain: number; readonly participating: number };
  readonly credentialId: string | null;
}
