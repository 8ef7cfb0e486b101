// The volume of a course from a certificate's appendix (R п.10: credits and/or hours), restated in the
// receiving organisation's credits. R п.7 fixes the credit at 30 academic hours in higher and postgraduate
// education and 24 in TVET and post-secondary; other systems have their own (an ECTS credit is 25–30 hours).
//
// Hours are the common measure: credits from elsewhere become hours at the source's rate, and hours become
// receiving credits at the receiving rate. Hours stay exact; credits are rounded to 2 decimals (50 h / 30 =
// 1.67), the precision a transcript shows. Coverage is computed on hours, so rounding never decides it.
import { hoursPerCredit, type InstitutionKind } from "../institutions/kind.js";

export interface CourseVolume {
  readonly credits?: number | null;
  readonly hours?: number | null;
  /** Academic hours in one credit of the issuing system (30, 24, an ECTS 25–30). Needed when only credits are given. */
  readonly sourceHoursPerCredit?: number | null;
}

export type ReceivingVolume =
  | {
      readonly ok: true;
      readonly hours: number;
      readonly credits: number;
      /** How the numbers were obtained, for the expert group and the protocol. */
      readonly basis: string;
      /** What the commission should confirm: an assumed rate, or an appendix whose credits and hours disagree. */
      readonly notes: readonly string[];
      readonly rule: "R п.7";
    }
  | { readonly ok: false; readonly code: "VOLUME_MISSING" | "VOLUME_INVALID"; readonly detail: string; readonly rule: "R п.10" };

/**
 * The course's volume in the receiving organisation's hours and credits.
 *
 * Hours on the certificate are used as they are, even when credits are given too (those credits are the
 * issuer's, at its own rate). Credits alone are turned into hours at `sourceHoursPerCredit`; when the
 * certificate does not say, the receiving rate is assumed and a note asks the commission to confirm it.
 * A course with neither is refused: R п.10 requires the appendix to state the volume.
 */
export function toReceivingVolume(course: CourseVolume, receivingHoursPerCredit: number): ReceivingVolume {
  if (!(receivingHoursPerCredit > 0)) throw new RangeError(`hours per credit must be positive, not ${receivingHoursPerCredit}`);
  const { credits = null, hours = null, sourceHoursPerCredit = null } = course;
  for (const [name, value] of [
    ["credits", credits],
    ["hours", hours],
    ["source hours per credit", sourceHoursPerCredit],
  ] as const) {
    if (value !== null && !(Number.isFinite(value) && value > 0)) return invalid(`${name} must be a positive number, not ${value}`);
  }

  const notes: string[] = [];
  if (hours !== null) {
    if (credits !== null && sourceHoursPerCredit !== null && !same(credits * sourceHoursPerCredit, hours)) {
      notes.push(
        `the appendix gives ${credits} credits and ${hours} hours, which is not ${sourceHoursPerCredit} hours per credit; the hours are used`,
      );
    }
    const converted = round2(hours / receivingHoursPerCredit);
    return {
      ok: true,
      hours,
      credits: converted,
      basis: `${hours} academic hours ÷ ${receivingHoursPerCredit} hours per credit = ${converted} credits`,
      notes,
      rule: "R п.7",
    };
  }

  if (credits === null) return { ok: false, code: "VOLUME_MISSING", detail: "the course gives neither credits nor hours", rule: "R п.10" };
  const rate = sourceHoursPerCredit ?? receivingHoursPerCredit;
  if (sourceHoursPerCredit === null) {
    notes.push(`the certificate does not say how many hours its credit holds; ${receivingHoursPerCredit} (the receiving rate) is assumed`);
  }
  const total = round2(credits * rate);
  const converted = round2(total / receivingHoursPerCredit);
  return {
    ok: true,
    hours: total,
    credits: converted,
    basis: `${credits} credits × ${rate} hours = ${total} academic hours ÷ ${receivingHoursPerCredit} hours per credit = ${converted} credits`,
    notes,
    rule: "R п.7",
  };
}

/** toReceivingVolume at the rate R п.7 sets for the receiving organisation's kind. */
export function toReceivingVolumeFor(course: CourseVolume, receivingKind: InstitutionKind): ReceivingVolume {
  return toReceivingVolume(course, hoursPerCredit(receivingKind));
}

export interface VolumeCoverage {
  /** Source hours over the discipline's hours, cut down to 2 decimals, so 0.999 never reads as 1. Not capped at 1. */
  readonly ratio: number;
  readonly sourceHours: number;
  readonly targetHours: number;
  readonly rule: "R п.7";
}

/**
 * How much of a receiving discipline's volume the recognised courses cover (R п.6: the volumes are compared).
 * The discipline's hours are used when known, otherwise its credits at the receiving rate.
 */
export function volumeCoverage(
  sourceHoursTotal: number,
  target: { readonly credits: number | null; readonly hours: number | null },
  receivingHoursPerCredit: number,
): VolumeCoverage {
  if (!(sourceHoursTotal >= 0)) throw new RangeError(`source hours cannot be ${sourceHoursTotal}`);
  const targetHours = target.hours ?? (target.credits === null ? null : target.credits * receivingHoursPerCredit);
  if (targetHours === null || !(targetHours > 0)) throw new RangeError("the discipline needs a positive volume in hours or credits");
  return {
    ratio: Math.floor((sourceHoursTotal / targetHours) * 100 + 1e-9) / 100,
    sourceHours: sourceHoursTotal,
    targetHours,
    rule: "R п.7",
  };
}

function invalid(detail: string): ReceivingVolume {
  return { ok: false, code: "VOLUME_INVALID", detail, rule: "R п.10" };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}
