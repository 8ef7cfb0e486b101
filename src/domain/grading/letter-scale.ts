// The point-rating letter system (балльно-рейтинговая буквенная система), M п.17 and R п.8:
// ten positive grades A … D that award credits, FX (fail, may be retaken) and F (fail).

export const LETTERS = ["A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "FX", "F"] as const;
export type Letter = (typeof LETTERS)[number];

export interface LetterGrade {
  readonly letter: Letter;
  /** Grade points on the 4.0 scale. */
  readonly gpa: number;
  /** The band of percentages the letter stands for, inclusive. */
  readonly percent: { readonly min: number; readonly max: number };
  /** Credits are awarded (A … D). */
  readonly passing: boolean;
  /** FX: failed, but the learner keeps the right to retake ("с возможностью корректировки"). */
  readonly retakeAllowed: boolean;
}

const SCALE: readonly LetterGrade[] = [
  { letter: "A", gpa: 4.0, percent: { min: 95, max: 100 }, passing: true, retakeAllowed: false },
  { letter: "A-", gpa: 3.67, percent: { min: 90, max: 94 }, passing: true, retakeAllowed: false },
  { letter: "B+", gpa: 3.33, percent: { min: 85, max: 89 }, passing: true, retakeAllowed: false },
  { letter: "B", gpa: 3.0, percent: { min: 80, max: 84 }, passing: true, retakeAllowed: false },
  { letter: "B-", gpa: 2.67, percent: { min: 75, max: 79 }, passing: true, retakeAllowed: false },
  { letter: "C+", gpa: 2.33, percent: { min: 70, max: 74 }, passing: true, retakeAllowed: false },
  { letter: "C", gpa: 2.0, percent: { min: 65, max: 69 }, passing: true, retakeAllowed: false },
  { letter: "C-", gpa: 1.67, percent: { min: 60, max: 64 }, passing: true, retakeAllowed: false },
  { letter: "D+", gpa: 1.33, percent: { min: 55, max: 59 }, passing: true, retakeAllowed: false },
  { letter: "D", gpa: 1.0, percent: { min: 50, max: 54 }, passing: true, retakeAllowed: false },
  { letter: "FX", gpa: 0.5, percent: { min: 25, max: 49 }, passing: false, retakeAllowed: true },
  { letter: "F", gpa: 0, percent: { min: 0, max: 24 }, passing: false, retakeAllowed: false },
];

export const LETTER_SCALE: readonly LetterGrade[] = SCALE;

export function isLetter(value: string): value is Letter {
  return (LETTERS as readonly string[]).includes(value);
}

export function gradeOfLetter(letter: Letter): LetterGrade {
  return SCALE.find((g) => g.letter === letter)!;
}

/**
 * The letter for a percentage. The bands are whole numbers; a fraction belongs to the band of the
 * whole number below it (94.5 % is A-), so a grade is never rounded up across a band boundary.
 */
export function gradeOfPercent(percent: number): LetterGrade {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new RangeError(`a percentage is between 0 and 100, not ${percent}`);
  const whole = Math.floor(percent);
  return SCALE.find((g) => whole >= g.percent.min)!;
}

export type AttestationResult = { readonly kind: "percent"; readonly value: number } | { readonly kind: "letter"; readonly value: Letter };

export interface GradedResult {
  readonly grade: LetterGrade;
  /** The percentage when the result was given as one; null when only a letter was recorded. */
  readonly percent: number | null;
}

export function gradeResult(result: AttestationResult): GradedResult {
  return result.kind === "percent"
    ? { grade: gradeOfPercent(result.value), percent: result.value }
    : { grade: gradeOfLetter(result.value), percent: null };
}
