// Learners and their final attestation results (M п.16).
import { randomUUID } from "node:crypto";
import { runInTransaction } from "../db/transaction.js";
import type { Attestation, Learner } from "../db/repositories/learners.js";
import type { Programme } from "../db/repositories/programmes.js";
import { gradeResult, type AttestationResult } from "../domain/grading/letter-scale.js";
import type { Institution } from "../domain/institutions/institution.js";
import { checkIin } from "../domain/learners/iin.js";
import { canAward } from "../domain/qualifications/programme.js";
import { AppError } from "../errors.js";
import type { Deps } from "./deps.js";

export interface LearnerInput {
  readonly fullName: string;
  readonly iin: string;
  readonly email?: string | null;
  readonly holderDid?: string | null;
}

export function assertValidIin(iin: string): void {
  const check = checkIin(iin);
  if (!check.valid) throw new AppError("IIN_INVALID", { iin }, { details: { problem: check.problem } });
}

export async function registerLearner(institution: Institution, input: LearnerInput, actor: string, deps: Deps): Promise<Learner> {
  assertValidIin(input.iin);
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const existing = await deps.repos.learners.findByIin(institution.id, input.iin);
    if (existing) throw new AppError("LEARNER_IIN_TAKEN", { learnerId: existing.id }, { details: { learnerId: existing.id } });
    const learner = await deps.repos.learners.create({
      id: randomUUID(),
      institutionId: institution.id,
      curriculumId: null,
      fullName: input.fullName.trim(),
      iin: input.iin,
      email: input.email ?? null,
      holderDid: input.holderDid ?? null,
    });
    // The audit names the learner by id only: the IIN stays out of logs and audit trails.
    await deps.repos.audit.record({ actor, action: "learner.registered", institutionId: institution.id, subject: learner.id }, now);
    return learner;
  });
}

/** The learner with this IIN, registered now if new; name, e-mail and DID are refreshed when given. */
export async function upsertLearner(institution: Institution, input: LearnerInput, actor: string, deps: Deps): Promise<Learner> {
  assertValidIin(input.iin);
  return runInTransaction(deps.db, async () => {
    const existing = await deps.repos.learners.findByIin(institution.id, input.iin);
    if (!existing) return registerLearner(institution, input, actor, deps);
    const changes: { fullName?: string; email?: string; holderDid?: string } = {};
    if (input.fullName.trim() !== existing.fullName) changes.fullName = input.fullName.trim();
    if (input.email && input.email !== existing.email) changes.email = input.email;
    if (input.holderDid && input.holderDid !== existing.holderDid) changes.holderDid = input.holderDid;
    return Object.keys(changes).length > 0 ? deps.repos.learners.update(existing.id, changes) : existing;
  });
}

export async function findLearner(institution: Institution, learnerId: string, deps: Deps): Promise<Learner> {
  const learner = await deps.repos.learners.findById(institution.id, learnerId);
  if (!learner) throw new AppError("LEARNER_NOT_FOUND", { learnerId });
  return learner;
}

export interface AttestationInput {
  readonly session: string;
  readonly heldOn: string;
  readonly result: AttestationResult;
}

/**
 * Records a final attestation result. Recording the same result again returns the stored one
 * (created: false); a different result for the same learner and session is a conflict.
 */
export async function recordAttestation(
  institution: Institution,
  programme: Programme,
  learner: Learner,
  input: AttestationInput,
  actor: string,
  deps: Deps,
): Promise<{ attestation: Attestation; created: boolean }> {
  if (!canAward(programme.status)) throw new AppError("PROGRAMME_NOT_PUBLISHED", { code: programme.code, status: programme.status });
  const graded = gradeResult(input.result);
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const existing = await deps.repos.learners.findAttestation(programme.id, learner.id, input.session);
    if (existing) {
      const same = existing.letter === graded.grade.letter && existing.percent === graded.percent && existing.heldOn === input.heldOn;
      if (!same) throw new AppError("ATTESTATION_CONFLICT", { session: input.session }, { details: { attestationId: existing.id } });
      return { attestation: existing, created: false };
    }
    const attestation = await deps.repos.learners.createAttestation({
      id: randomUUID(),
      institutionId: institution.id,
      programmeId: programme.id,
      learnerId: learner.id,
      session: input.session,
      heldOn: input.heldOn,
      resultKind: input.result.kind,
      percent: graded.percent,
      letter: graded.grade.letter,
      gpa: graded.grade.gpa,
      passing: graded.grade.passing,
    });
    await deps.repos.audit.record(
      {
        actor,
        action: "attestation.recorded",
        institutionId: institution.id,
        subject: attestation.id,
        details: { programme: programme.code, learnerId: learner.id, letter: attestation.letter },
      },
      now,
    );
    return { attestation, created: true };
  });
}

export async function updateLearner(
  institution: Institution,
  learnerId: string,
  changes: { fullName?: string; email?: string; holderDid?: string; curriculumId?: string | null },
  actor: string,
  deps: Deps,
): Promise<Learner> {
  const now = deps.clock();
  return runInTransaction(deps.db, async () => {
    const learner = await findLearner(institution, learnerId, deps);
    const updated = await deps.repos.learners.update(learner.id, changes);
    await deps.repos.audit.record(
      { actor, action: "learner.updated", institutionId: institution.id, subject: learner.id, details: { fields: Object.keys(changes) } },
      now,
    );
    return updated;
  });
}
