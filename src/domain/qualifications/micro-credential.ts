// The MicroQualificationCredential: an Open Badges 3.0 OpenBadgeCredential on the VC Data Model 2.0.
// Pure: everything (ids, dates, status entries, the learner's hashed identity) is passed in.
import type { LetterGrade } from "../grading/letter-scale.js";
import { LETTERS } from "../grading/letter-scale.js";
import type { LocalizedText } from "../institutions/institution.js";
import type { ProgrammeContent, Workload } from "./programme.js";

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const VC_V1_CONTEXT = "https://www.w3.org/2018/credentials/v1";
export const OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const CREDENTIAL_TYPE = "MicroQualificationCredential";

export interface StatusEntryRef {
  readonly purpose: "revocation" | "suspension";
  readonly listUrl: string;
  readonly index: number;
}

/** Who the credential is about: their wallet DID, or a salted hash of their IIN (never the IIN itself). */
export type SubjectIdentity =
  { readonly kind: "did"; readonly did: string } | { readonly kind: "hashed_iin"; readonly identityHash: string; readonly salt: string };

export interface MicroCredentialInput {
  readonly id: string;
  readonly issuer: { readonly did: string; readonly names: LocalizedText; readonly url: string; readonly bin: string };
  readonly programme: {
    readonly achievementUrl: string;
    readonly code: string;
    readonly content: ProgrammeContent;
    readonly workload: Workload;
  };
  readonly learner: { readonly fullName: string; readonly identity: SubjectIdentity };
  readonly result: { readonly grade: LetterGrade; readonly percent: number | null; readonly session: string; readonly heldOn: string };
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly status: readonly StatusEntryRef[];
  readonly schemaUrl: string;
}

/** The language a text is presented in: the first language of instruction we have texts for, else English. */
export function primaryLanguage(content: Pick<ProgrammeContent, "languages">): keyof LocalizedText {
  return (content.languages.find((l) => l === "kk" || l === "ru" || l === "en") as keyof LocalizedText | undefined) ?? "en";
}

/** Adds whole calendar months, clamping to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export interface AchievementInput {
  readonly achievementUrl: string;
  readonly code: string;
  readonly content: ProgrammeContent;
  readonly workload: Workload;
}

/** The programme as an Open Badges 3.0 Achievement: what the credential's achievement id points to. */
export function buildAchievement(programme: AchievementInput): Record<string, unknown> {
  const content = programme.content;
  const lang = primaryLanguage(content);
  const achievementUrl = programme.achievementUrl;

  const alignment = [
    // The level of the National Qualifications Framework (registry field 5), as an OB alignment.
    {
      type: ["Alignment"],
      targetName: `National Qualifications Framework of the Republic of Kazakhstan, level ${content.nqfLevel}`,
      targetUrl: `urn:kz:nqf:level:${content.nqfLevel}`,
      targetType: "ext:NQFLevel",
      targetFramework: "National Qualifications Framework of the Republic of Kazakhstan",
      targetCode: String(content.nqfLevel),
    },
    ...(content.professionalBasis.kind === "standard"
      ? [
          {
            type: ["Alignment"],
            targetName: `${content.professionalBasis.standard[lang]}: ${content.professionalBasis.labourFunction[lang]}`,
            targetUrl: `urn:kz:professional-standard:${encodeURIComponent(content.professionalBasis.code ?? content.professionalBasis.standard.en)}`,
            targetType: "ext:ProfessionalStandardLabourFunction",
            ...(content.professionalBasis.code ? { targetCode: content.professionalBasis.code } : {}),
          },
        ]
      : []),
    // The learning outcomes (registry field 10) as competencies: a receiving institution matches them
    // against its disciplines (M п.23, R п.6) and they go into the Diploma Supplement (M п.18).
    ...content.learningOutcomes.map((outcome) => ({
      type: ["Alignment"],
      targetName: outcome.text[lang],
      targetDescription: [outcome.text.kk, outcome.text.ru, outcome.text.en].join(" | "),
      targetUrl: `${achievementUrl}#outcome-${encodeURIComponent(outcome.code)}`,
      targetType: "ceasn:Competency",
      targetFramework: "Learning outcomes of the programme (M п.9)",
      targetCode: outcome.code,
    })),
  ];

  const resultDescriptions = [
    {
      id: `${achievementUrl}#grade`,
      type: ["ResultDescription"],
      name: "Final attestation grade (letter)",
      resultType: "LetterGrade",
      allowedValue: [...LETTERS],
      requiredValue: "D",
    },
    {
      id: `${achievementUrl}#gpa`,
      type: ["ResultDescription"],
      name: "Grade points",
      resultType: "GradePointAverage",
      valueMin: "0",
      valueMax: "4",
    },
    {
      id: `${achievementUrl}#percent`,
      type: ["ResultDescription"],
      name: "Final attestation score",
      resultType: "Percent",
      valueMin: "0",
      valueMax: "100",
    },
  ];

  return {
    id: achievementUrl,
    type: ["Achievement"],
    achievementType: "MicroCredential",
    name: content.qualificationName[lang],
    description: content.description?.[lang] ?? content.goal[lang],
    criteria: {
      id: achievementUrl,
      narrative: content.assessment?.[lang] ?? "Passed the final attestation of the programme with a grade from A to D (M п.16).",
    },
    creditsAvailable: programme.workload.credits,
    ...(content.fieldOfStudy ? { fieldOfStudy: content.fieldOfStudy } : {}),
    inLanguage: lang,
    humanCode: programme.code,
    alignment,
    resultDescription: resultDescriptions,
    tag: ["micro-qualification", `NQF level ${content.nqfLevel}`, `${programme.workload.hours} academic hours`],
  };
}

export function buildMicroCredential(input: MicroCredentialInput): Record<string, unknown> {
  const { programme, learner, result } = input;
  const content = programme.content;
  const lang = primaryLanguage(content);
  const achievementUrl = programme.achievementUrl;

  const results = [
    { type: ["Result"], resultDescription: `${achievementUrl}#grade`, value: result.grade.letter },
    { type: ["Result"], resultDescription: `${achievementUrl}#gpa`, value: result.grade.gpa.toFixed(2) },
    ...(result.percent !== null
      ? [{ type: ["Result"], resultDescription: `${achievementUrl}#percent`, value: String(result.percent) }]
      : []),
  ];
  const subject: Record<string, unknown> = {
    type: ["AchievementSubject"],
    ...(learner.identity.kind === "did" ? { id: learner.identity.did } : {}),
    // OB 3.0 names a person through IdentityObjects: the name in clear, the IIN only as a salted hash.
    identifier: [
      { type: "IdentityObject", identityHash: learner.fullName, identityType: "name", hashed: false },
      ...(learner.identity.kind === "hashed_iin"
        ? [
            {
              type: "IdentityObject",
              identityHash: learner.identity.identityHash,
              identityType: "nationalIdentityNumber",
              hashed: true,
              salt: learner.identity.salt,
            },
          ]
        : []),
    ],
    achievement: buildAchievement(programme),
    result: results,
    creditsEarned: programme.workload.credits,
    activityEndDate: `${result.heldOn}T00:00:00Z`,
  };

  const statusEntries = input.status.map((s) => ({
    id: `${s.listUrl}#${s.index}`,
    type: "BitstringStatusListEntry",
    statusPurpose: s.purpose,
    statusListIndex: String(s.index),
    statusListCredential: s.listUrl,
  }));

  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: {
      id: input.issuer.did,
      type: ["Profile"],
      name: input.issuer.names[lang],
      url: input.issuer.url,
      otherIdentifier: [{ type: "IdentifierEntry", identifier: input.issuer.bin, identifierType: "ext:BIN" }],
    },
    name: content.qualificationName[lang],
    validFrom: iso(input.validFrom),
    ...(input.validUntil ? { validUntil: iso(input.validUntil) } : {}),
    credentialSubject: subject,
    credentialStatus: statusEntries,
    // "JsonSchema" is the VC 2.0 term; 1EdTech's own type would need a third context (OB extensions).
    credentialSchema: [{ id: input.schemaUrl, type: "JsonSchema" }],
    evidence: [
      {
        id: `${input.id}#evidence`,
        type: ["Evidence"],
        name: "Final attestation",
        description: `Final attestation "${result.session}" held on ${result.heldOn}: grade ${result.grade.letter}.`,
      },
    ],
  };
}
