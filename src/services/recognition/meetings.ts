// The commission's meeting: attendance, the applications on the agenda, the draft decision put to the vote,
// each member's vote in person, the decision by a majority of the members taking part (R п.17, 28), and the
// numbered protocol with its extracts for the registrar (R п.18, 29).
import { randomUUID } from "node:crypto";
import { runInTransaction } from "../../db/transaction.js";
import type { Commission, Meeting, Motion } from "../../db/repositories/commissions.js";
import type { RecognitionApplication } from "../../db/repositories/recognition-applications.js";
import { gradeOfLetter, isLetter } from "../../domain/grading/letter-scale.js";
import type { Institution } from "../../domain/institutions/institution.js";
import type { DecidedDiscipline, RecordedDecision } from "../../domain/recognition/application.js";
import { checkVote, commissionKindFor, tallyDecision, type VoteChoice } from "../../domain/recognition/commission.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../deps.js";
import { changeApplication, findApplication, unverifiedBasis } from "./applications.js";
import { findCommission } from "./commissions.js";

const RULE_BY_KIND = { non_formal: "R п.11", professional: "R п.21", micro_qualification: "M п.19" } as const;

export async function findMeeting(
  institution: Institution,
  meetingId: string,
  deps: Deps,
): Promise<{ meeting: Meeting; commission: Commission }> {
  const meeting = await deps.repos.commissions.findMeeting(institution.id, meetingId);
  if (!meeting) throw new AppError("MEETING_NOT_FOUND", { meetingId });
  return { meeting, commission: (await deps.repos.commissions.find(institution.id, meeting.commissionId))! };
}

function assertOpen(meeting: Meeting): void {
  if (meeting.status === "closed") throw new AppError("MEETING_CLOSED", { protocolNumber: meeting.protocolNumber ?? "—" });
}

function checkAttendance(commission: Commission, present: readonly string[]): void {
  const members = new Set(commission.members.map((m) => m.userId));
  const strangers = present.filter((id) => !members.has(id));
  if (strangers.length > 0 || new Set(present).size !== present.length)
    throw new AppError("MEETING_INVALID", {
      summary: strangers.length > 0 ? `not members of the commission: ${strangers.join(", ")}` : "a member is listed twice",
    });
}

export async function openMeeting(
  institution: Institution,
  commissionId: string,
  input: { heldOn: string; place: string | null; present: readonly string[] },
  actor: string,
  deps: Deps,
): Promise<Meeting> {
  const commission = await findCommission(institution, commissionId, deps);
  checkAttendance(commission, input.present);
  return runInTransaction(deps.db, async () => {
    const meeting = await deps.repos.commissions.createMeeting({
      id: randomUUID(),
      institutionId: institution.id,
      commissionId: commission.id,
      ...input,
    });
    await deps.repos.audit.record(
      {
        actor,
        action: "meeting.opened",
        institutionId: institution.id,
        subject: `meeting:${meeting.id}`,
        details: { heldOn: input.heldOn, present: input.present.length },
      },
      deps.clock(),
    );
    return meeting;
  });
}

export async function setAttendance(
  institution: Institution,
  meetingId: string,
  present: readonly string[],
  actor: string,
  deps: Deps,
): Promise<Meeting> {
  return runInTransaction(deps.db, async () => {
    const { meeting, commission } = await findMeeting(institution, meetingId, deps);
    assertOpen(meeting);
    checkAttendance(commission, present);
    await deps.repos.commissions.setAttendance(meeting.id, present);
    await deps.repos.audit.record(
      { actor, action: "meeting.attendance", institutionId: institution.id, subject: `meeting:${meeting.id}`, details: { present } },
      deps.clock(),
    );
    return (await findMeeting(institution, meetingId, deps)).meeting;
  });
}

/** Puts a concluded application on the agenda of the commission that handles its procedure (R п.11, 21; M п.19). */
export async function addToAgenda(
  institution: Institution,
  meetingId: string,
  applicationId: string,
  actor: string,
  deps: Deps,
): Promise<Meeting> {
  return runInTransaction(deps.db, async () => {
    const { meeting, commission } = await findMeeting(institution, meetingId, deps);
    assertOpen(meeting);
    const application = await findApplication(institution, applicationId, deps);
    const expected = commissionKindFor(application.procedure);
    if (commission.kind !== expected)
      throw new AppError("COMMISSION_KIND_MISMATCH", {
        procedure: application.procedure,
        expected,
        kind: commission.kind,
        rule: RULE_BY_KIND[expected],
      });
    if (application.stage !== "concluded")
      throw new AppError("APPLICATION_STAGE_CONFLICT", { stage: application.stage, action: "put_on_agenda" });
    // One open agenda item at a time: an application waiting at another meeting would leave that meeting undecidable.
    if (await deps.repos.commissions.hasOpenItem(application.id))
      throw new AppError("APPLICATION_ALREADY_ON_AGENDA", { applicationId: application.id });
    await deps.repos.commissions.addItem(meeting.id, { id: randomUUID(), applicationId: application.id, position: meeting.items.length });
    await deps.repos.audit.record(
      {
        actor,
        action: "application.put_on_agenda",
        institutionId: institution.id,
        subject: `application:${application.id}`,
        details: { meetingId: meeting.id },
      },
      deps.clock(),
    );
    return (await findMeeting(institution, meetingId, deps)).meeting;
  });
}

function itemOf(meeting: Meeting, applicationId: string) {
  const item = meeting.items.find((i) => i.applicationId === applicationId);
  if (!item) throw new AppError("AGENDA_ITEM_NOT_FOUND", { applicationId });
  return item;
}

/** The draft decision put to the vote. Changing it voids the votes cast on the previous draft. */
export async function putMotion(
  institution: Institution,
  meetingId: string,
  applicationId: string,
  motion: Motion,
  actor: string,
  deps: Deps,
): Promise<Meeting> {
  return runInTransaction(deps.db, async () => {
    const { meeting } = await findMeeting(institution, meetingId, deps);
    assertOpen(meeting);
    const item = itemOf(meeting, applicationId);
    if (item.outcome) throw new AppError("APPLICATION_STAGE_CONFLICT", { stage: "decided", action: "motion" });
    const application = await findApplication(institution, applicationId, deps);
    const problems: string[] = [];
    if (motion.outcome === "recognise") {
      if (motion.disciplines.length === 0) problems.push("a motion to recognise names at least one discipline");
      const flagged = unverifiedBasis(application)[0];
      if (flagged) throw new AppError("BASIS_NOT_VERIFIED", { documentId: flagged.id, verdict: flagged.verdict ?? "unknown" });
    } else if (motion.disciplines.length > 0) problems.push("a motion to refuse names no disciplines");
    const seen = new Set<string>();
    for (const d of motion.disciplines) {
      if (!application.disciplineCodes.includes(d.code))
        problems.push(`${d.code} is not among the disciplines the application asks to re-credit`);
      if (seen.has(d.code)) problems.push(`${d.code} is listed twice`);
      seen.add(d.code);
      if (!isLetter(d.letter) || !gradeOfLetter(d.letter).passing)
        problems.push(`${d.code}: a re-credited discipline needs a passing letter A … D (M п.17), not ${d.letter}`);
      if (!(d.credits > 0) && !(d.hours > 0)) problems.push(`${d.code}: give the credits and/or hours re-credited (R п.18)`);
    }
    if (problems.length > 0) throw new AppError("MOTION_INVALID", { summary: problems.join("; ") }, { details: { problems } });
    await deps.repos.commissions.setMotion(item.id, motion);
    await deps.repos.audit.record(
      {
        actor,
        action: "meeting.motion",
        institutionId: institution.id,
        subject: `application:${applicationId}`,
        details: { meetingId, motion: motion as unknown as Record<string, unknown> },
      },
      deps.clock(),
    );
    return (await findMeeting(institution, meetingId, deps)).meeting;
  });
}

/** A member votes in person: present, a member, not the secretary, once per draft (R п.12, 17, 23, 28). */
export async function castVote(
  institution: Institution,
  meetingId: string,
  applicationId: string,
  choice: VoteChoice,
  voter: { actor: string; userId: string | undefined },
  deps: Deps,
): Promise<Meeting> {
  if (!voter.userId) throw new AppError("PERSONAL_TOKEN_REQUIRED");
  const userId = voter.userId;
  return runInTransaction(deps.db, async () => {
    const { meeting, commission } = await findMeeting(institution, meetingId, deps);
    assertOpen(meeting);
    const item = itemOf(meeting, applicationId);
    if (item.outcome) throw new AppError("APPLICATION_STAGE_CONFLICT", { stage: "decided", action: "vote" });
    if (!item.motion) throw new AppError("NO_MOTION");
    const problems = checkVote(
      {
        memberIds: commission.members.map((m) => m.userId),
        presentIds: meeting.present,
        secretaryId: commission.secretaryUserId,
        votes: item.votes.map((v) => ({ voterId: v.voterUserId, choice: v.choice })),
      },
      { voterId: userId, choice },
    );
    if (problems.some((p) => p.code === "DUPLICATE_VOTE")) throw new AppError("VOTE_ALREADY_CAST", { userId });
    if (problems.length > 0)
      throw new AppError(
        "VOTE_REFUSED",
        { rule: problems[0]!.rule ?? "R п.17, 28", summary: problems.map((p) => `${p.code}: ${p.detail}`).join("; ") },
        { details: { problems } },
      );
    await deps.repos.commissions.castVote(item.id, userId, choice, deps.clock());
    await deps.repos.audit.record(
      {
        actor: voter.actor,
        action: "meeting.vote",
        institutionId: institution.id,
        subject: `application:${applicationId}`,
        details: { meetingId, choice, motionVersion: item.motionVersion },
      },
      deps.clock(),
    );
    return (await findMeeting(institution, meetingId, deps)).meeting;
  });
}

/**
 * Records the commission's decision on an application from the votes: refused when the chair has not been elected
 * (R п.12, 23), without a quorum, before every member present has voted, or without a majority of the members
 * taking part (R п.17, 28) — then nothing changes, and the commission may put another draft to the vote.
 * A majority against a draft to recognise is recorded as "not adopted": recognition refused.
 */
export async function decideApplication(
  institution: Institution,
  meetingId: string,
  applicationId: string,
  actor: string,
  deps: Deps,
): Promise<RecognitionApplication> {
  return runInTransaction(deps.db, async () => {
    const { meeting, commission } = await findMeeting(institution, meetingId, deps);
    assertOpen(meeting);
    const item = itemOf(meeting, applicationId);
    if (!item.motion) throw new AppError("NO_MOTION");
    if (!commission.chairUserId) throw new AppError("CHAIR_NOT_ELECTED");
    const memberIds = commission.members.map((m) => m.userId);
    const tally = tallyDecision({
      memberIds,
      presentIds: meeting.present,
      secretaryId: commission.secretaryUserId,
      votes: item.votes.map((v) => ({ voterId: v.voterUserId, choice: v.choice })),
    });
    if (!tally.quorum.met)
      throw new AppError("NO_QUORUM", { present: tally.quorum.present, members: memberIds.length, required: tally.quorum.required });
    if (!tally.complete)
      throw new AppError(
        "VOTING_INCOMPLETE",
        { summary: `not voted: ${tally.notVoted.join(", ")}` },
        { details: { notVoted: tally.notVoted } },
      );
    const counts = { for: tally.for, against: tally.against, abstain: tally.abstain, participating: tally.participating };
    // A majority against a draft to recognise is a decision too: recognition refused. A tie, or a draft to refuse
    // voted down, decides nothing: the commission votes again on another draft.
    const rejected = !tally.adopted && item.motion.outcome === "recognise" && tally.against * 2 > tally.participating;
    if (!tally.adopted && !rejected) throw new AppError("NO_MAJORITY", counts, { details: { tally: counts, reason: tally.reason } });

    const motion = rejected ? { outcome: "refuse" as const, disciplines: [], note: item.motion.note } : item.motion;
    const curriculum = await deps.repos.curricula.findCurriculumById(
      (await findApplication(institution, applicationId, deps)).curriculumId,
    );
    const disciplines: DecidedDiscipline[] = motion.disciplines.map((d) => {
      const discipline = curriculum?.disciplines.find((x) => x.code === d.code);
      if (!discipline || !isLetter(d.letter)) throw new AppError("MOTION_INVALID", { summary: `${d.code} is not in the programme` });
      return {
        code: d.code,
        names: discipline.names,
        credits: d.credits,
        hours: d.hours,
        letter: d.letter,
        gpa: gradeOfLetter(d.letter).gpa,
      };
    });
    const decision: RecordedDecision = {
      outcome: motion.outcome === "recognise" ? "recognised" : "refused",
      disciplines,
      meetingId: meeting.id,
      commissionId: commission.id,
      decidedOn: meeting.heldOn,
      protocolNumber: null,
      tally: counts,
      credentialId: null,
    };
    await deps.repos.commissions.decideItem(item.id, rejected ? "not_adopted" : "adopted", {
      ...counts,
      quorum: tally.quorum,
      reason: tally.reason,
    });
    return changeApplication(institution, applicationId, "decide", actor, deps, async () => ({
      changes: { decision, meetingId: meeting.id },
      details: { meetingId: meeting.id, outcome: decision.outcome, ...counts, disciplines: disciplines.map((d) => d.code) },
    }));
  });
}

/** Closes the meeting: every agenda item decided, the protocol numbered (R п.17, 28). */
export async function closeMeeting(institution: Institution, meetingId: string, actor: string, deps: Deps): Promise<Meeting> {
  return runInTransaction(deps.db, async () => {
    const { meeting, commission } = await findMeeting(institution, meetingId, deps);
    assertOpen(meeting);
    const undecided = meeting.items.filter((i) => !i.outcome);
    if (undecided.length > 0) throw new AppError("ITEMS_UNDECIDED", { summary: undecided.map((i) => i.applicationId).join(", ") });
    const protocolNumber = await deps.repos.commissions.closeMeeting(meeting.id, commission.id, deps.clock());
    for (const item of meeting.items) {
      const application = await findApplication(institution, item.applicationId, deps);
      if (application.decision)
        await deps.repos.applications.update(application.id, application.version, {
          decision: { ...application.decision, protocolNumber },
        });
    }
    await deps.repos.audit.record(
      {
        actor,
        action: "meeting.closed",
        institutionId: institution.id,
        subject: `meeting:${meeting.id}`,
        details: { protocolNumber, items: meeting.items.length },
      },
      deps.clock(),
    );
    return (await findMeeting(institution, meetingId, deps)).meeting;
  });
}
