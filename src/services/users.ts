import { randomUUID } from "node:crypto";
import { runInTransaction } from "../db/transaction.js";
import type { UserRecord } from "../db/repositories/users.js";
import type { InstitutionRole } from "../domain/access/roles.js";
import type { Institution } from "../domain/institutions/institution.js";
import { AppError } from "../errors.js";
import type { Deps } from "./deps.js";

export async function createUser(
  input: { email: string; fullName: string; isPlatformAdmin: boolean },
  actor: string,
  deps: Deps,
): Promise<UserRecord> {
  const email = input.email.trim().toLowerCase();
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    if (await deps.repos.users.findByEmail(email)) throw new AppError("USER_EMAIL_TAKEN", { email });
    const user = await deps.repos.users.create({
      id: randomUUID(),
      email,
      fullName: input.fullName.trim(),
      isPlatformAdmin: input.isPlatformAdmin,
    });
    await deps.repos.audit.record(
      { actor, action: "user.created", subject: user.id, details: { email, isPlatformAdmin: input.isPlatformAdmin } },
      now,
    );
    return user;
  });
}

/** Gives a user a role in an institution (idempotent). */
export async function grantRole(
  userId: string,
  institution: Institution,
  role: InstitutionRole,
  actor: string,
  deps: Deps,
): Promise<UserRecord> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const user = await deps.repos.users.findById(userId);
    if (!user) throw new AppError("USER_NOT_FOUND", { userId });
    const added = await deps.repos.users.grant({ id: randomUUID(), userId, institutionId: institution.id, role });
    if (added)
      await deps.repos.audit.record(
        { actor, action: "user.role_granted", institutionId: institution.id, subject: userId, details: { role } },
        now,
      );
    return (await deps.repos.users.findById(userId))!;
  });
}

export async function revokeRole(
  userId: string,
  institution: Institution,
  role: InstitutionRole,
  actor: string,
  deps: Deps,
): Promise<UserRecord> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const user = await deps.repos.users.findById(userId);
    if (!user) throw new AppError("USER_NOT_FOUND", { userId });
    const removed = await deps.repos.users.revokeGrant({ userId, institutionId: institution.id, role });
    if (removed)
      await deps.repos.audit.record(
        { actor, action: "user.role_revoked", institutionId: institution.id, subject: userId, details: { role } },
        now,
      );
    return (await deps.repos.users.findById(userId))!;
  });
}
