import { z } from "zod";
import { ACCREDITATION_KINDS, PROGRAMME_STATUSES, STUDY_FORMS } from "../../domain/qualifications/programme.js";
import { LocalizedTextSchema } from "./common.js";
import { SlugSchema } from "./institutions.js";

const LongText = z.strictObject({
  kk: z.string().trim().min(1).max(5000),
  ru: z.string().trim().min(1).max(5000),
  en: z.string().trim().min(1).max(5000),
});

export const ProgrammeCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "letters, digits, '.', '_' and '-', up to 64 characters")
  .describe("The institution's own code for the programme; part of its public URL");

export const ProgrammeParams = z.strictObject({ slug: SlugSchema, code: ProgrammeCodeSchema });

export const ProgrammeContentSchema = z.strictObject({
  names: LocalizedTextSchema.describe("Registry field 2: the programme's name"),
  qualificationName: LocalizedTextSchema.describe("The micro-qualification awarded (M п.9)"),
  goal: LongText.describe("Registry field 3"),
  description: LongText.nullable().default(null),
  form: z.enum(STUDY_FORMS).describe("Registry field 4"),
  nqfLevel: z.number().int().min(1).max(8).describe("Registry field 5: National Qualifications Framework level"),
  accreditations: z
    .array(
      z.strictObject({
        kind: z.enum(ACCREDITATION_KINDS),
        agency: z.string().trim().min(1).max(300).nullable().default(null),
        register: z.string().trim().min(1).max(100).nullable().default(null).describe("EQAR, ENQA or a similar official register"),
      }),
    )
    .max(10)
    .default([])
    .describe("Registry field 6; empty = not accredited"),
  workload: z
    .strictObject({
      credits: z.number().positive().max(240).multipleOf(0.5).nullable().default(null),
      hours: z.number().int().positive().max(7200).nullable().default(null),
    })
    .describe("Registry field 7: credits and/or academic hours (R п.7: 30 h per credit in higher education, 24 in TVET)"),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, "an ISO 639-1 code such as kk, ru or en"))
    .min(1)
    .max(10)
    .describe("Registry field 8"),
  professionalBasis: z
    .discriminatedUnion("kind", [
      z.strictObject({
        kind: z.literal("standard"),
        standard: LocalizedTextSchema,
        labourFunction: LocalizedTextSchema,
        code: z.string().trim().min(1).max(50).nullable().default(null),
      }),
      z.strictObject({ kind: z.literal("market_requirements"), wording: LongText }),
    ])
    .describe("Registry field 9"),
  learningOutcomes: z
    .array(z.strictObject({ code: z.string().trim().min(1).max(20), text: LongText }))
    .max(100)
    .describe("Registry field 10"),
  thematicPlan: z
    .array(
      z.strictObject({ kind: z.enum(["discipline", "module", "course"]), title: LocalizedTextSchema, hours: z.number().int().positive() }),
    )
    .max(100)
    .default([])
    .describe("M п.9: disciplines, modules or courses with their hours"),
  teachingMethods: LongText.describe("M п.9: teaching and learning strategies and methods"),
  assessment: LongText.nullable().default(null).describe("How the final attestation is held (M п.16, 33)"),
  fieldOfStudy: z
    .string()
    .regex(/^\d{2,4}$/, "an ISCED-F 2013 code such as 0613")
    .nullable()
    .default(null),
  validityMonths: z.number().int().positive().max(600).nullable().default(null),
});

export const CreateProgrammeBody = z.strictObject({ code: ProgrammeCodeSchema, content: ProgrammeContentSchema });
export const EditProgrammeBody = z.strictObject({
  version: z.number().int().positive().describe("The version you edited; a stale one is refused with 409"),
  content: ProgrammeContentSchema,
});
export const ApproveProgrammeBody = z.strictObject({
  decisionNumber: z.string().trim().min(1).max(50).describe("Number of the academic council's decision"),
  decisionDate: z.iso.date().describe("Date of the decision, YYYY-MM-DD"),
});

export const ProgrammeView = z
  .object({
    id: z.string(),
    code: z.string(),
    institution: z.string(),
    status: z.enum(PROGRAMME_STATUSES),
    achievementUrl: z.string().describe("Public URL of the programme's achievement description (the credentials' achievement id)"),
    workload: z.object({ credits: z.number(), hours: z.number() }),
    content: z.object({}).catchall(z.unknown()),
    approval: z.object({ decisionNumber: z.string(), decisionDate: z.string(), approvedAt: z.string() }).nullable(),
    publishedAt: z.string().nullable(),
    retiredAt: z.string().nullable(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Programme" });

export const ProgrammeListQuery = z.strictObject({
  status: z.enum(PROGRAMME_STATUSES).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
