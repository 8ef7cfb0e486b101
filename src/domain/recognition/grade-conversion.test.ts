import { describe, expect, it } from "vitest";
import { gradeOfPercent } from "../grading/letter-scale.js";
import { BUILT_IN_SCALES, checkScale, ConversionScaleSchema, convertGrade, type ConversionScale } from "./grade-conversion.js";

const fivePoint = (bands: { from: number; to: number; letter: "A" | "B" | "C" | "F" }[]): ConversionScale => ({
  type: "numeric",
  min: 2,
  max: 5,
  bands,
});

const codes = (scale: ConversionScale) => checkScale(scale).map((p) => p.code);

describe("ConversionScaleSchema", () => {
  it("R п.8: reads a numeric scale and a labels scale", () => {
    expect(ConversionScaleSchema.safeParse(BUILT_IN_SCALES.percent.scale).success).toBe(true);
    expect(ConversionScaleSchema.safeParse({ type: "labels", labels: [{ label: "Distinction", letter: "A" }] }).success).toBe(true);
  });

  it("R п.8: refuses a letter outside the national scale and an empty label", () => {
    expect(ConversionScaleSchema.safeParse({ type: "labels", labels: [{ label: "pass", letter: "E" }] }).success).toBe(false);
    expect(ConversionScaleSchema.safeParse({ type: "labels", labels: [{ label: "  ", letter: "C" }] }).success).toBe(false);
    expect(ConversionScaleSchema.safeParse({ type: "numeric", min: 0, max: 100, bands: [] }).success).toBe(false);
  });
});

describe("checkScale", () => {
  it("R п.8: every built-in template is a complete scale", () => {
    for (const [code, { scale }] of Object.entries(BUILT_IN_SCALES)) expect([code, checkScale(scale)]).toEqual([code, []]);
  });

  it("R п.8: a 5-point scale that leaves 3 unmapped is refused", () => {
    const scale = fivePoint([
      { from: 4.5, to: 5, letter: "A" },
      { from: 3.5, to: 4.49, letter: "B" },
      { from: 2, to: 2.99, letter: "F" },
    ]);
    expect(checkScale(scale)).toEqual([{ code: "GAP", detail: "3–3.49 has no letter", rule: "R п.8" }]);
  });

  it("R п.8: bands one hundredth apart are contiguous (4.49 then 4.5)", () => {
    const scale = fivePoint([
      { from: 4.5, to: 5, letter: "A" },
      { from: 2, to: 4.49, letter: "C" },
    ]);
    expect(checkScale(scale)).toEqual([]);
  });

  it("R п.8: a band sharing a bound with the next overlaps", () => {
    const scale = fivePoint([
      { from: 4.5, to: 5, letter: "A" },
      { from: 2, to: 4.5, letter: "C" },
    ]);
    expect(codes(scale)).toEqual(["OVERLAP"]);
  });

  it("R п.8: a scale must be covered to both ends", () => {
    expect(codes(fivePoint([{ from: 2.5, to: 4.99, letter: "C" }]))).toEqual(["GAP", "GAP"]);
  });

  it("R п.8: bounds finer than a hundredth, bands outside the range or upside down are refused", () => {
    expect(codes(fivePoint([{ from: 2, to: 4.995, letter: "C" }]))).toEqual(["PRECISION"]);
    expect(codes(fivePoint([{ from: 1, to: 5, letter: "C" }]))).toEqual(["OUT_OF_RANGE"]);
    expect(codes(fivePoint([{ from: 5, to: 2, letter: "C" }]))).toEqual(["INVERTED_BAND"]);
    expect(codes({ type: "numeric", min: 5, max: 5, bands: [{ from: 5, to: 5, letter: "A" }] })).toEqual(["INVALID_RANGE"]);
  });

  it("R п.8: does not assume higher is better (German 1.0 is the best grade)", () => {
    const german: ConversionScale = {
      type: "numeric",
      min: 1,
      max: 5,
      bands: [
        { from: 1, to: 1.5, letter: "A" },
        { from: 1.51, to: 4, letter: "C" },
        { from: 4.01, to: 5, letter: "F" },
      ],
    };
    expect(checkScale(german)).toEqual([]);
    expect(convertGrade(german, 1.3)).toMatchObject({ ok: true, letter: "A" });
  });

  it("R п.8: a label mapped twice is refused, ignoring case and spaces unless told otherwise", () => {
    const scale: ConversionScale = {
      type: "labels",
      labels: [
        { label: "Pass", letter: "C" },
        { label: " pass ", letter: "B" },
      ],
    };
    expect(codes(scale)).toEqual(["DUPLICATE_LABEL"]);
    expect(codes({ ...scale, caseSensitive: true })).toEqual([]);
  });

  it("R п.8: an ECTS scale that forgets E is refused", () => {
    const ects = BUILT_IN_SCALES.ects.scale;
    const withoutE: ConversionScale = { ...ects, labels: ects.labels.filter((l) => l.label !== "E") };
    expect(checkScale(withoutE)).toEqual([{ code: "UNMAPPED_LABEL", detail: '"E" has no letter', rule: "R п.8" }]);
  });
});

describe("convertGrade", () => {
  const percent = BUILT_IN_SCALES.percent.scale;
  const five = BUILT_IN_SCALES["five-point"].scale;
  const ects = BUILT_IN_SCALES.ects.scale;
  const passFail = BUILT_IN_SCALES["pass-fail"].scale;

  it("R п.8: the percent template gives the national bands, as gradeOfPercent", () => {
    for (const p of [100, 95, 94.99, 94.5, 90, 89, 75.2, 50, 49.99, 25, 24.99, 0]) {
      expect(convertGrade(percent, p)).toMatchObject({ ok: true, letter: gradeOfPercent(p).letter });
    }
  });

  it("R п.8: a fraction is cut down to hundredths, never rounded up across a band", () => {
    expect(convertGrade(five, 4.499)).toMatchObject({ ok: true, letter: "B+" });
    expect(convertGrade(five, 4.5)).toMatchObject({ ok: true, letter: "A-" });
    expect(convertGrade(percent, 94.999)).toMatchObject({ ok: true, letter: "A-" });
  });

  it.each([
    [5, "A", 4.0],
    [4.6, "A-", 3.67],
    [4, "B", 3.0],
    [3.5, "B-", 2.67],
    [3, "C", 2.0],
    [2.5, "D", 1.0],
    [2, "FX", 0.5],
    [1, "F", 0],
  ])("R п.8: five-point template: %d is %s", (grade, letter, gpa) => {
    expect(convertGrade(five, grade)).toMatchObject({ ok: true, letter, gpa });
  });

  it("R п.8: reads a numeric grade written with a decimal comma or a percent sign", () => {
    expect(convertGrade(five, "4,5")).toMatchObject({ ok: true, letter: "A-" });
    expect(convertGrade(percent, "87 %")).toMatchObject({ ok: true, letter: "B+", passing: true });
  });

  it("R п.8: a grade off the scale is refused", () => {
    expect(convertGrade(five, 6)).toMatchObject({ ok: false, code: "GRADE_NOT_ON_SCALE", rule: "R п.8" });
    expect(convertGrade(five, "отлично")).toMatchObject({ ok: false, code: "GRADE_NOT_ON_SCALE" });
  });

  it("R п.8: ECTS letters convert by the scale, not as national letters", () => {
    expect(convertGrade(ects, "B")).toMatchObject({ ok: true, letter: "B+", gpa: 3.33 });
    expect(convertGrade(ects, "e")).toMatchObject({ ok: true, letter: "D", passing: true });
    expect(convertGrade(ects, "FX")).toMatchObject({ ok: true, letter: "FX", passing: false });
  });

  it("R п.8: a label the scale does not know is unmapped", () => {
    expect(convertGrade(ects, "A+")).toEqual({
      ok: false,
      code: "GRADE_UNMAPPED",
      detail: '"A+" is not a label of the scale',
      rule: "R п.8",
    });
  });

  it("R п.8: the pass/fail template gives C for a pass and F for a fail, in three languages", () => {
    expect(convertGrade(passFail, "Passed")).toMatchObject({ ok: true, letter: "C", gpa: 2.0, passing: true });
    expect(convertGrade(passFail, "Зачтено")).toMatchObject({ ok: true, letter: "C" });
    expect(convertGrade(passFail, "не  зачтено")).toMatchObject({ ok: true, letter: "F", passing: false });
    expect(convertGrade(passFail, "сыналды")).toMatchObject({ ok: true, letter: "C" });
  });

  it("R п.8: a number on a labels scale is looked up as its label", () => {
    const scale: ConversionScale = {
      type: "labels",
      labels: [
        { label: "5", letter: "A" },
        { label: "4", letter: "B" },
      ],
    };
    expect(convertGrade(scale, 4)).toMatchObject({ ok: true, letter: "B" });
  });

  it("R п.8: a grade already on the national letter scale needs no conversion", () => {
    expect(convertGrade(null, "B+")).toMatchObject({ ok: true, letter: "B+", gpa: 3.33, passing: true });
    expect(convertGrade(null, " a− ")).toMatchObject({ ok: true, letter: "A-" });
    expect(convertGrade(null, "E")).toMatchObject({ ok: false, code: "GRADE_NOT_ON_SCALE" });
    expect(convertGrade(null, 87)).toMatchObject({ ok: false, code: "GRADE_NOT_ON_SCALE" });
  });

  it("R п.8: a scale with problems converts nothing", () => {
    const broken = fivePoint([{ from: 4.5, to: 5, letter: "A" }]);
    expect(convertGrade(broken, 4.7)).toMatchObject({ ok: false, code: "SCALE_INVALID", rule: "R п.8" });
  });

  it("explains the conversion in a note", () => {
    const result = convertGrade(five, 4.499);
    expect(result.ok && result.note).toBe("4.499 (read as 4.49) on the 1–5 scale falls in 4.25–4.49 → B+");
  });
});

describe("BUILT_IN_SCALES", () => {
  it("names every template in Kazakh, Russian and English", () => {
    for (const { names } of Object.values(BUILT_IN_SCALES))
      for (const lang of ["kk", "ru", "en"] as const) expect(names[lang]).not.toBe("");
  });
});
