// Revoke (final), suspend and reinstate an issued credential. The credential's row, its bit in the
// status list and the re-signed status list credential change in one transaction, with the reason.
import { randomUUID } from "node:crypto";
import { setStatusBit } from "../credentials/status-list.js";
import type { CredentialStatus, IssuedCredential } from "../db/repositories/credentials.js";
import { runInTransaction } from "../db/transaction.js";
import type { Institution } from "../domain/institutions/institution.js";
import { AppError } from "../errors.js";
import type { Deps } from "./deps.js";
import { signStatusList } from "./status-lists.js";

export type StatusAction = "revoke" | "suspend" | "reinstate";

/** What each action needs the credential to be, and what it makes it. Revocation is final. */
const TRANSITIONS: Readonly<Record<StatusAction, { from: readonly CredentialStatus[]; to: CredentialStatus }>> = {
  revoke: { from: ["active", "suspended"], to: "revoked" },
  suspend: { from: ["active"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "active" },
};

export async function findInstitutionCredential(institution: Institution, credentialId: string, deps: Deps): Promise<IssuedCredential> {
  const credential = await deps.repos.credentials.findById(credentialId);
  if (!credential || credential.institutionId !== institution.id) throw new AppError("CREDENTIAL_NOT_FOUND", { credentialId });
  return credential;
}

export async function changeCredentialStatus(
  institution: Institution,
  credentialId: string,
  action: StatusAction,
  reason: string,
  actor: string,
  deps: Deps,
): Promise<IssuedCredential> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const credential = await findInstitutionCredential(institution, credentialId, deps);
    const transition = TRANSITIONS[action];
    if (!transition.from.includes(credential.status))
      throw new AppError("CREDENTIAL_STATUS_CONFLICT", { status: credential.status, action });

    // Revoking a suspended credential also clears its suspension bit: a revoked credential reads "revoked".
    const bits: { listId: string; index: number; on: boolean }[] =
      action === "revoke"
        ? [
            { listId: credential.revocationListId, index: credential.revocationIndex, on: true },
            ...(credential.status === "suspended"
              ? [{ listId: credential.suspensionListId, index: credential.suspensionIndex, on: false }]
              : []),
          ]
        : [{ listId: credential.suspensionListId, index: credential.suspensionIndex, on: action === "suspend" }];
    for (const bit of bits) {
      const list = await deps.repos.credentials.findListById(bit.listId);
      if (!list) throw new Error(`status list ${bit.listId} is missing`);
      const saved = await deps.repos.credentials.saveList(list.id, {
        encodedList: await setStatusBit(list.encodedList, bit.index, bit.on),
        bumpVersion: true,
      });
      await signStatusList(institution, saved, deps);
    }
    const updated = await deps.repos.credentials.setStatus(credential.id, transition.to, reason, now);
    await deps.repos.credentials.recordStatusEvent({ id: randomUUID(), credentialId: credential.id, action, reason, actor, at: now });
    await deps.repos.audit.record(
      {
        actor,
        action: `credential.${action === "revoke" ? "revoked" : action === "suspend" ? "suspended" : "reinstated"}`,
        institutionId: institution.id,
        subject: credential.id,
        details: { reason },
      },
      now,
    );
    return updated;
  }).finally(() => deps.caches.statusLists.clear()); // this node's verifications see the change at once
}
