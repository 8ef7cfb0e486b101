import { describe, expect, it } from "vitest";
import { curriculumProblems } from "./curriculum.js";

const discipline = (code: string, credits: number, hours: number, outcomes = 1) => ({
  code,
  credits,
  hours,
  content: { learningOutcomes: Array.from({ length: outcomes }, (_, i) => ({ code: `O${i}` })) },
});

describe("disciplines of an educational programme", () => {
  it("R п.7: credits and hours agree at 30 hours per credit in higher education and 24 in TVET", () => {
    expect(curriculumProblems([discipline("A", 5, 150)], "higher")).toEqual([]);
    expect(curriculumProblems([discipline("A", 5, 120)], "tvet")).toEqual([]);
    expect(curriculumProblems([discipline("A", 5, 120)], "higher")).toEqual([
      { code: "CREDITS_HOURS_DISAGREE", rule: "R п.7", discipline: "A" },
    ]);
  });

  it("R п.6: every discipline states its learning outcomes; codes are unique", () => {
    expect(curriculumProblems([discipline("A", 1, 30, 0), discipline("A", 1, 30)], "higher").map((p) => p.code)).toEqual([
      "LEARNING_OUTCOMES_MISSING",
      "DUPLICATE_DISCIPLINE",
    ]);
    expect(curriculumProblems([], "higher").map((p) => p.code)).toEqual(["NO_DISCIPLINES"]);
  });
});
