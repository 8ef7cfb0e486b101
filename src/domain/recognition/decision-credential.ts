// The RecognitionDecisionCredential: the receiving institution's signed statement that its commission re-credited
// these disciplines (R п.17–19, 28–30; M п.24), on these documents and this protocol, with the competences that
// go into the Diploma Supplement (M п.18). VC Data Model 2.0 with our small JSON-LD context. Pure.
import { z } from "zod";
import { LETTERS } from "../grading/letter-scale.js";
import type { LocalizedText } from "../institutions/institution.js";
import { VC_V2_CONTEXT, type StatusEntryRef, type SubjectIdentity } from "../qualifications/micro-credential.js";
import type { Procedure } from "./deadlines.js";

export const DECISION_CREDENTIAL_TYPE = "RecognitionDecisionCredential";

export const PROCEDURE_BASIS: Readonly<Record<Procedure, string>> = {
  A: "Recognition of non-formal learning (R ch.2, п.3–19)",
  B: "Recognition of a professional qualification (R ch.3, п.20–30)",
  micro: "Credit transfer of a micro-qualification (M п.19–26)",
};

export interface DecisionCredentialInput {
  readonly id: string;
  readonly contextUrl: string;
  readonly schemaUrl: string;
  readonly issuer: { readonly did: string; readonly names: LocalizedText; readonly url: string; readonly bin: string };
  readonly lang: keyof LocalizedText;
  readonly learner: { readonly fullName: string; readonly identity: SubjectIdentity };
  readonly procedure: Procedure;
  readonly programme: { readonly code: string; readonly names: LocalizedText };
  readonly disciplines: readonly {
    readonly code: string;
    readonly names: LocalizedText;
    readonly credits: number;
    readonly hours: number;
    readonly letter: string;
    readonly gpa: number;
  }[];
  readonly basisDocuments: readonly {
    readonly kind: string;
    readonly title: string;
    readonly credentialId: string | null;
    readonly issuer: string | null;
    readonly verdict: string | null;
    readonly sha256: string | null;
  }[];
  readonly protocol: {
    readonly number: number;
    readonly date: string;
    readonly commissionKind: string;
    readonly orderNumber: string;
    readonly orderDate: string;
  };
  readonly competences: readonly string[];
  readonly validFrom: Date;
  readonly status: readonly StatusEntryRef[];
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export function buildDecisionCredential(input: DecisionCredentialInput): Record<string, unknown> {
  const { lang } = input;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    "@context": [VC_V2_CONTEXT, input.contextUrl],
    id: input.id,
    type: ["VerifiableCredential", DECISION_CREDENTIAL_TYPE],
    issuer: { id: input.issuer.did, name: input.issuer.names[lang], url: input.issuer.url, bin: input.issuer.bin },
    name: `${input.issuer.names[lang]}: ${PROCEDURE_BASIS[input.procedure]}`,
    validFrom: iso(input.validFrom),
    credentialSubject: {
      ...(input.learner.identity.kind === "did" ? { id: input.learner.identity.did } : {}),
      type: "RecognitionDecision",
      learner: {
        name: input.learner.fullName,
        ...(input.learner.identity.kind === "hashed_iin"
          ? { identityHash: input.learner.identity.identityHash, identityType: "nationalIdentityNumber", salt: input.learner.identity.salt }
          : {}),
      },
      procedure: input.procedure,
      procedureBasis: PROCEDURE_BASIS[input.procedure],
      educationalProgramme: { code: input.programme.code, name: input.programme.names[lang] },
      recognisedDisciplines: input.disciplines.map((d) => ({
        code: d.code,
        name: d.names[lang],
        nameKk: d.names.kk,
        nameRu: d.names.ru,
        nameEn: d.names.en,
        credits: d.credits,
        hours: d.hours,
        letterGrade: d.letter,
        gradePoints: d.gpa,
        recognition: "re-credited",
      })),
      totalCredits: round2(input.disciplines.reduce((sum, d) => sum + d.credits, 0)),
      totalHours: input.disciplines.reduce((sum, d) => sum + d.hours, 0),
      basisDocuments: input.basisDocuments.map((b) => ({
        kind: b.kind,
        title: b.title,
        ...(b.credentialId ? { credentialId: b.credentialId } : {}),
        ...(b.issuer ? { issuer: b.issuer } : {}),
        ...(b.verdict ? { verification: b.verdict } : {}),
        ...(b.sha256 ? { sha256: b.sha256 } : {}),
      })),
      protocol: {
        number: String(input.protocol.number),
        date: input.protocol.date,
        commission: input.protocol.commissionKind,
        commissionOrder: `№ ${input.protocol.orderNumber}, ${input.protocol.orderDate}`,
      },
      diplomaSupplementCompetences: [...input.competences],
    },
    credentialSchema: { id: input.schemaUrl, type: "JsonSchema" },
    credentialStatus: input.status.map((s) => ({
      id: `${s.listUrl}#${s.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: s.purpose,
      statusListIndex: String(s.index),
      statusListCredential: s.listUrl,
    })),
  };
}

const text = z.string().min(1);

/** The shape every RecognitionDecisionCredential has; schemas/recognition-decision-credential.json is generated from it. */
export const RecognitionDecisionCredentialSchema = z
  .object({
    "@context": z.tuple([z.literal(VC_V2_CONTEXT), z.url()]).rest(z.string()),
    id: z.url(),
    type: z.tuple([z.literal("VerifiableCredential"), z.literal(DECISION_CREDENTIAL_TYPE)]),
    issuer: z.object({ id: z.string().regex(/^did:/), name: text }).loose(),
    name: text,
    validFrom: z.iso.datetime({ offset: true }),
    credentialSubject: z
      .object({
        id: z.string().optional(),
        type: z.literal("RecognitionDecision"),
        learner: z.object({ name: text }).loose(),
        procedure: z.enum(["A", "B", "micro"]),
        educationalProgramme: z.object({ code: text, name: text }),
        recognisedDisciplines: z
          .array(
            z
              .object({
                code: text,
                name: text,
                credits: z.number().nonnegative(),
                hours: z.number().nonnegative(),
                letterGrade: z.enum(LETTERS.filter((l) => l !== "FX" && l !== "F") as [string, ...string[]]),
                recognition: z.literal("re-credited"),
              })
              .loose(),
          )
          .min(1),
        basisDocuments: z.array(z.object({ kind: text, title: text }).loose()).min(1),
        protocol: z.object({ number: text, date: z.iso.date(), commission: text }).loose(),
        diplomaSupplementCompetences: z.array(text),
      })
      .loose(),
    credentialSchema: z.object({ id: z.url(), type: z.literal("JsonSchema") }),
    credentialStatus: z.array(
      z.object({ type: z.literal("BitstringStatusListEntry"), statusPurpose: z.enum(["revocation", "suspension"]) }).loose(),
    ),
  })
  .loose();

export const DECISION_SCHEMA_FILE_ID = "https://kualik.kz/schemas/recognition-decision-credential.json";

export function recognitionDecisionJsonSchema(id: string): Record<string, unknown> {
  return { $id: id, ...z.toJSONSchema(RecognitionDecisionCredentialSchema, { target: "draft-2020-12" }) };
}
