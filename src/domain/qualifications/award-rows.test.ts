import { describe, expect, it } from "vitest";
import { checkAwardRows, parseResult } from "./award-rows.js";

// Valid IINs (check digit computed by hand with the weights 1…11).
const IIN_A = "950701300127";
const IIN_B = "000229500454";

describe("parseResult", () => {
  it("M п.17: reads percentages, with a decimal point or comma", () => {
    expect(parseResult("87")).toEqual({ kind: "percent", value: 87 });
    expect(parseResult(" 87,5 ")).toEqual({ kind: "percent", value: 87.5 });
  });
  it("reads letters of the scale in any case", () => {
    expect(parseResult("b+")).toEqual({ kind: "letter", value: "B+" });
    expect(parseResult("FX")).toEqual({ kind: "letter", value: "FX" });
  });
  it("refuses what is neither", () => {
    for (const bad of ["101", "-5", "E", "B++", "", "5 points"]) expect(parseResult(bad)).toBeNull();
  });
});

describe("checkAwardRows", () => {
  const row = (over: Record<string, string> = {}) => ({
    full_name: "Name",
    iin: IIN_A,
    result: "90",
    session: "2026-06",
    held_on: "2026-06-20",
    ...over,
  });

  it("accepts good rows and numbers them from 1", () => {
    const { valid, problems } = checkAwardRows([row(), row({ iin: IIN_B, result: "C", email: "x@y.kz" })]);
    expect(problems).toEqual([]);
    expect(valid.map((r) => [r.row, r.result])).toEqual([
      [1, { kind: "percent", value: 90 }],
      [2, { kind: "letter", value: "C" }],
    ]);
  });

  it("reports a bad row without stopping the others", () => {
    const { valid, problems } = checkAwardRows([
      row({ iin: "950701300128" }),
      row({ iin: IIN_B, result: "120" }),
      row({ iin: IIN_B, held_on: "20.06.2026", session: "x" }),
    ]);
    expect(valid).toEqual([]);
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [1, "IIN_INVALID"],
      [2, "RESULT_INVALID"],
      [3, "DATE_INVALID"],
    ]);
  });

  it("finds the same learner twice in one session", () => {
    const { duplicates } = checkAwardRows([row(), row({ iin: IIN_B }), row({ full_name: "Again" })]);
    expect(duplicates).toEqual([{ iin: IIN_A, session: "2026-06", rows: [1, 3] }]);
  });

  it("allows the same learner in two sessions (a retake after FX)", () => {
    expect(checkAwardRows([row({ result: "FX" }), row({ session: "2026-08", held_on: "2026-08-25" })]).duplicates).toEqual([]);
  });
});
