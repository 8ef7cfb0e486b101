// The registrar's side (R п.18–19, 29–30): the extract of the protocol becomes transcript entries marked as
// re-credited, the learner is exempt from those disciplines, and the learner receives a signed
// RecognitionDecisionCredential. Also the transcript view with the stack of micro-qualifications (M п.2.2, 3.3).
import { randomBytes, randomUUID } from "node:crypto";
import { runInTransaction } from "../../db/transaction.js";
import type { CredentialFormat, IssuedCredential } from "../../db/repositories/credentials.js";
import type { RecognitionApplication } from "../../db/repositories/recognition-applications.js";
import { kzDateOf } from "../../domain/calendar/working-days.js";
import type { Institution } from "../../domain/institutions/institution.js";
import { hashIdentity } from "../../domain/learners/identity-hash.js";
import { buildDecisionCredential } from "../../domain/recognition/decision-credential.js";
import type { Procedure } from "../../domain/recognition/deadlines.js";
import { disciplineStatuses, microStack } from "../../domain/recognition/transcript.js";
import { AppError } from "../../errors.js";
import type { CredentialPayload } from "../../credentials/agent.js";
import type { Deps } from "../deps.js";
import { findLearner } from "../learners.js";
import { allocateStatusIndexes, statusListUrl } from "../status-lists.js";
import { credentialUrlOf, decisionSchemaUrlOf, recognitionContextUrlOf } from "../urls.js";
import { changeApplication, findApplication } from "./applications.js";

async function signDecision(
  institution: Institution,
  application: RecognitionApplication,
  format: CredentialFormat,
  deps: Deps,
): Promise<IssuedCredential> {
  const decision = application.decision!;
  const { publicUrl } = deps.config;
  const [learner, curriculum, commission] = await Promise.all([
    findLearner(institution, application.learnerId, deps),
    deps.repos.curricula.findCurriculumById(application.curriculumId),
    deps.repos.commissions.find(institution.id, decision.commissionId),
  ]);
  if (!curriculum || !commission) throw new AppError("APPLICATION_NOT_FOUND", { applicationId: application.id });
  const revocation = (await allocateStatusIndexes(institution, "revocation", 1, deps))[0]!;
  const suspension = (await allocateStatusIndexes(institution, "suspension", 1, deps))[0]!;
  const listUrl = (purpose: "revocation" | "suspension", sequence: number) =>
    statusListUrl(publicUrl, institution.slug, purpose, sequence, format);
  const id = randomUUID();
  const salt = randomBytes(16).toString("hex");
  const issuedAt = deps.clock();
  const recognised = new Set(decision.disciplines.map((d) => d.code));
  const competences = curriculum.disciplines
    .filter((d) => recognised.has(d.code))
    .flatMap((d) => (d.content.competences.length > 0 ? d.content.competences : d.content.learningOutcomes))
    .map((c) => c.text.en ?? c.text.ru ?? c.text.kk ?? c.code);
  const document = buildDecisionCredential({
    id: credentialUrlOf(publicUrl, id),
    contextUrl: recognitionContextUrlOf(publicUrl),
    schemaUrl: decisionSchemaUrlOf(publicUrl),
    issuer: {
      did: institution.did,
      names: institution.names,
      bin: institution.bin,
      url: `${publicUrl.href.replace(/\/$/, "")}/orgs/${institution.slug}`,
    },
    lang: "en",
    learner: {
      fullName: learner.fullName,
      identity: learner.holderDid
        ? { kind: "did", did: learner.holderDid }
        : { kind: "hashed_iin", identityHash: hashIdentity(learner.iin, salt), salt },
    },
    procedure: application.procedure,
    programme: { code: curriculum.code, names: curriculum.names },
    disciplines: decision.disciplines,
    basisDocuments: application.documents.map((d) => ({
      kind: d.kind,
      title: d.title,
      credentialId:
        typeof (d.verification?.credential as { id?: unknown } | undefined)?.id === "string"
          ? String((d.verification!.credential as { id: string }).id)
          : null,
      issuer: d.issuerDid,
      verdict: d.verdict,
      sha256: d.file?.sha256 ?? null,
    })),
    protocol: {
      number: decision.protocolNumber!,
      date: decision.decidedOn,
      commissionKind: commission.kind,
      orderNumber: commission.orderNumber,
      orderDate: commission.orderDate,
    },
    competences,
    validFrom: issuedAt,
    status: [
      { purpose: "revocation", listUrl: listUrl("revocation", revocation.sequence), index: revocation.index },
      { purpose: "suspension", listUrl: listUrl("suspension", suspension.sequence), index: suspension.index },
    ],
  });
  const signed = (await deps.agent.createVerifiableCredential({
    credential: document as unknown as CredentialPayload,
    proofFormat: format,
    keyRef: institution.activeKid,
  })) as unknown as Record<string, unknown> & { proof?: { jwt?: string } };
  const jwt = format === "vc+jwt" ? (signed.proof?.jwt ?? null) : null;
  if (format === "vc+jwt" && !jwt) throw new Error("the vc+jwt provider returned no JWT");
  return deps.repos.credentials.create({
    id,
    institutionId: institution.id,
    kind: "recognition_decision",
    programmeId: null,
    learnerId: learner.id,
    attestationId: null,
    applicationId: application.id,
    format,
    document: jwt ? document : signed,
    jwt,
    issuedAt,
    validUntil: null,
    revocationListId: revocation.listId,
    revocationIndex: revocation.index,
    suspensionListId: suspension.listId,
    suspensionIndex: suspension.index,
    status: "active",
    statusReason: null,
    statusChangedAt: null,
    holderToken: randomBytes(24).toString("base64url"),
  });
}

/**
 * The registrar records the extract: one transcript entry per re-credited discipline (name, credits, hours, letter,
 * re-credited, the protocol as basis — R п.18, 29), and the decision credential is issued. One transaction.
 */
export async function recordInTranscript(
  institution: Institution,
  applicationId: string,
  format: CredentialFormat | undefined,
  actor: string,
  deps: Deps,
): Promise<{ application: RecognitionApplication; credential: IssuedCredential }> {
  const today = kzDateOf(deps.clock());
  return runInTransaction(deps.db, async () => {
    const current = await findApplication(institution, applicationId, deps);
    const decision = current.decision;
    if (current.stage !== "decided" || !decision)
      throw new AppError("APPLICATION_STAGE_CONFLICT", { stage: current.stage, action: "record" });
    if (decision.outcome !== "recognised") throw new AppError("DECISION_NOT_RECOGNISED");
    if (decision.protocolNumber === null) throw new AppError("PROTOCOL_NOT_READY");
    const learner = await findLearner(institution, current.learnerId, deps);
    const curriculum = await deps.repos.curricula.findCurriculumById(learner.curriculumId ?? "");
    const commission = await deps.repos.commissions.find(institution.id, decision.commissionId);
    const existing = new Set((await deps.repos.applications.transcript(learner.id)).map((e) => `${e.curriculumId}:${e.disciplineCode}`));
    for (const d of decision.disciplines) {
      if (!curriculum?.disciplines.some((x) => x.code === d.code))
        throw new AppError("DISCIPLINE_NOT_IN_PROGRAMME", { code: d.code, curriculum: curriculum?.code ?? "—" });
      if (existing.has(`${curriculum.id}:${d.code}`)) throw new AppError("TRANSCRIPT_ENTRY_EXISTS", { code: d.code });
    }
    const basis = {
      protocolNumber: decision.protocolNumber,
      protocolDate: decision.decidedOn,
      commissionKind: commission?.kind ?? null,
      applicationNumber: current.number,
      procedure: current.procedure,
    };
    await deps.repos.applications.addTranscriptEntries(
      decision.disciplines.map((d) => ({
        id: randomUUID(),
        institutionId: institution.id,
        learnerId: learner.id,
        curriculumId: curriculum!.id,
        disciplineCode: d.code,
        name: { ...d.names },
        credits: d.credits,
        hours: d.hours,
        letter: d.letter,
        gpa: d.gpa,
        kind: "re_credited",
        applicationId: current.id,
        basis,
        recordedOn: today,
        recordedBy: actor,
      })),
    );
    const credential = await signDecision(institution, current, format ?? institution.credentialFormat, deps);
    const application = await changeApplication(institution, applicationId, "record", actor, deps, async () => ({
      changes: { recordedOn: today, decision: { ...decision, credentialId: credential.id } },
      details: { disciplines: decision.disciplines.map((d) => d.code), credentialId: credential.id, format: credential.format },
    }));
    await deps.repos.audit.record(
      {
        actor,
        action: "credential.issued",
        institutionId: institution.id,
        subject: credential.id,
        details: { kind: "recognition_decision", applicationId: current.id, format: credential.format },
      },
      deps.clock(),
    );
    return { application, credential };
  });
}

export interface TranscriptView {
  readonly learnerId: string;
  readonly curriculum: { readonly code: string; readonly names: Record<string, string>; readonly totalCredits: number } | null;
  readonly entries: Awaited<ReturnType<Deps["repos"]["applications"]["transcript"]>>;
  /** Every discipline of the programme: re-credited (exempt in later periods, R п.19, 30) or still to study. */
  readonly disciplines: readonly {
    readonly code: string;
    readonly names: Record<string, string>;
    readonly credits: number;
    readonly period: number;
    readonly status: "re_credited" | "to_study";
  }[];
  /** Micro-qualifications accumulate towards the degree (M п.2.2, 3.3, 3.5). */
  readonly microQualifications: {
    readonly awarded: readonly { readonly programme: string; readonly credits: number; readonly letter: string; readonly heldOn: string }[];
    readonly transferredCredits: number;
    readonly awardedCredits: number;
    readonly countsTowards: readonly string[];
    readonly shareOfProgramme: number | null;
  };
}

export async function transcriptOf(institution: Institution, learnerId: string, deps: Deps): Promise<TranscriptView> {
  const learner = await findLearner(institution, learnerId, deps);
  const curriculum = learner.curriculumId ? await deps.repos.curricula.findCurriculumById(learner.curriculumId) : null;
  const entries = await deps.repos.applications.transcript(learner.id);
  const applications = new Map<string, Procedure>();
  for (const e of entries) {
    if (!applications.has(e.applicationId))
      applications.set(e.applicationId, (await deps.repos.applications.findById(institution.id, e.applicationId))?.procedure ?? "A");
  }
  const attestations = (await deps.repos.learners.attestationsOfLearner(learner.id)).filter((a) => a.passing);
  const awarded = [];
  for (const a of attestations) {
    const programme = await deps.repos.programmes.findById(a.programmeId);
    if (programme) awarded.push({ programme: programme.code, credits: programme.credits, letter: a.letter, heldOn: a.heldOn });
  }
  const recredited = (e: (typeof entries)[number]) => ({
    disciplineCode: e.disciplineCode,
    credits: e.credits,
    procedure: applications.get(e.applicationId) ?? "A",
  });
  const programme = curriculum?.disciplines ?? [];
  const statuses = disciplineStatuses(programme, entries.filter((e) => e.curriculumId === curriculum?.id).map(recredited));
  return {
    learnerId: learner.id,
    curriculum: curriculum
      ? { code: curriculum.code, names: { ...curriculum.names }, totalCredits: programme.reduce((sum, d) => sum + d.credits, 0) }
      : null,
    entries,
    disciplines: programme.map((d) => ({
      code: d.code,
      names: { ...d.names },
      credits: d.credits,
      period: d.period,
      status: statuses.get(d.code)!,
    })),
    microQualifications: {
      awarded,
      ...microStack(
        programme,
        entries.map(recredited),
        awarded.map((a) => a.credits),
      ),
    },
  };
}
