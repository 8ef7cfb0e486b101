// Recognition commissions: who sits on them, and counting their votes. The software counts; the members decide.
//
// The law: the head of the organisation creates the commission by order and the organisation sets its
// regulation and membership itself (R п.11, 21–22); the chair and deputy are elected at the first meeting
// from among the members by open vote, by majority (R п.12, 23); the secretary is a staff specialist who is
// not a member (R п.12, 23); a decision needs a majority of the members taking part in the meeting (R п.17, 28).
//
// Our choices, where the law is silent (problems they raise carry rule: null):
// - at least 3 members: a collegial body needs a chair, a deputy and at least one more member;
// - a quorum of more than half the members, a parameter (QuorumRule) because the commission's regulation
//   (R п.11, 22) may set another;
// - "taking part" means present: a present member who abstains or has not voted still counts, so a majority
//   is more than half of those present, and a tie is no majority.

export const COMMISSION_KINDS = ["non_formal", "professional", "micro_qualification"] as const;
export type CommissionKind = (typeof COMMISSION_KINDS)[number];

/** The paragraph that creates each commission. */
export const COMMISSION_BASIS: Readonly<Record<CommissionKind, string>> = {
  non_formal: "R п.11",
  professional: "R п.21",
  micro_qualification: "M п.19",
};

/** A: non-formal learning (R ch.2); B: a professional qualification (R ch.3); micro: a micro-qualification (M). */
export type RecognitionProcedure = "A" | "B" | "micro";

/**
 * The commission that handles a procedure. M п.19 (the qualification commission) says nothing on elections
 * or voting; the same counting as R п.12, 17 is applied to it.
 */
export function commissionKindFor(procedure: RecognitionProcedure): CommissionKind {
  switch (procedure) {
    case "A":
      return "non_formal";
    case "B":
      return "professional";
    case "micro":
      return "micro_qualification";
  }
}

export type CommissionProblemCode =
  | "SECRETARY_IS_MEMBER"
  | "SECRETARY_MISSING"
  | "DUPLICATE_MEMBER"
  | "TOO_FEW_MEMBERS"
  | "CANDIDATE_NOT_MEMBER"
  | "VOTER_NOT_MEMBER"
  | "SECRETARY_CANNOT_VOTE"
  | "VOTER_ABSENT"
  | "DUPLICATE_VOTE";

export interface CommissionProblem {
  readonly code: CommissionProblemCode;
  readonly detail: string;
  /** The paragraph broken, or null for a rule of ours where the law is silent. */
  readonly rule: "R п.12, 23" | "R п.17, 28" | null;
}

// ---- composition ----

export interface Composition {
  readonly memberIds: readonly string[];
  readonly secretaryId: string | null;
}

export const DEFAULT_MIN_MEMBERS = 3;

export function checkComposition(composition: Composition, options: { readonly minMembers?: number } = {}): CommissionProblem[] {
  const minMembers = options.minMembers ?? DEFAULT_MIN_MEMBERS;
  const problems: CommissionProblem[] = [];
  const members = new Set(composition.memberIds);
  for (const id of duplicates(composition.memberIds)) {
    problems.push({ code: "DUPLICATE_MEMBER", detail: `${id} is listed more than once`, rule: null });
  }
  if (members.size < minMembers) {
    problems.push({
      code: "TOO_FEW_MEMBERS",
      detail: `${members.size} members; at least ${minMembers} are needed (a chair, a deputy and members)`,
      rule: null,
    });
  }
  if (composition.secretaryId === null) {
    problems.push({ code: "SECRETARY_MISSING", detail: "a staff specialist must act as secretary", rule: "R п.12, 23" });
  } else if (members.has(composition.secretaryId)) {
    problems.push({
      code: "SECRETARY_IS_MEMBER",
      detail: `${composition.secretaryId} cannot be both secretary and member`,
      rule: "R п.12, 23",
    });
  }
  return problems;
}

// ---- votes ----

export type VoteChoice = "for" | "against" | "abstain";

export interface Vote {
  readonly voterId: string;
  readonly choice: VoteChoice;
}

/** Who sits on the commission, who came to this meeting (guests and the secretary may be listed), and the secretary. */
export interface Meeting {
  readonly memberIds: readonly string[];
  readonly presentIds: readonly string[];
  readonly secretaryId?: string | null;
}

/** Whether one incoming vote may be recorded, given the votes already recorded at this meeting. */
export function checkVote(meeting: Meeting & { readonly votes: readonly Vote[] }, vote: Vote): CommissionProblem[] {
  const { voterId } = vote;
  if (meeting.secretaryId != null && voterId === meeting.secretaryId) {
    return [{ code: "SECRETARY_CANNOT_VOTE", detail: `${voterId} is the secretary, who is not a member`, rule: "R п.12, 23" }];
  }
  if (!meeting.memberIds.includes(voterId)) {
    return [{ code: "VOTER_NOT_MEMBER", detail: `${voterId} is not a member of the commission`, rule: "R п.17, 28" }];
  }
  const problems: CommissionProblem[] = [];
  if (!meeting.presentIds.includes(voterId)) {
    problems.push({ code: "VOTER_ABSENT", detail: `${voterId} is not recorded as present at the meeting`, rule: "R п.17, 28" });
  }
  if (meeting.votes.some((v) => v.voterId === voterId)) {
    problems.push({ code: "DUPLICATE_VOTE", detail: `${voterId} has already voted`, rule: "R п.17, 28" });
  }
  return problems;
}

export type QuorumRule =
  | { readonly kind: "more_than_half" }
  | { readonly kind: "at_least_fraction"; readonly fraction: number }
  | { readonly kind: "at_least"; readonly members: number }
  | { readonly kind: "none" };

/** Our default, not the law's: R п.17, 28 set no quorum. */
export const DEFAULT_QUORUM: QuorumRule = { kind: "more_than_half" };

/** Members who must be present for the meeting to decide. */
export function quorumRequired(rule: QuorumRule, memberCount: number): number {
  switch (rule.kind) {
    case "more_than_half":
      return Math.floor(memberCount / 2) + 1;
    case "at_least_fraction":
      return Math.ceil(memberCount * rule.fraction - 1e-9);
    case "at_least":
      return rule.members;
    case "none":
      return 0;
  }
}

export interface Tally {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  /** Members present at the meeting: those who vote, abstain or have not voted yet. */
  readonly participating: number;
  readonly quorum: { readonly required: number; readonly present: number; readonly met: boolean };
  /** "for" is more than half of `participating`; a tie is not. */
  readonly majority: boolean;
  /** Every present member has voted. */
  readonly complete: boolean;
  /** Present members with no vote recorded. */
  readonly notVoted: readonly string[];
  /** Votes left out of the count; any of them makes the result void. */
  readonly problems: readonly CommissionProblem[];
}

function count(meeting: Meeting, votes: readonly Vote[], quorumRule: QuorumRule): Tally {
  const members = new Set(meeting.memberIds);
  const present = [...new Set(meeting.presentIds)].filter((id) => members.has(id));
  const problems: CommissionProblem[] = [];
  const valid: Vote[] = [];
  const seen: Vote[] = [];
  for (const vote of votes) {
    const found = checkVote({ ...meeting, votes: seen }, vote);
    seen.push(vote);
    if (found.length > 0) problems.push(...found);
    else valid.push(vote);
  }
  const voted = new Set(valid.map((v) => v.voterId));
  const by = (choice: VoteChoice) => valid.filter((v) => v.choice === choice).length;
  const required = quorumRequired(quorumRule, members.size);
  const forCount = by("for");
  const notVoted = present.filter((id) => !voted.has(id));
  return {
    for: forCount,
    against: by("against"),
    abstain: by("abstain"),
    participating: present.length,
    quorum: { required, present: present.length, met: present.length >= required && present.length > 0 },
    majority: forCount * 2 > present.length,
    complete: notVoted.length === 0,
    notVoted,
    problems,
  };
}

function explain(t: Tally, outcome: string, passed: boolean): string {
  if (!t.quorum.met) return `no quorum: ${t.quorum.present} members present, ${t.quorum.required} needed`;
  if (t.problems.length > 0) return `void: ${t.problems.map((p) => p.detail).join("; ")}`;
  const needed = Math.floor(t.participating / 2) + 1;
  const counted = `${t.for} for, ${t.against} against, ${t.abstain} abstaining of ${t.participating} taking part`;
  if (passed) return `${outcome}: ${counted}; a majority is ${needed}`;
  const tie = t.for * 2 === t.participating ? "; a tie is not a majority" : "";
  const pending = t.complete ? "" : `; ${t.notVoted.length} have not voted yet`;
  return `not ${outcome}: ${counted}; a majority is ${needed}${tie}${pending}`;
}

export interface DecisionTally extends Tally {
  readonly adopted: boolean;
  readonly reason: string;
}

/**
 * The commission's decision (R п.17, 28): adopted when the quorum is met and more than half of the members
 * taking part vote for. Votes that cannot be counted (a non-member, the secretary, an absent member, a second
 * vote) are reported and void the result: checkVote should have kept them out.
 */
export function tallyDecision(
  meeting: Meeting & { readonly votes: readonly Vote[] },
  options: { readonly quorum?: QuorumRule } = {},
): DecisionTally {
  const t = count(meeting, meeting.votes, options.quorum ?? DEFAULT_QUORUM);
  const adopted = t.quorum.met && t.problems.length === 0 && t.majority;
  return { ...t, adopted, reason: explain(t, "adopted", adopted) };
}

export interface ElectionTally extends Tally {
  readonly elected: boolean;
  readonly reason: string;
}

/**
 * Electing the chair or the deputy at the first meeting (R п.12, 23): the candidate is a member, the vote is
 * open, and more than half of the members taking part must vote for. The quorum applies as for any decision.
 */
export function tallyElection(
  election: Meeting & { readonly candidateId: string; readonly votes: readonly Vote[] },
  options: { readonly quorum?: QuorumRule } = {},
): ElectionTally {
  const t = count(election, election.votes, options.quorum ?? DEFAULT_QUORUM);
  const candidateProblems: CommissionProblem[] = election.memberIds.includes(election.candidateId)
    ? []
    : [{ code: "CANDIDATE_NOT_MEMBER", detail: `${election.candidateId} is not a member of the commission`, rule: "R п.12, 23" }];
  const tally = { ...t, problems: [...candidateProblems, ...t.problems] };
  const elected = tally.quorum.met && tally.problems.length === 0 && tally.majority;
  return { ...tally, elected, reason: explain(tally, "elected", elected) };
}

function duplicates(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}
