import { describe, expect, it } from "vitest";
import { canAward, checkProgramme, nextStatus, type ProgrammeContent } from "./programme.js";

const t = (s: string) => ({ kk: `${s} (kk)`, ru: `${s} (ru)`, en: s });

function programme(over: Partial<ProgrammeContent> = {}): ProgrammeContent {
  return {
    names: t("Data analysis with Python"),
    qualificationName: t("Junior data analyst"),
    goal: t("Prepare analysts"),
    description: null,
    form: "blended",
    nqfLevel: 5,
    accreditations: [],
    workload: { credits: 5, hours: 150 },
    languages: ["kk", "ru"],
    professionalBasis: { kind: "market_requirements", wording: t("In line with current labour-market requirements") },
    learningOutcomes: [{ code: "LO1", text: t("Cleans data") }],
    thematicPlan: [
      { kind: "module", title: t("Python"), hours: 60 },
      { kind: "module", title: t("Statistics"), hours: 90 },
    ],
    teachingMethods: t("Project-based learning"),
    assessment: null,
    fieldOfStudy: "0613",
    validityMonths: null,
    ...over,
  };
}

describe("checkProgramme", () => {
  it("accepts a consistent programme and reports its workload in both units", () => {
    expect(checkProgramme(programme(), "higher")).toEqual({ problems: [], workload: { credits: 5, hours: 150 } });
  });

  it("R п.7: derives hours from credits with 30 h per credit in higher education and 24 in TVET", () => {
    const onlyCredits = programme({ workload: { credits: 2, hours: null }, thematicPlan: [] });
    expect(checkProgramme(onlyCredits, "higher").workload).toEqual({ credits: 2, hours: 60 });
    expect(checkProgramme(onlyCredits, "tvet").workload).toEqual({ credits: 2, hours: 48 });
  });

  it("R п.7: derives credits from hours", () => {
    expect(checkProgramme(programme({ workload: { credits: null, hours: 72 }, thematicPlan: [] }), "tvet").workload).toEqual({
      credits: 3,
      hours: 72,
    });
  });

  it("R п.7: refuses hours that do not match the credits", () => {
    const { problems } = checkProgramme(programme({ workload: { credits: 5, hours: 120 }, thematicPlan: [] }), "higher");
    expect(problems).toEqual([{ code: "HOURS_CREDITS_MISMATCH", rule: "R п.7", credits: 5, hours: 120, hoursPerCredit: 30 }]);
  });

  it("M п.10: refuses a programme under one credit", () => {
    const { problems, workload } = checkProgramme(programme({ workload: { credits: null, hours: 20 }, thematicPlan: [] }), "tvet");
    expect(problems).toEqual([{ code: "CREDITS_BELOW_MINIMUM", rule: "M п.10", credits: 0.83 }]);
    expect(workload).toBeNull();
  });

  it("M п.10: accepts exactly one credit", () => {
    expect(checkProgramme(programme({ workload: { credits: 1, hours: 24 }, thematicPlan: [] }), "tvet").problems).toEqual([]);
  });

  it("M appendix field 7: needs credits or hours", () => {
    expect(checkProgramme(programme({ workload: { credits: null, hours: null } }), "higher").problems).toContainEqual({
      code: "WORKLOAD_MISSING",
      rule: "M appendix, field 7",
    });
  });

  it("M п.9: the thematic plan's hours add up to the programme's hours", () => {
    const { problems } = checkProgramme(programme({ thematicPlan: [{ kind: "module", title: t("Python"), hours: 100 }] }), "higher");
    expect(problems).toEqual([{ code: "THEMATIC_PLAN_HOURS_MISMATCH", rule: "M п.9", planHours: 100, hours: 150 }]);
  });

  it("M appendix field 6: international accreditation names its agency", () => {
    const { problems } = checkProgramme(
      programme({ accreditations: [{ kind: "international", agency: " ", register: "EQAR" }] }),
      "higher",
    );
    expect(problems).toEqual([{ code: "ACCREDITATION_AGENCY_MISSING", rule: "M appendix, field 6" }]);
  });

  it("M appendix field 10: lists at least one learning outcome", () => {
    expect(checkProgramme(programme({ learningOutcomes: [] }), "higher").problems).toEqual([
      { code: "LEARNING_OUTCOMES_MISSING", rule: "M appendix, field 10" },
    ]);
  });
});

describe("programme lifecycle", () => {
  it("goes draft → approved → published → retired", () => {
    expect(nextStatus("draft", "approve")).toBe("approved");
    expect(nextStatus("approved", "publish")).toBe("published");
    expect(nextStatus("published", "retire")).toBe("retired");
  });

  it("sends an edited approved programme back to draft, and refuses to edit a published one", () => {
    expect(nextStatus("approved", "edit")).toBe("draft");
    expect(nextStatus("published", "edit")).toBeNull();
    expect(nextStatus("retired", "edit")).toBeNull();
  });

  it("refuses to publish without approval or to approve twice", () => {
    expect(nextStatus("draft", "publish")).toBeNull();
    expect(nextStatus("approved", "approve")).toBeNull();
    expect(nextStatus("draft", "retire")).toBeNull();
  });

  it("M п.16: awards only from a published programme", () => {
    expect(canAward("published")).toBe(true);
    expect(canAward("approved")).toBe(false);
    expect(canAward("retired")).toBe(false);
  });
});
