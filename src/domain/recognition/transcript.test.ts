import { describe, expect, it } from "vitest";
import { disciplineStatuses, microStack } from "./transcript.js";

const programme = [
  { code: "DA-201", credits: 5, period: 3 },
  { code: "NN-301", credits: 5, period: 5 },
  { code: "WLD-101", credits: 10, period: 2 },
];

describe("the transcript after recognition", () => {
  it("R п.19, 30: re-credited disciplines are exempt in the following periods; the rest are still to study", () => {
    const statuses = disciplineStatuses(programme, [{ disciplineCode: "DA-201", credits: 5, procedure: "micro" }]);
    expect(Object.fromEntries(statuses)).toEqual({ "DA-201": "re_credited", "NN-301": "to_study", "WLD-101": "to_study" });
  });

  it("M п.2.2, 3.3, 3.5: micro-qualifications stack — transferred credits count towards the programme's total", () => {
    const stack = microStack(
      programme,
      [
        { disciplineCode: "DA-201", credits: 5, procedure: "micro" },
        { disciplineCode: "WLD-101", credits: 10, procedure: "B" },
      ],
      [3, 2.5],
    );
    expect(stack).toEqual({ transferredCredits: 5, awardedCredits: 5.5, countsTowards: ["DA-201"], shareOfProgramme: 0.25 });
  });
});
