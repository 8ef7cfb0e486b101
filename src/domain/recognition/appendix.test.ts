import { describe, expect, it } from "vitest";
import { coursesFromCredential } from "./appendix.js";

describe("reading the appendix of courses from a credential (R п.10)", () => {
  it("R п.10: an Open Badges 3.0 achievement is one course — name, outcomes in every language, credits, hours, letter grade", () => {
    const credential = {
      credentialSubject: {
        creditsEarned: 5,
        achievement: {
          type: ["Achievement"],
          name: "Junior data analyst",
          tag: ["micro-qualification", "150 academic hours"],
          alignment: [
            { targetType: "ext:NQFLevel", targetName: "NQF 5" },
            {
              targetType: "ceasn:Competency",
              targetName: "Очищает наборы данных",
              targetDescription: "Деректер жиынын тазалайды | Очищает наборы данных | Cleans data sets",
            },
          ],
        },
        result: [
          { resultDescription: "https://x/achievements/DA#grade", value: "B+" },
          { resultDescription: "https://x/achievements/DA#gpa", value: "3.33" },
        ],
      },
    };
    expect(coursesFromCredential(credential, "doc1", "c")).toEqual([
      {
        id: "c1",
        title: "Junior data analyst",
        outcomes: ["Очищает наборы данных", "Деректер жиынын тазалайды", "Cleans data sets"],
        credits: 5,
        hours: 150,
        sourceHoursPerCredit: null,
        grade: "B+",
        source: { kind: "credential", documentId: "doc1" },
      },
    ]);
  });

  it("R п.10: a subject listing courses gives one course each, with the volume and grade as stated", () => {
    const courses = coursesFromCredential(
      {
        credentialSubject: {
          courses: [
            { title: "Welding", hours: "120", grade: 5, learningOutcomes: ["Welds steel"] },
            { name: "Safety", credits: 1, hoursPerCredit: 24, grade: "pass" },
          ],
        },
      },
      "d",
      "x",
    );
    expect(courses.map((c) => [c.title, c.hours, c.credits, c.sourceHoursPerCredit, c.grade])).toEqual([
      ["Welding", 120, null, null, "5"],
      ["Safety", null, 1, 24, "pass"],
    ]);
  });

  it("R п.10: a credential with no recognisable appendix gives no courses (the secretary types them in)", () => {
    expect(coursesFromCredential({ credentialSubject: { qualification: "Welder" } }, "d", "x")).toEqual([]);
    expect(coursesFromCredential("not json", "d", "x")).toEqual([]);
  });
});
