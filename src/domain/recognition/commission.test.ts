import { describe, expect, it } from "vitest";
import { checkComposition, checkVote, commissionKindFor, quorumRequired, tallyDecision, tallyElection, type Vote } from "./commission.js";

const members = ["m1", "m2", "m3", "m4", "m5"];
const secretaryId = "sec";
const votes = (...choices: Vote["choice"][]): Vote[] => choices.map((choice, i) => ({ voterId: `m${i + 1}`, choice }));

describe("commissionKindFor", () => {
  it("R п.11, 21, M п.19: each procedure has its own commission", () => {
    expect(commissionKindFor("A")).toBe("non_formal");
    expect(commissionKindFor("B")).toBe("professional");
    expect(commissionKindFor("micro")).toBe("micro_qualification");
  });
});

describe("checkComposition", () => {
  it("accepts members and a secretary who is not one of them", () => {
    expect(checkComposition({ memberIds: members, secretaryId })).toEqual([]);
  });

  it("R п.12, 23: the secretary is not a member of the commission", () => {
    expect(checkComposition({ memberIds: [...members, secretaryId], secretaryId })).toEqual([
      { code: "SECRETARY_IS_MEMBER", detail: "sec cannot be both secretary and member", rule: "R п.12, 23" },
    ]);
  });

  it("R п.12, 23: the commission has a secretary", () => {
    expect(checkComposition({ memberIds: members, secretaryId: null }).map((p) => p.code)).toEqual(["SECRETARY_MISSING"]);
  });

  it("our rule, not the law's: fewer than 3 members cannot hold a chair, a deputy and a member", () => {
    expect(checkComposition({ memberIds: ["m1", "m2"], secretaryId })).toMatchObject([{ code: "TOO_FEW_MEMBERS", rule: null }]);
    expect(checkComposition({ memberIds: ["m1", "m2"], secretaryId }, { minMembers: 2 })).toEqual([]);
  });

  it("a member listed twice is reported and counted once", () => {
    expect(checkComposition({ memberIds: ["m1", "m2", "m2"], secretaryId }).map((p) => p.code)).toEqual([
      "DUPLICATE_MEMBER",
      "TOO_FEW_MEMBERS",
    ]);
  });
});

describe("checkVote", () => {
  const meeting = {
    memberIds: members,
    presentIds: ["m1", "m2", "m3", secretaryId],
    secretaryId,
    votes: [{ voterId: "m1", choice: "for" as const }],
  };

  it("R п.17, 28: a present member who has not voted may vote", () => {
    expect(checkVote(meeting, { voterId: "m2", choice: "against" })).toEqual([]);
  });

  it("R п.12, 23: the secretary cannot vote", () => {
    expect(checkVote(meeting, { voterId: secretaryId, choice: "for" }).map((p) => p.code)).toEqual(["SECRETARY_CANNOT_VOTE"]);
  });

  it("R п.17, 28: only members vote, only when present, and once", () => {
    expect(checkVote(meeting, { voterId: "guest", choice: "for" }).map((p) => p.code)).toEqual(["VOTER_NOT_MEMBER"]);
    expect(checkVote(meeting, { voterId: "m4", choice: "for" }).map((p) => p.code)).toEqual(["VOTER_ABSENT"]);
    expect(checkVote(meeting, { voterId: "m1", choice: "against" }).map((p) => p.code)).toEqual(["DUPLICATE_VOTE"]);
  });
});

describe("tallyDecision", () => {
  it("R п.17, 28: adopted by a majority of the members taking part", () => {
    const t = tallyDecision({ memberIds: members, presentIds: ["m1", "m2", "m3"], votes: votes("for", "for", "against") });
    expect(t).toMatchObject({
      for: 2,
      against: 1,
      abstain: 0,
      participating: 3,
      majority: true,
      adopted: true,
      complete: true,
      notVoted: [],
    });
    expect(t.quorum).toEqual({ required: 3, present: 3, met: true });
  });

  it("R п.17, 28: abstentions count as taking part, so 2 for, 1 against, 1 abstaining of 4 is no majority", () => {
    const t = tallyDecision({ memberIds: members, presentIds: ["m1", "m2", "m3", "m4"], votes: votes("for", "for", "against", "abstain") });
    expect(t).toMatchObject({ for: 2, participating: 4, majority: false, adopted: false });
    expect(t.reason).toBe("not adopted: 2 for, 1 against, 1 abstaining of 4 taking part; a majority is 3; a tie is not a majority");
  });

  it("R п.17, 28: a present member who has not voted is reported and still takes part", () => {
    const t = tallyDecision({ memberIds: members, presentIds: ["m1", "m2", "m3", "m4"], votes: votes("for", "for") });
    expect(t).toMatchObject({ participating: 4, notVoted: ["m3", "m4"], complete: false, adopted: false });
    expect(t.reason).toContain("2 have not voted yet");
  });

  it("R п.17, 28: a majority already reached is not undone by members yet to vote", () => {
    const t = tallyDecision({ memberIds: members, presentIds: members, votes: votes("for", "for", "for") });
    expect(t).toMatchObject({ adopted: true, complete: false, notVoted: ["m4", "m5"] });
  });

  it("our rule, not the law's: without more than half of the members present nothing is decided", () => {
    const t = tallyDecision({ memberIds: members, presentIds: ["m1", "m2"], votes: votes("for", "for") });
    expect(t).toMatchObject({ majority: true, adopted: false, quorum: { required: 3, present: 2, met: false } });
    expect(t.reason).toBe("no quorum: 2 members present, 3 needed");
  });

  it("the quorum is a parameter of the commission's regulation (R п.11, 22)", () => {
    const meeting = { memberIds: members, presentIds: ["m1", "m2"], votes: votes("for", "for") };
    expect(tallyDecision(meeting, { quorum: { kind: "none" } }).adopted).toBe(true);
    expect(tallyDecision(meeting, { quorum: { kind: "at_least", members: 2 } }).adopted).toBe(true);
    expect(quorumRequired({ kind: "at_least_fraction", fraction: 2 / 3 }, 9)).toBe(6);
    expect(quorumRequired({ kind: "more_than_half" }, 4)).toBe(3);
  });

  it("R п.12, 17: the secretary's and outsiders' votes are not counted and void the tally", () => {
    const t = tallyDecision({
      memberIds: members,
      presentIds: ["m1", "m2", "m3", secretaryId],
      secretaryId,
      votes: [...votes("for", "against", "against"), { voterId: secretaryId, choice: "for" }, { voterId: "m1", choice: "against" }],
    });
    expect(t).toMatchObject({ for: 1, against: 2, adopted: false });
    expect(t.problems.map((p) => p.code)).toEqual(["SECRETARY_CANNOT_VOTE", "DUPLICATE_VOTE"]);
    expect(t.reason).toMatch(/^void: /);
  });

  it("R п.17, 28: members listed as present but not on the commission do not count", () => {
    const t = tallyDecision({ memberIds: members, presentIds: ["m1", "m2", "m3", "guest"], votes: votes("for", "for", "against") });
    expect(t.participating).toBe(3);
  });
});

describe("tallyElection", () => {
  const first = { memberIds: members, presentIds: members, secretaryId };

  it("R п.12, 23: the chair is elected by a majority of the members taking part", () => {
    const t = tallyElection({ ...first, candidateId: "m2", votes: votes("for", "for", "for", "against", "abstain") });
    expect(t).toMatchObject({ elected: true, for: 3, participating: 5 });
    expect(t.reason).toBe("elected: 3 for, 1 against, 1 abstaining of 5 taking part; a majority is 3");
  });

  it("R п.12, 23: a tie does not elect", () => {
    const t = tallyElection({
      ...first,
      presentIds: ["m1", "m2", "m3", "m4"],
      candidateId: "m1",
      votes: votes("for", "for", "against", "against"),
    });
    expect(t).toMatchObject({ elected: false, majority: false });
    expect(t.reason).toContain("a tie is not a majority");
  });

  it("R п.12, 23: the candidate must be a member; the secretary is not", () => {
    const t = tallyElection({ ...first, candidateId: secretaryId, votes: votes("for", "for", "for", "for", "for") });
    expect(t).toMatchObject({ elected: false });
    expect(t.problems).toEqual([{ code: "CANDIDATE_NOT_MEMBER", detail: "sec is not a member of the commission", rule: "R п.12, 23" }]);
  });

  it("R п.12, 23: non-members, the secretary and absent members cannot vote", () => {
    const t = tallyElection({
      ...first,
      presentIds: ["m1", "m2", "m3"],
      candidateId: "m1",
      votes: [
        ...votes("for", "for"),
        { voterId: "m4", choice: "for" },
        { voterId: "x", choice: "for" },
        { voterId: secretaryId, choice: "for" },
      ],
    });
    expect(t.problems.map((p) => p.code)).toEqual(["VOTER_ABSENT", "VOTER_NOT_MEMBER", "SECRETARY_CANNOT_VOTE"]);
    expect(t).toMatchObject({ for: 2, elected: false, notVoted: ["m3"] });
  });
});
