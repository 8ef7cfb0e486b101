import { describe, expect, it } from "vitest";
import type { AppendixCourse } from "./application.js";
import { BUILT_IN_SCALES } from "./grade-conversion.js";
import { assessDocument, letterAtOrBelow, prepare, type PreparationInput, type TargetDiscipline } from "./proposal.js";

const t = (kk: string, ru: string, en: string) => ({ kk, ru, en });

const dataAnalysis: TargetDiscipline = {
  code: "DA-201",
  names: t("Деректерді талдау", "Анализ данных", "Data analysis"),
  credits: 5,
  hours: 150,
  learningOutcomes: [
    { code: "O1", text: t("Деректер жиынын тазалайды", "Очищает наборы данных", "Cleans data sets") },
    { code: "O2", text: t("Статистикалық талдау жүргізеді", "Проводит статистический анализ", "Performs statistical analysis") },
  ],
  syllabusTopics: [],
};

const course = (over: Partial<AppendixCourse> = {}): AppendixCourse => ({
  id: "c1",
  title: "Data analysis with Python",
  outcomes: ["Cleans data sets with pandas", "Performs statistical analysis of samples"],
  credits: null,
  hours: 150,
  sourceHoursPerCredit: null,
  grade: "B+",
  source: { kind: "credential", documentId: "d1" },
  ...over,
});

const input = (over: Partial<PreparationInput> = {}): PreparationInput => ({
  preparedAt: "2026-11-23T10:00:00Z",
  receivingHoursPerCredit: 30,
  scale: null,
  documents: [{ id: "d1", hasCredential: true, verdict: "valid", override: null }],
  courses: [course()],
  disciplines: [dataAnalysis],
  ...over,
});

describe("the automatic preparation proposes, never decides", () => {
  it("R п.6, 9: outcomes covered, volume sufficient (R п.7), passing grade (R п.8) → recognise, with every reason", () => {
    const [d] = prepare(input()).disciplines;
    expect(d).toMatchObject({
      proposal: "recognise",
      outcomeCoverage: 1,
      matchedCourses: ["c1"],
      grade: { letter: "B+" },
      volume: { sourceHours: 150, targetHours: 150, ratio: 1 },
    });
    expect(d!.reasons.map((r) => r.code)).toEqual(["OUTCOMES_COVERED", "VOLUME_SUFFICIENT", "GRADE_CONVERTED"]);
    expect(d!.outcomes.map((o) => [o.targetCode, o.covered, o.byCourse])).toEqual([
      ["O1", true, "c1"],
      ["O2", true, "c1"],
    ]);
  });

  it("R п.7: a course shorter than the discipline gives a partial proposal", () => {
    const [d] = prepare(input({ courses: [course({ hours: 72 })] })).disciplines;
    expect(d).toMatchObject({ proposal: "partly", volume: { ratio: 0.48 } });
    expect(d!.reasons.map((r) => r.code)).toContain("VOLUME_SHORT");
  });

  it("R п.6, 9: a course whose outcomes do not meet the discipline's is not proposed", () => {
    const [d] = prepare(input({ courses: [course({ outcomes: ["Welds metal structures"], title: "Welding" })] })).disciplines;
    expect(d).toMatchObject({ proposal: "not", matchedCourses: [] });
    expect(d!.reasons.map((r) => r.code)).toContain("NO_MATCHING_COURSE");
  });

  it("R п.8: a failing grade cannot carry a discipline; a 5-point grade converts through the scale", () => {
    expect(prepare(input({ courses: [course({ grade: "FX" })] })).disciplines[0]!.reasons.map((r) => r.code)).toContain(
      "COURSES_NOT_PASSED",
    );
    const fivePoint = prepare(
      input({ scale: { code: "five-point", scale: BUILT_IN_SCALES["five-point"].scale }, courses: [course({ grade: "5" })] }),
    );
    expect(fivePoint.courses[0]!.grade).toMatchObject({ ok: true, letter: "A" });
    expect(fivePoint.disciplines[0]).toMatchObject({ proposal: "recognise", grade: { letter: "A" } });
  });

  it("R п.10: a credential that failed verification is not a basis until the secretary accepts it with a reason", () => {
    const untrusted = input({ documents: [{ id: "d1", hasCredential: true, verdict: "untrusted_issuer", override: null }] });
    const [d] = prepare(untrusted).disciplines;
    expect(d!.proposal).toBe("not");
    expect(d!.reasons.map((r) => r.code)).toContain("COURSES_FROM_UNVERIFIED_DOCUMENTS");
    const accepted = prepare({
      ...untrusted,
      documents: [
        {
          id: "d1",
          hasCredential: true,
          verdict: "untrusted_issuer",
          override: { by: "user:s", reason: "Checked by phone with the issuer" },
        },
      ],
    });
    expect(accepted.documents[0]).toMatchObject({ usable: true, reason: { code: "ACCEPTED_BY_SECRETARY" } });
    expect(accepted.disciplines[0]!.proposal).toBe("recognise");
  });

  it("R п.10: a paper document is usable; the commission checks it", () => {
    expect(assessDocument({ id: "p", hasCredential: false, verdict: null, override: null })).toMatchObject({
      usable: true,
      reason: { code: "PAPER_DOCUMENT" },
    });
  });

  it("R п.8: several courses give an hours-weighted grade, never rounded up to a letter", () => {
    const two = prepare(
      input({
        courses: [
          course({ id: "a", hours: 100, grade: "A", outcomes: ["Cleans data sets"] }),
          course({ id: "b", hours: 50, grade: "C", outcomes: ["Performs statistical analysis"] }),
        ],
      }),
    );
    // (4.0 × 100 + 2.0 × 50) / 150 = 3.33 → B+ (3.33), not A- (3.67)
    expect(two.disciplines[0]).toMatchObject({ proposal: "recognise", grade: { letter: "B+" }, volume: { sourceHours: 150 } });
    expect(letterAtOrBelow(3.5)).toBe("B+");
    expect(letterAtOrBelow(4)).toBe("A");
  });
});
