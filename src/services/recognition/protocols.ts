// The protocol of a closed meeting (R п.17, 28) and the extract for the registrar (R п.18, 29), as data and as PDF.
import {
  renderProtocolExtractPdf,
  renderRecognitionProtocolPdf,
  type DocumentLang,
  type RecognitionProtocolInput,
} from "../../documents/recognition-protocol-pdf.js";
import type { IssuedCredential } from "../../db/repositories/credentials.js";
import type { Institution, LocalizedText } from "../../domain/institutions/institution.js";
import type { CommissionKind } from "../../domain/recognition/commission.js";
import type { Verdict } from "../../domain/verification/report.js";
import { isLetter } from "../../domain/grading/letter-scale.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../deps.js";
import { findApplication } from "./applications.js";
import { findMeeting } from "./meetings.js";

export const COMMISSION_NAMES: Readonly<Record<CommissionKind, LocalizedText>> = {
  non_formal: {
    kk: "Бейресми білім беру нәтижелерін тану жөніндегі комиссия",
    ru: "Комиссия по признанию результатов обучения неформального образования",
    en: "Commission for the recognition of non-formal learning outcomes",
  },
  professional: {
    kk: "Кәсіптік біліктілікті тану нәтижелерін тану жөніндегі комиссия",
    ru: "Комиссия по признанию результатов признания профессиональной квалификации",
    en: "Commission for the recognition of professional qualifications",
  },
  micro_qualification: {
    kk: "Біліктілік комиссиясы (микробіліктіліктер)",
    ru: "Квалификационная комиссия (микроквалификации)",
    en: "Qualification commission (micro-qualifications)",
  },
};

export async function protocolOf(institution: Institution, meetingId: string, deps: Deps): Promise<RecognitionProtocolInput> {
  const { meeting, commission } = await findMeeting(institution, meetingId, deps);
  if (meeting.status !== "closed" || meeting.protocolNumber === null) throw new AppError("PROTOCOL_NOT_READY");
  const nameOf = async (userId: string) => (await deps.repos.users.findById(userId))?.fullName ?? userId;
  const members = [];
  for (const m of commission.members)
    members.push({
      fullName: await nameOf(m.userId),
      role:
        m.userId === commission.chairUserId
          ? ("chair" as const)
          : m.userId === commission.deputyUserId
            ? ("deputy" as const)
            : ("member" as const),
      present: meeting.present.includes(m.userId),
    });
  const items = [];
  for (const item of meeting.items) {
    const application = await findApplication(institution, item.applicationId, deps);
    const learner = await deps.repos.learners.findById(institution.id, application.learnerId);
    const curriculum = await deps.repos.curricula.findCurriculumById(application.curriculumId);
    const tally = item.tally as { for?: number; against?: number; abstain?: number } | null;
    items.push({
      applicationId: application.id,
      applicationNumber: application.number,
      applicant: { fullName: learner?.fullName ?? "—", programme: curriculum ? { ...curriculum.names } : null },
      procedure: application.procedure,
      documents: application.documents.map((d) => ({
        title: d.title,
        issuer: d.issuerDid ?? (d.file ? d.file.name : "—"),
        verdict: (d.verdict as Verdict | null) ?? null,
      })),
      expertConclusion: { date: application.concludedOn, summary: application.conclusion?.summary ?? "—" },
      // What was put to the vote: for a draft voted down, its disciplines, not the refusal that followed.
      motion: (item.motion?.disciplines ?? []).flatMap((d) => {
        const discipline = curriculum?.disciplines.find((x) => x.code === d.code);
        return discipline && isLetter(d.letter)
          ? [{ code: d.code, names: discipline.names, credits: d.credits, hours: d.hours, letter: d.letter }]
          : [];
      }),
      vote: { for: tally?.for ?? 0, against: tally?.against ?? 0, abstain: tally?.abstain ?? 0 },
      outcome: item.outcome ?? ("not_adopted" as const),
    });
  }
  return {
    institution: institution.names,
    commission: { names: COMMISSION_NAMES[commission.kind], order: { number: commission.orderNumber, date: commission.orderDate } },
    number: meeting.protocolNumber,
    date: meeting.heldOn,
    place: meeting.place,
    members,
    secretary: { fullName: await nameOf(commission.secretaryUserId) },
    items,
  };
}

export async function protocolPdf(institution: Institution, meetingId: string, lang: DocumentLang, deps: Deps): Promise<Buffer> {
  return renderRecognitionProtocolPdf(await protocolOf(institution, meetingId, deps), lang);
}

export async function extractPdf(
  institution: Institution,
  meetingId: string,
  applicationId: string,
  lang: DocumentLang,
  deps: Deps,
): Promise<Buffer> {
  const protocol = await protocolOf(institution, meetingId, deps);
  if (!protocol.items.some((i) => i.applicationId === applicationId)) throw new AppError("AGENDA_ITEM_NOT_FOUND", { applicationId });
  return renderProtocolExtractPdf(
    { protocol, applicationId, recipient: institution.kind === "higher" ? "registrar" : "academic_office" },
    lang,
  );
}

/** The printable form of a decision credential: the extract of the protocol it rests on. */
export async function decisionCredentialPdf(credential: IssuedCredential, lang: DocumentLang, deps: Deps): Promise<Buffer> {
  const institution = await deps.repos.institutions.findById(credential.institutionId);
  const application =
    institution && credential.applicationId ? await deps.repos.applications.findById(institution.id, credential.applicationId) : null;
  if (!institution || !application?.meetingId) throw new AppError("CREDENTIAL_NOT_FOUND", { credentialId: credential.id });
  return extractPdf(institution, application.meetingId, application.id, lang, deps);
}
