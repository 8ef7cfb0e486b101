// The shape of a MicroQualificationCredential, as a zod schema. schemas/micro-qualification-credential.json
// is generated from it (npm run schemas:build) and published at /schemas/micro-qualification-credential.json;
// every credential names it in credentialSchema.
import { z } from "zod";
import { LETTERS } from "../grading/letter-scale.js";
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from "./micro-credential.js";

const text = z.string().min(1);
const dateTime = z.iso.datetime({ offset: true });
const typeList = (first: string) => z.array(z.string()).min(1).describe(`must include "${first}"`);

const IdentityObject = z.object({
  type: z.literal("IdentityObject"),
  identityHash: text,
  identityType: z.enum(["name", "nationalIdentityNumber"]),
  hashed: z.boolean(),
  salt: z.string().optional(),
});

const StatusEntry = z.object({
  id: z.string(),
  type: z.literal("BitstringStatusListEntry"),
  statusPurpose: z.enum(["revocation", "suspension"]),
  statusListIndex: z.string().regex(/^\d+$/),
  statusListCredential: z.url(),
});

export const MicroQualificationCredentialSchema = z
  .object({
    "@context": z.tuple([z.literal(VC_V2_CONTEXT), z.literal(OB_V3_CONTEXT)]).rest(z.string()),
    id: z.url(),
    type: z.tuple([z.literal("VerifiableCredential"), z.literal("OpenBadgeCredential")]),
    issuer: z.object({
      id: z.string().regex(/^did:/),
      type: typeList("Profile"),
      name: text,
      url: z.url().optional(),
      otherIdentifier: z.array(z.object({ type: z.literal("IdentifierEntry"), identifier: text, identifierType: text })).optional(),
    }),
    name: text,
    validFrom: dateTime,
    validUntil: dateTime.optional(),
    credentialSubject: z
      .object({
        id: z.string().regex(/^did:/).optional(),
        type: typeList("AchievementSubject"),
        identifier: z.array(IdentityObject).min(1),
        achievement: z
          .object({
            id: z.url(),
            type: typeList("Achievement"),
            achievementType: z.literal("MicroCredential"),
            name: text,
            description: text,
            criteria: z.object({ narrative: text }).loose(),
            creditsAvailable: z.number().min(1).describe("M п.10: at least one credit"),
            inLanguage: z.string(),
            humanCode: text,
            alignment: z.array(z.object({ type: typeList("Alignment"), targetName: text, targetUrl: text }).loose()).min(1),
            resultDescription: z
              .array(z.object({ id: text, type: typeList("ResultDescription"), name: text, resultType: text }).loose())
              .min(1),
          })
          .loose(),
        result: z
          .array(z.object({ type: typeList("Result"), resultDescription: text, value: text }))
          .min(2)
          .describe(`the letter grade (one of ${LETTERS.slice(0, 10).join(", ")}), its grade points and, when recorded, the percentage`),
        creditsEarned: z.number().min(1),
        activityEndDate: dateTime,
      })
      .loose(),
    credentialStatus: z.array(StatusEntry).length(2),
    credentialSchema: z.array(z.object({ id: z.url(), type: z.literal("JsonSchema") })).min(1),
    evidence: z.array(z.object({ type: typeList("Evidence"), name: text, description: text }).loose()).min(1),
  })
  .loose()
  .meta({
    title: "MicroQualificationCredential",
    description:
      "An Open Badges 3.0 OpenBadgeCredential (VC Data Model 2.0) awarding a micro-qualification of a Kazakhstan education organisation (MSHE order No. 319, M п.16).",
  });

export function microQualificationJsonSchema(id: string): Record<string, unknown> {
  return { $id: id, ...z.toJSONSchema(MicroQualificationCredentialSchema, { target: "draft-2020-12" }) };
}

/** The stable $id written into the published file; deployments serve it at their own URL. */
export const SCHEMA_FILE_ID = "https://kualik.kz/schemas/micro-qualification-credential.json";
