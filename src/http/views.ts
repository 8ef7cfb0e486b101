// Domain objects → JSON shapes of the API. Kept apart from routes so every route renders the same way.
import type { z } from "zod";
import { verificationMethodId } from "../credentials/did-web.js";
import type { ApiTokenRecord } from "../db/repositories/api-tokens.js";
import type { UserRecord } from "../db/repositories/users.js";
import type { Institution } from "../domain/institutions/institution.js";
import { hoursPerCredit } from "../domain/institutions/kind.js";
import type { InstitutionView } from "./schemas/institutions.js";

export function institutionView(i: Institution, publicKeyHex: string, publicUrl: URL): z.infer<typeof InstitutionView> {
  return {
    id: i.id,
    slug: i.slug,
    names: i.names,
    bin: i.bin,
    kind: i.kind,
    hoursPerCredit: hoursPerCredit(i.kind),
    contact: i.contact,
    did: i.did,
    didDocumentUrl: `${publicUrl.href.replace(/\/$/, "")}/orgs/${i.slug}/did.json`,
    signingKey: verificationMethodId(i.did, publicKeyHex),
    credentialFormat: i.credentialFormat,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function tokenView(t: ApiTokenRecord, institutionSlug: string | null) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    institution: institutionSlug,
    roles: [...t.roles],
    platformAdmin: t.platformAdmin,
    user: t.userId,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

export function userView(u: UserRecord, slugOf: (institutionId: string) => string | undefined) {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    isPlatformAdmin: u.isPlatformAdmin,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
    roles: u.grants.map((g) => ({ institution: slugOf(g.institutionId) ?? g.institutionId, role: g.role })),
  };
}
