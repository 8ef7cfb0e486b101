import { z } from "zod";
import { INSTITUTION_KINDS } from "../../domain/institutions/kind.js";
import { SLUG_PATTERN } from "../../domain/institutions/institution.js";
import { LocalizedTextSchema } from "./common.js";

export const SlugSchema = z.string().regex(SLUG_PATTERN, "lower-case letters, digits and hyphens, starting with a letter, 2–63 characters");

export const SlugParams = z.strictObject({ slug: SlugSchema });

const ContactSchema = z.strictObject({
  email: z.email().max(254).nullable().optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{5,20}$/, "a telephone number such as +7 727 377 3333")
    .nullable()
    .optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .optional(),
});

export const CreateInstitutionBody = z.strictObject({
  slug: SlugSchema,
  names: LocalizedTextSchema,
  bin: z.string().describe("Business identification number: 12 digits with a check digit"),
  kind: z.enum(INSTITUTION_KINDS).describe("higher: 30 academic hours per credit; tvet: 24 (R п.7)"),
  contact: ContactSchema.optional(),
  credentialFormat: z.enum(["vc+jwt", "di"]).default("vc+jwt").describe("Proof format of credentials when an award names none"),
});

export const UpdateInstitutionBody = z
  .strictObject({
    names: LocalizedTextSchema.optional(),
    contact: ContactSchema.optional(),
    credentialFormat: z.enum(["vc+jwt", "di"]).optional(),
  })
  .refine(
    (b) => b.names !== undefined || b.contact !== undefined || b.credentialFormat !== undefined,
    "send names, contact and/or credentialFormat",
  );

export const InstitutionView = z
  .object({
    id: z.string(),
    slug: z.string(),
    names: LocalizedTextSchema,
    bin: z.string(),
    kind: z.enum(INSTITUTION_KINDS),
    hoursPerCredit: z.number().int(),
    contact: z.object({ email: z.string().nullable(), phone: z.string().nullable(), website: z.string().nullable() }),
    did: z.string(),
    didDocumentUrl: z.string(),
    signingKey: z.string().describe("The verification method new credentials are signed with"),
    credentialFormat: z.enum(["vc+jwt", "di"]),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Institution" });

export const InstitutionKeyView = z.object({
  verificationMethod: z.string(),
  type: z.literal("Multikey"),
  publicKeyMultibase: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
