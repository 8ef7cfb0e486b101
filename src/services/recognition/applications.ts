// Recognition applications from submission to the expert conclusion: deadlines (R п.13, 24), documents
// (R п.10, 13, 24; M п.26), verification of attached credentials, the automatic preparation, forwarding to the
// expert group (R п.14, 25) and the conclusion (R п.16, 27).
import { createHash, randomUUID } from "node:crypto";
import { runInTransaction } from "../../db/transaction.js";
import { uniqueViolation } from "../../db/errors.js";
import type { Curriculum } from "../../db/repositories/curricula.js";
import type {
  ApplicationChanges,
  DocumentKind,
  NewDocument,
  RecognitionApplication,
} from "../../db/repositories/recognition-applications.js";
import { kzDateOf, type IsoDate } from "../../domain/calendar/working-days.js";
import type { Institution } from "../../domain/institutions/institution.js";
import { hoursPerCredit } from "../../domain/institutions/kind.js";
import {
  basisDocumentKinds,
  missingDocuments,
  stageAfter,
  type ApplicationAction,
  type AppendixCourse,
  type Preparation,
} from "../../domain/recognition/application.js";
import { coursesFromCredential } from "../../domain/recognition/appendix.js";
import { checkApplicationDeadline, conclusionDue, forwardingDue, isOverdue, type Procedure } from "../../domain/recognition/deadlines.js";
import { checkConclusion, ExpertConclusionSchema, type ExpertConclusionDraft } from "../../domain/recognition/expert-conclusion.js";
import { prepare } from "../../domain/recognition/proposal.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../deps.js";
import { findLearner } from "../learners.js";
import { parsePresentation } from "../../credentials/presentation-verifier.js";
import { verifyIncomingCredential, verifyIncomingPresentation } from "../verify-credential.js";
import { withCalendar, workingCalendar } from "./calendar.js";
import { findExpertGroup } from "./commissions.js";
import { findAcademicPeriod, findCurriculum, findGradeScale } from "./curricula.js";

export interface DocumentInput {
  readonly kind: DocumentKind;
  readonly title: string;
  readonly file?: { readonly name: string; readonly mediaType: string; readonly content: Buffer } | undefined;
  /** A verifiable credential or presentation: JSON, or a JWT / enveloped credential string. */
  readonly credential?: unknown;
}

export type TypedCourse = Omit<AppendixCourse, "id" | "source"> & { readonly documentId?: string | null };

export interface SubmitInput {
  readonly procedure: Procedure;
  readonly learnerId: string;
  readonly curriculumCode: string;
  readonly academicPeriodCode: string;
  readonly disciplineCodes: readonly string[];
  readonly applicationText: string;
  /** The day the application was received; today (Kazakhstan time) when not given. Never in the future. */
  readonly receivedOn?: IsoDate | undefined;
  readonly gradeScaleCode?: string | null | undefined;
  readonly documents: readonly DocumentInput[];
  readonly courses?: readonly TypedCourse[] | undefined;
}

/** Verifies an attached credential or presentation with trust required: an unknown issuer is flagged (R п.10, 20). */
async function verifyAttachment(credential: unknown, deps: Deps) {
  if (parsePresentation(credential)) {
    const report = await verifyIncomingPresentation(credential, {}, { requireTrust: true }, deps);
    return {
      verification: report as unknown as Record<string, unknown>,
      verdict: report.verdict,
      issuerDid: report.credentials[0]?.issuer ?? null,
      credentials: report.credentials.map((c) => c.credential),
    };
  }
  const report = await verifyIncomingCredential(credential, { requireTrust: true }, deps);
  return {
    verification: report as unknown as Record<string, unknown>,
    verdict: report.verdict,
    issuerDid: report.issuer,
    credentials: [report.credential],
  };
}

function disciplinesOf(curriculum: Curriculum, codes: readonly string[]) {
  return codes.map((code) => {
    const d = curriculum.disciplines.find((x) => x.code === code);
    if (!d) throw new AppError("DISCIPLINE_NOT_IN_PROGRAMME", { code, curriculum: curriculum.code });
    return d;
  });
}

async function preparationFor(
  institution: Institution,
  application: Pick<RecognitionApplication, "curriculumId" | "disciplineCodes" | "gradeScaleCode" | "courses"> & {
    documents: readonly { id: string; credential: unknown; verdict: string | null; override: { by: string; reason: string } | null }[];
  },
  deps: Deps,
): Promise<Preparation> {
  const curriculum = await deps.repos.curricula.findCurriculumById(application.curriculumId);
  if (!curriculum) throw new AppError("CURRICULUM_NOT_FOUND", { code: application.curriculumId });
  const scale = application.gradeScaleCode ? await findGradeScale(institution, application.gradeScaleCode, deps) : null;
  return prepare({
    preparedAt: deps.clock().toISOString(),
    receivingHoursPerCredit: hoursPerCredit(institution.kind),
    scale: scale ? { code: scale.code, scale: scale.scale } : null,
    documents: application.documents.map((d) => ({
      id: d.id,
      hasCredential: d.credential !== null,
      verdict: d.verdict,
      override: d.override,
    })),
    courses: application.courses,
    disciplines: disciplinesOf(curriculum, application.disciplineCodes).map((d) => ({
      code: d.code,
      names: d.names,
      credits: d.credits,
      hours: d.hours,
      learningOutcomes: d.content.learningOutcomes.map((o) => ({ code: o.code, text: o.text })),
      syllabusTopics: d.content.syllabusTopics.map((t) => ({ code: t.code, text: t.text })),
    })),
  });
}

const typed = (courses: readonly TypedCourse[], by: string): AppendixCourse[] =>
  courses.map((c, i) => ({
    id: `t${i + 1}`,
    title: c.title,
    outcomes: c.outcomes,
    credits: c.credits,
    hours: c.hours,
    sourceHoursPerCredit: c.sourceHoursPerCredit,
    grade: c.grade,
    source: { kind: "typed", by, documentId: c.documentId ?? null },
  }));

export async function submitApplication(
  institution: Institution,
  input: SubmitInput,
  actor: string,
  deps: Deps,
): Promise<RecognitionApplication> {
  const today = kzDateOf(deps.clock());
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw new AppError("VALIDATION_FAILED", { summary: `receivedOn ${receivedOn} is in the future` });
  const learner = await findLearner(institution, input.learnerId, deps);
  const curriculum = await findCurriculum(institution, input.curriculumCode, deps);
  if (learner.curriculumId !== curriculum.id) throw new AppError("LEARNER_NOT_ENROLLED", { curriculum: curriculum.code });
  disciplinesOf(curriculum, input.disciplineCodes);
  const period = await findAcademicPeriod(institution, input.academicPeriodCode, deps);
  const calendar = await workingCalendar(deps);

  const deadline = withCalendar(() => checkApplicationDeadline(input.procedure, receivedOn, period.startsOn, calendar));
  if (!deadline.onTime)
    throw new AppError(
      "APPLICATION_LATE",
      { rule: deadline.rule, latestSubmission: deadline.latestSubmission, periodStart: period.startsOn, receivedOn },
      { details: { rule: deadline.rule, latestSubmission: deadline.latestSubmission } },
    );
  const missing = missingDocuments(
    input.procedure,
    input.applicationText,
    input.documents.map((d) => ({
      kind: d.kind,
      hasFile: d.file !== undefined,
      hasCredential: d.credential !== undefined && d.credential !== null,
    })),
  );
  if (missing.length > 0)
    throw new AppError(
      "APPLICATION_DOCUMENTS_MISSING",
      { summary: missing.map((m) => `${m.kind} (${m.rule})`).join(", ") },
      { details: { missing } },
    );
  if (input.gradeScaleCode) await findGradeScale(institution, input.gradeScaleCode, deps);
  const due = withCalendar(() => forwardingDue(input.procedure, receivedOn, calendar));

  // Verification reaches out (did:web, status lists): done before the transaction opens.
  const documents: NewDocument[] = [];
  const fromCredentials: AppendixCourse[] = [];
  const basisKinds = basisDocumentKinds(input.procedure);
  for (const d of input.documents) {
    const id = randomUUID();
    const attached = d.credential !== undefined && d.credential !== null ? await verifyAttachment(d.credential, deps) : null;
    documents.push({
      id,
      kind: d.kind,
      title: d.title,
      file: d.file ? { ...d.file, sha256: createHash("sha256").update(d.file.content).digest("hex") } : null,
      credential: attached ? d.credential : null,
      verification: attached?.verification ?? null,
      verdict: attached?.verdict ?? null,
      issuerDid: attached?.issuerDid ?? null,
    });
    if (attached && basisKinds.includes(d.kind))
      for (const [n, credential] of attached.credentials.entries())
        fromCredentials.push(...coursesFromCredential(credential, id, `d${documents.length}.${n + 1}.`));
  }
  const courses = [...fromCredentials, ...typed(input.courses ?? [], actor)];
  for (const c of input.courses ?? [])
    if (c.documentId)
      throw new AppError("COURSES_INVALID", {
        summary: "documentId can be given only when documents are already attached; add courses after submission",
      });

  const preparation = await preparationFor(
    institution,
    {
      curriculumId: curriculum.id,
      disciplineCodes: input.disciplineCodes,
      gradeScaleCode: input.gradeScaleCode ?? null,
      courses,
      documents: documents.map((d) => ({ id: d.id, credential: d.credential, verdict: d.verdict, override: null })),
    },
    deps,
  );

  for (let attempt = 1; ; attempt++) {
    try {
      return await runInTransaction(deps.db, async () => {
        const number = await deps.repos.applications.nextNumber(institution.id);
        const application = await deps.repos.applications.create(
          {
            id: randomUUID(),
            institutionId: institution.id,
            number,
            procedure: input.procedure,
            learnerId: learner.id,
            curriculumId: curriculum.id,
            academicPeriodId: period.id,
            disciplineCodes: input.disciplineCodes,
            applicationText: input.applicationText,
            stage: "submitted",
            receivedOn,
            forwardingDue: due.due,
            courses,
            gradeScaleCode: input.gradeScaleCode ?? null,
            preparation,
          },
          documents,
        );
        await deps.repos.audit.record(
          {
            actor,
            action: "application.submitted",
            institutionId: institution.id,
            subject: `application:${application.id}`,
            details: {
              number,
              procedure: input.procedure,
              receivedOn,
              deadline: { latestSubmission: deadline.latestSubmission, rule: deadline.rule },
              forwardingDue: due.due,
              documents: documents.map((d) => ({ kind: d.kind, verdict: d.verdict, file: d.file?.name ?? null })),
            },
          },
          deps.clock(),
        );
        return application;
      });
    } catch (error) {
      // Two submissions took the same running number at once: take the next one.
      if (attempt < 3 && uniqueViolation(error)) continue;
      throw error;
    }
  }
}

export async function findApplication(institution: Institution, applicationId: string, deps: Deps): Promise<RecognitionApplication> {
  const application = await deps.repos.applications.findById(institution.id, applicationId);
  if (!application) throw new AppError("APPLICATION_NOT_FOUND", { applicationId });
  return application;
}

/** Loads, checks the stage allows the action, applies the change, records it: all in one transaction. */
export async function changeApplication(
  institution: Institution,
  applicationId: string,
  action: ApplicationAction,
  actor: string,
  deps: Deps,
  change: (application: RecognitionApplication) => Promise<{ changes: ApplicationChanges; details?: Record<string, unknown> }>,
): Promise<RecognitionApplication> {
  return runInTransaction(deps.db, async () => {
    const application = await findApplication(institution, applicationId, deps);
    const stage = stageAfter(application.stage, action);
    if (!stage) throw new AppError("APPLICATION_STAGE_CONFLICT", { stage: application.stage, action });
    const { changes, details } = await change(application);
    const saved = await deps.repos.applications.update(application.id, application.version, { ...changes, stage });
    if (!saved) throw new AppError("APPLICATION_VERSION_CONFLICT");
    await deps.repos.audit.record(
      {
        actor,
        action: `application.${action}`,
        institutionId: institution.id,
        subject: `application:${application.id}`,
        ...(details ? { details } : {}),
      },
      deps.clock(),
    );
    return (await deps.repos.applications.findById(institution.id, application.id))!;
  });
}

/** The secretary types in (or corrects) the appendix of a paper document (R п.10) and picks the conversion scale (R п.8). */
export async function setCourses(
  institution: Institution,
  applicationId: string,
  input: { courses: readonly TypedCourse[]; gradeScaleCode: string | null },
  actor: string,
  deps: Deps,
): Promise<RecognitionApplication> {
  if (input.gradeScaleCode) await findGradeScale(institution, input.gradeScaleCode, deps);
  return changeApplication(institution, applicationId, "edit_courses", actor, deps, async (application) => {
    for (const c of input.courses)
      if (c.documentId && !application.documents.some((d) => d.id === c.documentId))
        throw new AppError("DOCUMENT_NOT_FOUND", { documentId: c.documentId });
    const courses = [...application.courses.filter((c) => c.source.kind === "credential"), ...typed(input.courses, actor)];
    const preparation = await preparationFor(institution, { ...application, courses, gradeScaleCode: input.gradeScaleCode }, deps);
    return {
      changes: { courses, gradeScaleCode: input.gradeScaleCode, preparation },
      details: { courses: input.courses.length, gradeScale: input.gradeScaleCode },
    };
  });
}

/** The secretary accepts a credential that failed verification, with a reason that is kept (R п.10). */
export async function overrideDocument(
  institution: Institution,
  applicationId: string,
  documentId: string,
  reason: string,
  actor: string,
  deps: Deps,
): Promise<RecognitionApplication> {
  return changeApplication(institution, applicationId, "override", actor, deps, async (application) => {
    const document = application.documents.find((d) => d.id === documentId);
    if (!document) throw new AppError("DOCUMENT_NOT_FOUND", { documentId });
    if (document.credential === null || document.verdict === "valid") throw new AppError("OVERRIDE_NOT_NEEDED", { documentId });
    const override = { by: actor, reason, at: deps.clock().toISOString() };
    await deps.repos.applications.setOverride(document.id, override);
    const documents = application.documents.map((d) => (d.id === documentId ? { ...d, override } : d));
    const preparation = await preparationFor(institution, { ...application, documents }, deps);
    return { changes: { preparation }, details: { documentId, verdict: document.verdict, reason } };
  });
}

/** The basis documents that failed verification and were not accepted: they block the procedure (R п.10). */
export function unverifiedBasis(application: RecognitionApplication) {
  const kinds = basisDocumentKinds(application.procedure);
  return application.documents.filter((d) => kinds.includes(d.kind) && d.credential !== null && d.verdict !== "valid" && !d.override);
}

/** The commission sends the documents to the expert group (R п.14, 25); the group has 5 working days (R п.16, 27). */
export async function forwardToExperts(
  institution: Institution,
  applicationId: string,
  expertGroupId: string,
  actor: string,
  deps: Deps,
): Promise<RecognitionApplication> {
  const group = await findExpertGroup(institution, expertGroupId, deps);
  const calendar = await workingCalendar(deps);
  const today = kzDateOf(deps.clock());
  return changeApplication(institution, applicationId, "forward", actor, deps, async (application) => {
    const flagged = unverifiedBasis(application)[0];
    if (flagged) throw new AppError("BASIS_NOT_VERIFIED", { documentId: flagged.id, verdict: flagged.verdict ?? "unknown" });
    const due = withCalendar(() => conclusionDue(application.procedure, today, calendar));
    return {
      changes: { forwardedOn: today, expertGroupId: group.id, conclusionDue: due.due },
      details: {
        expertGroupId: group.id,
        forwardedOn: today,
        forwardingDue: application.forwardingDue,
        late: today > application.forwardingDue,
        conclusionDue: due.due,
      },
    };
  });
}

/** An expert of the group the application was sent to gives the conclusion; all four assessments are required (R п.16, 27). */
export async function concludeApplication(
  institution: Institution,
  applicationId: string,
  conclusion: ExpertConclusionDraft,
  expert: { actor: string; userId: string | undefined; platformAdmin: boolean },
  deps: Deps,
): Promise<RecognitionApplication> {
  if (!expert.userId) throw new AppError("PERSONAL_TOKEN_REQUIRED");
  const userId = expert.userId;
  const today = kzDateOf(deps.clock());
  return changeApplication(institution, applicationId, "conclude", expert.actor, deps, async (application) => {
    const group = application.expertGroupId
      ? await deps.repos.commissions.findExpertGroup(institution.id, application.expertGroupId)
      : null;
    if (!group?.members.some((m) => m.userId === userId)) throw new AppError("NOT_IN_EXPERT_GROUP");
    const problems = checkConclusion(conclusion, application.disciplineCodes);
    if (problems.length > 0)
      throw new AppError(
        "EXPERT_CONCLUSION_INCOMPLETE",
        {
          summary: problems
            .map(
              (p) =>
                `${p.code}${"aspect" in p ? ` (${String(p.aspect)})` : ""}${"disciplineCode" in p ? ` (${String(p.disciplineCode)})` : ""}`,
            )
            .join("; "),
        },
        { details: { problems } },
      );
    return {
      // Complete now, so the strict schema holds.
      changes: { conclusion: { ...ExpertConclusionSchema.parse(conclusion), by: userId }, concludedOn: today },
      details: {
        concludedOn: today,
        conclusionDue: application.conclusionDue,
        late: application.conclusionDue !== null && today > application.conclusionDue,
      },
    };
  });
}

export interface Overdue {
  readonly step: "forwarding" | "conclusion";
  readonly due: IsoDate;
  readonly rule: string;
}

/** Steps past their deadline (R п.14, 25: 3 working days to forward; R п.16, 27: 5 to conclude), for listings. */
export function overdueSteps(application: RecognitionApplication, today: IsoDate): Overdue[] {
  const steps: Overdue[] = [];
  if (isOverdue(application.forwardingDue, today, application.forwardedOn))
    steps.push({ step: "forwarding", due: application.forwardingDue, rule: application.procedure === "B" ? "R п.25" : "R п.14" });
  if (application.conclusionDue && isOverdue(application.conclusionDue, today, application.concludedOn))
    steps.push({ step: "conclusion", due: application.conclusionDue, rule: application.procedure === "B" ? "R п.27" : "R п.16" });
  return steps;
}
