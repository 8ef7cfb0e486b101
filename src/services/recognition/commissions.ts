// Commissions (R п.11–12, 21–23; M п.19), the election of their chair and deputy, and expert groups (R п.15, 26).
import { randomUUID } from "node:crypto";
import { runInTransaction } from "../../db/transaction.js";
import type { Commission, Election, ExpertGroup, ExpertGroupMember } from "../../db/repositories/commissions.js";
import type { InstitutionRole } from "../../domain/access/roles.js";
import type { Institution } from "../../domain/institutions/institution.js";
import { checkComposition, tallyElection, type CommissionKind, type VoteChoice } from "../../domain/recognition/commission.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../deps.js";

interface Problem {
  readonly code: string;
  readonly detail: string;
  readonly rule: string | null;
}

const summary = (problems: readonly Problem[]) => problems.map((p) => `${p.code}: ${p.detail}${p.rule ? ` (${p.rule})` : ""}`).join("; ");

/** Users of the institution without the role the position needs. */
async function withoutRole(institution: Institution, userIds: readonly string[], role: InstitutionRole, deps: Deps): Promise<string[]> {
  const missing: string[] = [];
  for (const userId of userIds) {
    const user = await deps.repos.users.findById(userId);
    if (!user?.grants.some((g) => g.institutionId === institution.id && g.role === role)) missing.push(userId);
  }
  return missing;
}

export interface CommissionInput {
  readonly kind: CommissionKind;
  readonly orderNumber: string;
  readonly orderDate: string;
  readonly secretaryUserId: string;
  readonly members: readonly { readonly userId: string; readonly category: string }[];
}

/**
 * Forms a commission by the head's order. The secretary is a staff specialist who is not a member (R п.12, 23):
 * someone holding the commission_secretary role. Members hold commission_member, so that they can vote in person.
 */
export async function createCommission(institution: Institution, input: CommissionInput, actor: string, deps: Deps): Promise<Commission> {
  const memberIds = input.members.map((m) => m.userId);
  const problems: Problem[] = [...checkComposition({ memberIds, secretaryId: input.secretaryUserId })];
  if ((await withoutRole(institution, [input.secretaryUserId], "commission_secretary", deps)).length > 0)
    problems.push({
      code: "SECRETARY_NOT_STAFF",
      detail: `${input.secretaryUserId} does not hold the commission_secretary role here`,
      rule: "R п.12, 23",
    });
  for (const userId of await withoutRole(institution, [...new Set(memberIds)], "commission_member", deps))
    problems.push({ code: "MEMBER_WITHOUT_ROLE", detail: `${userId} does not hold the commission_member role here`, rule: null });
  if (problems.length > 0) throw new AppError("COMMISSION_INVALID", { summary: summary(problems) }, { details: { problems } });
  return runInTransaction(deps.db, async () => {
    const commission = await deps.repos.commissions.create({ id: randomUUID(), institutionId: institution.id, ...input });
    await deps.repos.audit.record(
      {
        actor,
        action: "commission.created",
        institutionId: institution.id,
        subject: `commission:${commission.id}`,
        details: { kind: input.kind, orderNumber: input.orderNumber, orderDate: input.orderDate, members: memberIds.length },
      },
      deps.clock(),
    );
    return commission;
  });
}

export async function findCommission(institution: Institution, commissionId: string, deps: Deps): Promise<Commission> {
  const commission = await deps.repos.commissions.find(institution.id, commissionId);
  if (!commission) throw new AppError("COMMISSION_NOT_FOUND", { commissionId });
  return commission;
}

/**
 * Records the open vote electing the chair or the deputy at a meeting of the commission (R п.12, 23): the
 * candidate is a member; the voters are members present, never the secretary; elected by a majority of the
 * members taking part. A vote that fails is recorded too.
 */
export async function recordElection(
  institution: Institution,
  commissionId: string,
  input: {
    meetingId: string;
    position: "chair" | "deputy";
    candidateUserId: string;
    votes: readonly { voterUserId: string; choice: VoteChoice }[];
  },
  actor: string,
  deps: Deps,
): Promise<{ election: Election; commission: Commission }> {
  return runInTransaction(deps.db, async () => {
    const commission = await findCommission(institution, commissionId, deps);
    const meeting = await deps.repos.commissions.findMeeting(institution.id, input.meetingId);
    if (!meeting || meeting.commissionId !== commission.id) throw new AppError("MEETING_NOT_FOUND", { meetingId: input.meetingId });
    if (meeting.status === "closed") throw new AppError("MEETING_CLOSED", { protocolNumber: meeting.protocolNumber ?? "—" });
    const tally = tallyElection({
      memberIds: commission.members.map((m) => m.userId),
      presentIds: meeting.present,
      secretaryId: commission.secretaryUserId,
      candidateId: input.candidateUserId,
      votes: input.votes.map((v) => ({ voterId: v.voterUserId, choice: v.choice })),
    });
    if (tally.problems.length > 0)
      throw new AppError("ELECTION_INVALID", { summary: summary(tally.problems) }, { details: { problems: tally.problems } });
    const election = await deps.repos.commissions.recordElection({
      id: randomUUID(),
      commissionId: commission.id,
      meetingId: meeting.id,
      position: input.position,
      candidateUserId: input.candidateUserId,
      votes: input.votes.map((v) => ({ voterId: v.voterUserId, choice: v.choice })),
      elected: tally.elected,
      recordedBy: actor,
    });
    if (tally.elected) await deps.repos.commissions.setOfficer(commission.id, input.position, input.candidateUserId);
    await deps.repos.audit.record(
      {
        actor,
        action: tally.elected ? "commission.officer_elected" : "commission.election_failed",
        institutionId: institution.id,
        subject: `commission:${commission.id}`,
        details: {
          position: input.position,
          candidate: input.candidateUserId,
          for: tally.for,
          against: tally.against,
          abstain: tally.abstain,
          reason: tally.reason,
        },
      },
      deps.clock(),
    );
    return { election, commission: (await deps.repos.commissions.find(institution.id, commission.id))! };
  });
}

/** An expert group of experienced teachers and practitioners of the programme's field, approved by order (R п.15, 26). */
export async function createExpertGroup(
  institution: Institution,
  input: { name: string; orderNumber: string; orderDate: string; members: readonly ExpertGroupMember[] },
  actor: string,
  deps: Deps,
): Promise<ExpertGroup> {
  const problems: Problem[] = [];
  const ids = input.members.map((m) => m.userId);
  if (new Set(ids).size !== ids.length)
    problems.push({ code: "DUPLICATE_MEMBER", detail: "a member is listed more than once", rule: null });
  if (!input.members.some((m) => m.kind === "teacher"))
    problems.push({ code: "NO_TEACHER", detail: "the group needs an experienced teacher", rule: "R п.15, 26" });
  if (!input.members.some((m) => m.kind === "practitioner"))
    problems.push({ code: "NO_PRACTITIONER", detail: "the group needs a practitioner of the programme's field", rule: "R п.15, 26" });
  for (const userId of await withoutRole(institution, [...new Set(ids)], "expert", deps))
    problems.push({ code: "MEMBER_WITHOUT_ROLE", detail: `${userId} does not hold the expert role here`, rule: null });
  if (problems.length > 0) throw new AppError("EXPERT_GROUP_INVALID", { summary: summary(problems) }, { details: { problems } });
  return runInTransaction(deps.db, async () => {
    const group = await deps.repos.commissions.createExpertGroup({ id: randomUUID(), institutionId: institution.id, ...input });
    await deps.repos.audit.record(
      {
        actor,
        action: "expert_group.created",
        institutionId: institution.id,
        subject: `expert_group:${group.id}`,
        details: { orderNumber: input.orderNumber },
      },
      deps.clock(),
    );
    return group;
  });
}

export async function findExpertGroup(institution: Institution, groupId: string, deps: Deps): Promise<ExpertGroup> {
  const group = await deps.repos.commissions.findExpertGroup(institution.id, groupId);
  if (!group) throw new AppError("EXPERT_GROUP_NOT_FOUND", { groupId });
  return group;
}
