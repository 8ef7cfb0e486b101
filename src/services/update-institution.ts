import { runInTransaction } from "../db/transaction.js";
import type { Institution } from "../domain/institutions/institution.js";
import type { Deps } from "./deps.js";
import { forgetInstitution } from "./caches.js";

export interface InstitutionChanges {
  readonly names?: Institution["names"];
  readonly contact?: { email?: string | null; phone?: string | null; website?: string | null };
  readonly credentialFormat?: Institution["credentialFormat"];
}

/** Names and contact may change; slug, BIN, kind and DID are fixed once credentials may carry them. */
export async function updateInstitution(
  institution: Institution,
  changes: InstitutionChanges,
  actor: string,
  deps: Deps,
): Promise<Institution> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const updated = await deps.repos.institutions.update(institution.id, changes);
    await deps.repos.audit.record(
      { actor, action: "institution.updated", institutionId: institution.id, subject: institution.slug, details: { ...changes } },
      now,
    );
    return updated;
  }).finally(() => forgetInstitution(deps.caches, institution));
}
