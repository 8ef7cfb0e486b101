import { z } from "zod";
import { SlugSchema } from "./institutions.js";

export const CredentialFormatSchema = z.enum(["vc+jwt", "di"]);
export const CredentialStatusSchema = z.enum(["active", "suspended", "revoked"]);

export const CredentialParams = z.strictObject({ slug: SlugSchema, credentialId: z.uuid() });

export const AwardBody = z.strictObject({
  attestationId: z.string().min(1).max(64),
  format: CredentialFormatSchema.optional().describe(
    "vc+jwt (VC-JOSE, EdDSA) or di (Data Integrity eddsa-rdfc-2022); the institution's default when absent",
  ),
});

export const StatusChangeBody = z.strictObject({
  reason: z.string().trim().min(3).max(1000).describe("Why; kept with the credential's history"),
});

export const CredentialView = z
  .object({
    id: z.string(),
    url: z.string().describe("The credential's id: its public verification URL (the QR code opens it)"),
    holderUrl: z.string().describe("The learner's private link to their credential"),
    format: CredentialFormatSchema,
    kind: z.enum(["micro_qualification", "recognition_decision"]),
    programme: z.string().nullable().describe("The micro-qualification programme's code (micro-qualification credentials)"),
    learnerId: z.string(),
    attestationId: z.string().nullable(),
    applicationId: z.string().nullable().describe("The recognition application decided (recognition decision credentials)"),
    status: CredentialStatusSchema,
    statusReason: z.string().nullable(),
    statusChangedAt: z.string().nullable(),
    issuedAt: z.string(),
    validUntil: z.string().nullable(),
    credential: z.record(z.string(), z.unknown()),
    jwt: z.string().nullable(),
  })
  .meta({ id: "IssuedCredential" });

export const CredentialListQuery = z.strictObject({
  learner: z.string().min(1).max(64).optional(),
  programme: z.string().min(1).max(64).optional(),
  status: CredentialStatusSchema.optional(),
  issuedFrom: z.iso.date().optional(),
  issuedTo: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
