import { runInTransaction } from "../db/transaction.js";
import type { Institution } from "../domain/institutions/institution.js";
import type { Deps } from "./deps.js";
import { forgetInstitution } from "./caches.js";

/**
 * Adds a new Ed25519 key to the institution's DID and signs with it from now on. Earlier keys stay in
 * the DID document (retired, not removed) so every credential already issued keeps verifying.
 */
export async function rotateInstitutionKey(institution: Institution, actor: string, deps: Deps): Promise<Institution> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const key = await deps.agent.keyManagerCreate({ kms: "local", type: "Ed25519" });
    await deps.agent.didManagerAddKey({ did: institution.did, key });
    const updated = await deps.repos.institutions.switchActiveKey(institution.id, key.kid, now);
    await deps.repos.audit.record(
      {
        actor,
        action: "institution.key_rotated",
        institutionId: institution.id,
        subject: institution.slug,
        details: { previousKid: institution.activeKid, kid: key.kid },
      },
      now,
    );
    return updated;
  }).finally(() => forgetInstitution(deps.caches, institution));
}
