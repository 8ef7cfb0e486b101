import { describe, expect, it } from "vitest";
import { checkConclusion, ExpertConclusionDraftSchema, ExpertConclusionSchema, type ExpertConclusion } from "./expert-conclusion.js";

const assessed = (match: "full" | "partial" | "none" = "full") => ({ match, comment: "Compared the syllabi side by side" });

function conclusion(over: Partial<ExpertConclusion> = {}): ExpertConclusion {
  return {
    assessments: { learningOutcomes: assessed(), programmeGoals: assessed(), volume: assessed("partial"), grade: assessed() },
    recommendations: [
      { disciplineCode: "PY101", recommendation: "recognise", credits: 5, letter: "B+", comment: "" },
      { disciplineCode: "DB201", recommendation: "not", comment: "The certificate does not cover SQL" },
    ],
    summary: "Recognise PY101; DB201 is not covered",
    ...over,
  };
}

const targets = ["PY101", "DB201"];
const codes = (c: Parameters<typeof checkConclusion>[0], t = targets) => checkConclusion(c, t).map((p) => p.code);

describe("ExpertConclusionSchema", () => {
  it("R п.16, 27: a finished conclusion has all four assessments with reasons", () => {
    expect(ExpertConclusionSchema.safeParse(conclusion()).success).toBe(true);
    const { grade: _grade, ...three } = conclusion().assessments;
    expect(ExpertConclusionSchema.safeParse({ ...conclusion(), assessments: three }).success).toBe(false);
    expect(
      ExpertConclusionSchema.safeParse(
        conclusion({ assessments: { ...conclusion().assessments, volume: { match: "full", comment: " " } } }),
      ).success,
    ).toBe(false);
  });

  it("a draft may leave assessments out, to be listed by checkConclusion", () => {
    expect(ExpertConclusionDraftSchema.safeParse({ assessments: {}, recommendations: [], summary: "" }).success).toBe(true);
  });
});

describe("checkConclusion", () => {
  it("accepts a complete conclusion", () => {
    expect(checkConclusion(conclusion(), targets)).toEqual([]);
  });

  it("R п.16, 27: names the assessment that is missing", () => {
    const { volume: _volume, ...assessments } = conclusion().assessments;
    expect(checkConclusion({ ...conclusion(), assessments }, targets)).toEqual([
      { code: "ASSESSMENT_MISSING", aspect: "volume", detail: "the match of programme volume is not assessed", rule: "R п.16, 27" },
    ]);
  });

  it("R п.16, 27: an assessment without reasons is not an assessment", () => {
    const draft = { ...conclusion(), assessments: { ...conclusion().assessments, grade: { match: "full" as const, comment: "  " } } };
    expect(checkConclusion(draft, targets)).toMatchObject([{ code: "ASSESSMENT_COMMENT_EMPTY", aspect: "grade" }]);
  });

  it("an empty summary is reported", () => {
    expect(codes(conclusion({ summary: "" }))).toEqual(["SUMMARY_EMPTY"]);
  });

  it("R п.5: a recommendation for a discipline not in the application is reported", () => {
    expect(checkConclusion(conclusion(), ["PY101"])).toMatchObject([{ code: "UNKNOWN_DISCIPLINE", disciplineCode: "DB201" }]);
  });

  it("R п.5: every discipline of the application gets exactly one recommendation", () => {
    expect(checkConclusion(conclusion(), [...targets, "ML301"])).toMatchObject([
      { code: "DISCIPLINE_WITHOUT_RECOMMENDATION", disciplineCode: "ML301" },
    ]);
    const twice = conclusion({
      recommendations: [...conclusion().recommendations, { disciplineCode: "DB201", recommendation: "not", comment: "No" }],
    });
    expect(codes(twice)).toEqual(["DUPLICATE_RECOMMENDATION"]);
  });

  it("R п.18, M п.17: a re-credited discipline needs a passing letter", () => {
    const recs = (letter?: "FX" | "D") => [
      { disciplineCode: "PY101", recommendation: "recognise" as const, credits: 5, letter, comment: "" },
    ];
    expect(checkConclusion(conclusion({ recommendations: recs() }), ["PY101"])).toMatchObject([
      {
        code: "PASSING_LETTER_MISSING",
        disciplineCode: "PY101",
        detail: 'PY101 is re-credited ("recognise") but has no letter',
        rule: "R п.18",
      },
    ]);
    expect(codes(conclusion({ recommendations: recs("FX") }), ["PY101"])).toEqual(["PASSING_LETTER_MISSING"]);
    expect(codes(conclusion({ recommendations: recs("D") }), ["PY101"])).toEqual([]);
  });

  it("R п.18: a partial re-credit says how much, with a letter and reasons", () => {
    const partly = conclusion({ recommendations: [{ disciplineCode: "PY101", recommendation: "partly", comment: "" }] });
    expect(codes(partly, ["PY101"])).toEqual(["PASSING_LETTER_MISSING", "PARTLY_WITHOUT_VOLUME", "RECOMMENDATION_COMMENT_EMPTY"]);
  });

  it("a refusal gives reasons", () => {
    const refusal = conclusion({ recommendations: [{ disciplineCode: "DB201", recommendation: "not", comment: "" }] });
    expect(codes(refusal, ["DB201"])).toEqual(["RECOMMENDATION_COMMENT_EMPTY"]);
  });

  it("R п.5: nothing is re-credited when the learning outcomes do not match", () => {
    const none = conclusion({ assessments: { ...conclusion().assessments, learningOutcomes: assessed("none") } });
    expect(checkConclusion(none, targets)).toMatchObject([{ code: "RECOGNISED_WITHOUT_OUTCOME_MATCH", disciplineCode: "PY101" }]);
  });
});
