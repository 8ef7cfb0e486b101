import { z } from "zod";
import { INSTITUTION_ROLES } from "../../domain/access/roles.js";

export const RoleSchema = z.enum(INSTITUTION_ROLES);

export const TokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("The token's first characters, to tell tokens apart"),
    institution: z.string().nullable(),
    roles: z.array(RoleSchema),
    platformAdmin: z.boolean(),
    user: z.string().nullable().describe("For a personal token: the user it acts as, with that user's roles"),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });

export const IssuedTokenView = TokenView.extend({
  token: z.string().describe("The secret. Shown this once; only its hash is stored."),
}).meta({ id: "IssuedApiToken" });

export const CreateInstitutionTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  roles: z.array(RoleSchema).min(1),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const CreatePersonalTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  institution: z.string().min(1).max(64).optional().describe("Limit the token to the user's roles in this institution"),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const CreatePlatformTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const UserView = z
  .object({
    id: z.string(),
    email: z.string(),
    fullName: z.string(),
    isPlatformAdmin: z.boolean(),
    disabled: z.boolean(),
    createdAt: z.string(),
    roles: z.array(z.object({ institution: z.string(), role: RoleSchema })),
  })
  .meta({ id: "User" });

export const CreateUserBody = z.strictObject({
  email: z.email().max(254),
  fullName: z.string().trim().min(1).max(200),
  isPlatformAdmin: z.boolean().default(false),
});
