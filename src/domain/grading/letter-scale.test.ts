import { describe, expect, it } from "vitest";
import { gradeOfLetter, gradeOfPercent, gradeResult, isLetter, LETTER_SCALE, LETTERS } from "./letter-scale.js";

describe("Kazakhstan letter scale (M п.17, R п.8)", () => {
  it("has ten positive grades, FX and F, in order", () => {
    expect(LETTERS).toEqual(["A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "FX", "F"]);
    expect(LETTER_SCALE.filter((g) => g.passing)).toHaveLength(10);
  });

  it("bands cover 0–100 with no gap and no overlap", () => {
    const sorted = [...LETTER_SCALE].sort((a, b) => a.percent.min - b.percent.min);
    expect(sorted[0]!.percent.min).toBe(0);
    expect(sorted.at(-1)!.percent.max).toBe(100);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.percent.min).toBe(sorted[i - 1]!.percent.max + 1);
  });

  it.each([
    [100, "A", 4.0],
    [95, "A", 4.0],
    [94, "A-", 3.67],
    [90, "A-", 3.67],
    [89, "B+", 3.33],
    [80, "B", 3.0],
    [75, "B-", 2.67],
    [70, "C+", 2.33],
    [65, "C", 2.0],
    [60, "C-", 1.67],
    [55, "D+", 1.33],
    [50, "D", 1.0],
    [49, "FX", 0.5],
    [25, "FX", 0.5],
    [24, "F", 0],
    [0, "F", 0],
  ])("M п.17: %d %% is %s (%d points)", (percent, letter, gpa) => {
    expect(gradeOfPercent(percent)).toMatchObject({ letter, gpa });
  });

  it("never rounds a fraction up across a band: 94.9 % is A-, 49.99 % is FX", () => {
    expect(gradeOfPercent(94.9).letter).toBe("A-");
    expect(gradeOfPercent(49.99).letter).toBe("FX");
  });

  it("refuses percentages outside 0–100", () => {
    for (const bad of [-1, 100.01, Number.NaN, Infinity]) expect(() => gradeOfPercent(bad)).toThrow(RangeError);
  });

  it("M п.16: A–D award the micro-qualification; FX and F do not, and only FX may be retaken", () => {
    expect(gradeOfLetter("D").passing).toBe(true);
    expect(gradeOfLetter("FX")).toMatchObject({ passing: false, retakeAllowed: true });
    expect(gradeOfLetter("F")).toMatchObject({ passing: false, retakeAllowed: false });
  });

  it("grades a result given as a percentage or as a letter", () => {
    expect(gradeResult({ kind: "percent", value: 87 })).toMatchObject({ grade: { letter: "B+" }, percent: 87 });
    expect(gradeResult({ kind: "letter", value: "C+" })).toMatchObject({ grade: { letter: "C+", gpa: 2.33 }, percent: null });
  });

  it("recognises letters exactly", () => {
    expect(isLetter("A-")).toBe(true);
    expect(isLetter("a")).toBe(false);
    expect(isLetter("E")).toBe(false);
  });
});
