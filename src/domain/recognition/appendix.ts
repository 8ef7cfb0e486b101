// Reading the appendix of courses (R п.10: each course with its volume and grade) out of a verified credential.
// Understood shapes:
//  - Open Badges 3.0 (ours and other issuers'): credentialSubject.achievement is one course — its name, the
//    learning outcomes as competency alignments, creditsAvailable / creditsEarned, hours from an
//    "N academic hours" tag, and the grade from the results (a letter first, then a percentage, then any value);
//  - a credential whose subject lists courses: credentialSubject.courses (or .appendix) as
//    [{ title | name, credits, hours, hoursPerCredit, grade, learningOutcomes: string[] }].
// Anything else gives no courses, and the secretary types them in from the document.
import type { AppendixCourse } from "./application.js";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const text = (v: unknown): string | null => (typeof v === "string" && v.trim().length > 0 ? v.trim() : null);
const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v.replace(",", ".")) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
};
const types = (v: unknown): string[] => list(v).filter((t): t is string => typeof t === "string");

function outcomesOf(achievement: Json): string[] {
  const outcomes: string[] = [];
  for (const a of list(achievement.alignment)) {
    if (!isObject(a)) continue;
    const kind = text(a.targetType) ?? "";
    if (!/competenc|outcome/i.test(kind)) continue;
    const name = text(a.targetName);
    if (name) outcomes.push(name);
    // Our credentials carry the outcome in kk | ru | en in the description, so any language can match.
    for (const variant of (text(a.targetDescription) ?? "").split(" | ")) {
      const v = variant.trim();
      if (v && v !== name) outcomes.push(v);
    }
  }
  return outcomes;
}

function gradeOf(results: unknown[]): string | null {
  const values = results.filter(isObject).map((r) => ({
    value: text(r.value) ?? (typeof r.value === "number" ? String(r.value) : null),
    describedBy: text(r.resultDescription) ?? "",
  }));
  const letter = values.find((v) => v.describedBy.endsWith("#grade") || /^(A|A-|B\+|B|B-|C\+|C|C-|D\+|D|FX|F)$/.test(v.value ?? ""));
  if (letter?.value) return letter.value;
  const percent = values.find((v) => v.describedBy.endsWith("#percent"));
  if (percent?.value) return percent.value;
  return values.find((v) => v.value && !v.describedBy.endsWith("#gpa"))?.value ?? null;
}

function hoursFromTags(achievement: Json): number | null {
  for (const tag of list(achievement.tag)) {
    const m = typeof tag === "string" ? /^(\d+(?:[.,]\d+)?)\s*(academic )?hours?$/i.exec(tag.trim()) : null;
    if (m?.[1]) return num(m[1]);
  }
  return null;
}

/** The courses a credential states, each tagged with the document it came from. */
export function coursesFromCredential(credential: unknown, documentId: string, idPrefix: string): AppendixCourse[] {
  if (!isObject(credential)) return [];
  const courses: AppendixCourse[] = [];
  const source = { kind: "credential" as const, documentId };
  for (const subject of list(credential.credentialSubject)) {
    if (!isObject(subject)) continue;
    const achievement = subject.achievement;
    if (isObject(achievement) && (types(achievement.type).includes("Achievement") || text(achievement.name))) {
      courses.push({
        id: `${idPrefix}${courses.length + 1}`,
        title: text(achievement.name) ?? "—",
        outcomes: outcomesOf(achievement),
        credits: num(subject.creditsEarned) ?? num(achievement.creditsAvailable),
        hours: hoursFromTags(achievement),
        sourceHoursPerCredit: null,
        grade: gradeOf(list(subject.result)),
        source,
      });
    }
    for (const c of [...list(subject.courses), ...list(subject.appendix)]) {
      if (!isObject(c)) continue;
      courses.push({
        id: `${idPrefix}${courses.length + 1}`,
        title: text(c.title) ?? text(c.name) ?? "—",
        outcomes: list(c.learningOutcomes)
          .map(text)
          .filter((t): t is string => t !== null),
        credits: num(c.credits),
        hours: num(c.hours),
        sourceHoursPerCredit: num(c.hoursPerCredit),
        grade: text(c.grade) ?? (typeof c.grade === "number" ? String(c.grade) : null),
        source,
      });
    }
  }
  return courses;
}
