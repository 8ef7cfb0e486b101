import { z } from "zod";
import { LETTERS } from "../../domain/grading/letter-scale.js";
import { SlugSchema } from "./institutions.js";

export const IinSchema = z
  .string()
  .regex(/^\d{12}$/, "12 digits")
  .describe("Individual identification number (checked, never put into a credential in clear)");
export const DidSchema = z
  .string()
  .max(2048)
  .regex(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/, "a DID such as did:key:z6Mk…");

export const LearnerBody = z.strictObject({
  fullName: z.string().trim().min(1).max(300),
  iin: IinSchema,
  email: z.email().max(254).nullable().optional(),
  holderDid: DidSchema.nullable().optional().describe("The learner's wallet DID: it becomes the credential subject"),
});

export const LearnerPatchBody = z
  .strictObject({
    fullName: z.string().trim().min(1).max(300).optional(),
    email: z.email().max(254).optional(),
    holderDid: DidSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "send at least one field");

export const LearnerParams = z.strictObject({ slug: SlugSchema, learnerId: z.string().min(1).max(64) });

export const LearnerView = z
  .object({
    id: z.string(),
    fullName: z.string(),
    iin: z.string(),
    email: z.string().nullable(),
    holderDid: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Learner" });

export const ResultSchema = z.union([z.strictObject({ percent: z.number().min(0).max(100) }), z.strictObject({ letter: z.enum(LETTERS) })]);

export const AttestationBody = z
  .strictObject({
    learnerId: z.string().min(1).max(64).optional(),
    learner: LearnerBody.optional().describe("Register (or refresh) the learner by IIN in the same call"),
    session: z.string().trim().min(1).max(100).describe("The attestation session or protocol, for example '2026-06 final attestation'"),
    heldOn: z.iso.date(),
    result: ResultSchema.describe("The final attestation result: a percentage or a letter of the Kazakhstan scale"),
  })
  .refine((b) => (b.learnerId === undefined) !== (b.learner === undefined), "send learnerId or learner, not both");

export const AttestationView = z
  .object({
    id: z.string(),
    programme: z.string(),
    learnerId: z.string(),
    session: z.string(),
    heldOn: z.string(),
    percent: z.number().nullable(),
    letter: z.enum(LETTERS),
    gpa: z.number(),
    passing: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "Attestation" });
