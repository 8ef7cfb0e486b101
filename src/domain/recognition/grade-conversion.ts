// Conversion scales from another grading system to the point-rating letter system (R п.8).
// R п.8 makes the letter system the common ground and leaves the conversion scale to the receiving
// organisation, so a scale is data the organisation edits, never code. BUILT_IN_SCALES are starting points.
//
// Numeric scales are read at a precision of 0.01 (one hundredth). Every bound is a multiple of 0.01, bands are
// inclusive at both ends, and two bands are contiguous when the next one starts one hundredth after the
// previous one ends: 3.50–4.49 then 4.50–5.00 leaves no gap. A grade is cut down (never rounded up) to
// hundredths before it is looked up, so 4.499 is 4.49, as gradeOfPercent puts 94.9 % in A-.
// The direction of a scale is not assumed: a band of higher numbers may carry a lower letter (in the German
// system 1.0 is the best grade), so only coverage is checked, not order.
import { z } from "zod";
import { gradeOfLetter, isLetter, LETTERS, type Letter } from "../grading/letter-scale.js";
import type { LocalizedText } from "../institutions/institution.js";

const LetterSchema = z.enum(LETTERS);

export const NumericBandSchema = z.object({ from: z.number(), to: z.number(), letter: LetterSchema });

export const NumericScaleSchema = z.object({
  type: z.literal("numeric"),
  min: z.number(),
  max: z.number(),
  bands: z.array(NumericBandSchema).min(1),
});

export const LabelsScaleSchema = z.object({
  type: z.literal("labels"),
  labels: z.array(z.object({ label: z.string().trim().min(1), letter: LetterSchema })).min(1),
  /** Labels are compared ignoring case unless this is true. Spaces are always trimmed and collapsed. */
  caseSensitive: z.boolean().optional(),
  /** The labels a known family must map (ECTS A, B, C, D, E, FX, F), so that a forgotten one is caught. */
  expectedLabels: z.array(z.string().trim().min(1)).optional(),
});

/** The shape of a scale. checkScale says whether it is usable: coverage, overlaps, duplicates. */
export const ConversionScaleSchema = z.discriminatedUnion("type", [NumericScaleSchema, LabelsScaleSchema]);

export type NumericBand = z.infer<typeof NumericBandSchema>;
export type NumericScale = z.infer<typeof NumericScaleSchema>;
export type LabelsScale = z.infer<typeof LabelsScaleSchema>;
export type ConversionScale = z.infer<typeof ConversionScaleSchema>;

export type ScaleProblemCode =
  "INVALID_RANGE" | "PRECISION" | "INVERTED_BAND" | "OUT_OF_RANGE" | "GAP" | "OVERLAP" | "DUPLICATE_LABEL" | "UNMAPPED_LABEL";

export interface ScaleProblem {
  readonly code: ScaleProblemCode;
  readonly detail: string;
  readonly rule: "R п.8";
}

// ---- checking a scale ----

/** Every problem that makes the scale unusable; an empty list means every grade on it has exactly one letter. */
export function checkScale(scale: ConversionScale): ScaleProblem[] {
  return scale.type === "numeric" ? checkNumeric(scale) : checkLabels(scale);
}

function checkNumeric(scale: NumericScale): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const problem = (code: ScaleProblemCode, detail: string) => problems.push({ code, detail, rule: "R п.8" });

  const imprecise = [scale.min, scale.max, ...scale.bands.flatMap((b) => [b.from, b.to])].filter((n) => !isHundredths(n));
  for (const n of new Set(imprecise)) problem("PRECISION", `${n} is not a multiple of 0.01`);
  if (imprecise.length > 0) return problems;

  const min = hundredths(scale.min);
  const max = hundredths(scale.max);
  if (min >= max) {
    problem("INVALID_RANGE", `the scale runs from ${scale.min} to ${scale.max}; min must be below max`);
    return problems;
  }

  const bands = scale.bands.map((b) => ({ ...b, lo: hundredths(b.from), hi: hundredths(b.to) }));
  for (const b of bands) {
    if (b.lo > b.hi) problem("INVERTED_BAND", `${show(b)} starts above its end`);
    else if (b.lo < min || b.hi > max) problem("OUT_OF_RANGE", `${show(b)} lies outside ${fmt(min)}–${fmt(max)}`);
  }
  if (problems.length > 0) return problems;

  const sorted = [...bands].sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  let coveredUpTo = min - 1;
  let previous: (typeof sorted)[number] | null = null;
  for (const b of sorted) {
    if (b.lo > coveredUpTo + 1) problem("GAP", `${fmt(coveredUpTo + 1)}–${fmt(b.lo - 1)} has no letter`);
    else if (b.lo <= coveredUpTo && previous)
      problem("OVERLAP", `${show(previous)} and ${show(b)} share ${fmt(b.lo)}–${fmt(Math.min(b.hi, coveredUpTo))}`);
    if (b.hi > coveredUpTo) {
      coveredUpTo = b.hi;
      previous = b;
    }
  }
  if (coveredUpTo < max) problem("GAP", `${fmt(coveredUpTo + 1)}–${fmt(max)} has no letter`);
  return problems;
}

function checkLabels(scale: LabelsScale): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const key = labelKey(scale);
  const seen = new Map<string, string>();
  for (const { label } of scale.labels) {
    const k = key(label);
    const first = seen.get(k);
    if (first !== undefined) problems.push({ code: "DUPLICATE_LABEL", detail: `"${label}" repeats "${first}"`, rule: "R п.8" });
    else seen.set(k, label);
  }
  for (const expected of scale.expectedLabels ?? []) {
    if (!seen.has(key(expected))) problems.push({ code: "UNMAPPED_LABEL", detail: `"${expected}" has no letter`, rule: "R п.8" });
  }
  return problems;
}

// ---- converting a grade ----

export type ConversionResult =
  | { readonly ok: true; readonly letter: Letter; readonly gpa: number; readonly passing: boolean; readonly note: string }
  | {
      readonly ok: false;
      readonly code: "GRADE_UNMAPPED" | "GRADE_NOT_ON_SCALE" | "SCALE_INVALID";
      readonly detail: string;
      readonly rule: "R п.8";
    };

/**
 * The letter for a grade written on the certificate.
 *
 * `scale` is null when the certificate already grades in the national letter system (a Kazakhstan
 * university or college): then the grade must be one of its letters and is taken as it is, since R п.8
 * asks for a conversion scale only for other systems. Letters are read leniently (trimmed, upper-cased,
 * a typographic minus taken for "-"), because they are copied from printed appendices.
 *
 * With a scale, the scale alone gives the meaning: ECTS "B" is converted as ECTS, not read as the national B.
 * A numeric grade may be a number or a string ("4,5", "87 %"). A scale with problems converts nothing.
 */
export function convertGrade(scale: ConversionScale | null, grade: string | number): ConversionResult {
  if (scale === null) {
    const letter = typeof grade === "string" ? readLetter(grade) : null;
    if (letter === null)
      return refuse("GRADE_NOT_ON_SCALE", `"${grade}" is not a letter of the national scale, and no conversion scale is given`);
    return success(letter, `${letter} is already on the national letter scale; no conversion`);
  }

  const problems = checkScale(scale);
  if (problems.length > 0) return refuse("SCALE_INVALID", problems.map((p) => `${p.code}: ${p.detail}`).join("; "));
  return scale.type === "numeric" ? convertNumeric(scale, grade) : convertLabel(scale, grade);
}

function convertNumeric(scale: NumericScale, grade: string | number): ConversionResult {
  const value = typeof grade === "number" ? grade : readNumber(grade);
  if (value === null || !Number.isFinite(value)) return refuse("GRADE_NOT_ON_SCALE", `"${grade}" is not a number`);
  if (value < scale.min || value > scale.max) return refuse("GRADE_NOT_ON_SCALE", `${value} lies outside ${scale.min}–${scale.max}`);
  const cut = Math.floor(value * 100 + 1e-6);
  const band = scale.bands.find((b) => hundredths(b.from) <= cut && cut <= hundredths(b.to));
  if (!band) return refuse("GRADE_UNMAPPED", `no band holds ${fmt(cut)}`);
  const read = cut === Math.round(value * 100) ? "" : ` (read as ${fmt(cut)})`;
  return success(band.letter, `${value}${read} on the ${scale.min}–${scale.max} scale falls in ${show(band)}`);
}

function convertLabel(scale: LabelsScale, grade: string | number): ConversionResult {
  const key = labelKey(scale);
  const wanted = key(String(grade));
  const entry = scale.labels.find((l) => key(l.label) === wanted);
  if (!entry) return refuse("GRADE_UNMAPPED", `"${grade}" is not a label of the scale`);
  return success(entry.letter, `"${entry.label}" is ${entry.letter} on the scale`);
}

function success(letter: Letter, note: string): ConversionResult {
  const { gpa, passing } = gradeOfLetter(letter);
  return { ok: true, letter, gpa, passing, note };
}

function refuse(code: "GRADE_UNMAPPED" | "GRADE_NOT_ON_SCALE" | "SCALE_INVALID", detail: string): ConversionResult {
  return { ok: false, code, detail, rule: "R п.8" };
}

function readLetter(text: string): Letter | null {
  const candidate = text
    .trim()
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-");
  return isLetter(candidate) ? candidate : null;
}

function readNumber(text: string): number | null {
  const match = /^\s*([+-]?\d+(?:[.,]\d+)?)\s*%?\s*$/.exec(text);
  return match ? Number(match[1]!.replace(",", ".")) : null;
}

function labelKey(scale: LabelsScale): (label: string) => string {
  return (label) => {
    const spaced = label.normalize("NFC").trim().replace(/\s+/g, " ");
    return scale.caseSensitive ? spaced : spaced.toLowerCase();
  };
}

function hundredths(n: number): number {
  return Math.round(n * 100);
}

function isHundredths(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
}

function fmt(h: number): string {
  return String(h / 100);
}

function show(band: NumericBand): string {
  return `${band.from}–${band.to} → ${band.letter}`;
}

// ---- built-in templates ----

export interface BuiltInScale {
  readonly names: LocalizedText;
  readonly scale: ConversionScale;
}

/**
 * Percent: the national bands themselves (M п.17), written at hundredth precision: 90–94.99 is A-,
 * so a fraction never climbs into the band above (as gradeOfPercent).
 */
const PERCENT: NumericScale = {
  type: "numeric",
  min: 0,
  max: 100,
  bands: [
    { from: 95, to: 100, letter: "A" },
    { from: 90, to: 94.99, letter: "A-" },
    { from: 85, to: 89.99, letter: "B+" },
    { from: 80, to: 84.99, letter: "B" },
    { from: 75, to: 79.99, letter: "B-" },
    { from: 70, to: 74.99, letter: "C+" },
    { from: 65, to: 69.99, letter: "C" },
    { from: 60, to: 64.99, letter: "C-" },
    { from: 55, to: 59.99, letter: "D+" },
    { from: 50, to: 54.99, letter: "D" },
    { from: 25, to: 49.99, letter: "FX" },
    { from: 0, to: 24.99, letter: "F" },
  ],
};

/**
 * The traditional five-point scale (1–5), whole marks or averages such as 4.3. It follows the national
 * correspondence of the letters to the traditional marks: "отлично" A, A-; "хорошо" B+, B, B-;
 * "удовлетворительно" C+ … D; "неудовлетворительно" FX, F. A mark is rounded the usual way (4.5 counts as 5),
 * so each traditional mark keeps its half-point either side, and a whole mark lands on the middle letter of
 * its group: 5 → A, 4 → B, 3 → C, 2 → FX. Averages spread over the other letters of the group.
 */
const FIVE_POINT: NumericScale = {
  type: "numeric",
  min: 1,
  max: 5,
  bands: [
    { from: 4.75, to: 5, letter: "A" },
    { from: 4.5, to: 4.74, letter: "A-" },
    { from: 4.25, to: 4.49, letter: "B+" },
    { from: 3.75, to: 4.24, letter: "B" },
    { from: 3.5, to: 3.74, letter: "B-" },
    { from: 3.25, to: 3.49, letter: "C+" },
    { from: 3, to: 3.24, letter: "C" },
    { from: 2.85, to: 2.99, letter: "C-" },
    { from: 2.7, to: 2.84, letter: "D+" },
    { from: 2.5, to: 2.69, letter: "D" },
    { from: 2, to: 2.49, letter: "FX" },
    { from: 1, to: 1.99, letter: "F" },
  ],
};

/**
 * ECTS letters, matched by their descriptors (ECTS Users' Guide) to the traditional groups of the national
 * letters, each to one letter so a conversion never needs a second judgement: A "excellent" → A;
 * B "very good" → B+ and C "good" → B- (both "хорошо"); D "satisfactory" → C; E "sufficient", the bare pass,
 * → D, the national bare pass. FX and F keep their meaning.
 */
const ECTS: LabelsScale = {
  type: "labels",
  labels: [
    { label: "A", letter: "A" },
    { label: "B", letter: "B+" },
    { label: "C", letter: "B-" },
    { label: "D", letter: "C" },
    { label: "E", letter: "D" },
    { label: "FX", letter: "FX" },
    { label: "F", letter: "F" },
  ],
  expectedLabels: ["A", "B", "C", "D", "E", "FX", "F"],
};

/**
 * Pass / fail. The transcript needs a letter, and a pass says only that the threshold was met. The template
 * gives C (2.0, "удовлетворительно", the middle of the pass letters): D would cost the learner grade points
 * for a mark that says nothing bad, A-range would credit quality nobody assessed. A commission that wants a
 * finer letter has the expert group assess the grade (R п.16) and recommend one. A fail is F: non-formal
 * learning is not retaken at the receiving organisation, so FX has no use here.
 */
const PASS_FAIL: LabelsScale = {
  type: "labels",
  labels: [
    { label: "pass", letter: "C" },
    { label: "passed", letter: "C" },
    { label: "зачтено", letter: "C" },
    { label: "сыналды", letter: "C" },
    { label: "fail", letter: "F" },
    { label: "failed", letter: "F" },
    { label: "не зачтено", letter: "F" },
    { label: "сыналмады", letter: "F" },
  ],
  expectedLabels: ["pass", "fail"],
};

export const BUILT_IN_SCALES = {
  percent: {
    names: { kk: "Пайыздық шкала (0–100)", ru: "Процентная шкала (0–100)", en: "Percentage scale (0–100)" },
    scale: PERCENT,
  },
  "five-point": {
    names: { kk: "Бес балдық шкала (1–5)", ru: "Пятибалльная шкала (1–5)", en: "Five-point scale (1–5)" },
    scale: FIVE_POINT,
  },
  ects: {
    names: { kk: "ECTS бағалау шкаласы (A–F)", ru: "Шкала оценок ECTS (A–F)", en: "ECTS grading scale (A–F)" },
    scale: ECTS,
  },
  "pass-fail": {
    names: { kk: "«Сыналды / сыналмады» шкаласы", ru: "Шкала «зачтено / не зачтено»", en: "Pass / fail" },
    scale: PASS_FAIL,
  },
} as const satisfies Record<string, BuiltInScale>;

export type BuiltInScaleCode = keyof typeof BUILT_IN_SCALES;
