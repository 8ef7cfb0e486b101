// The working-day calendar of the Republic of Kazakhstan. The deadlines of R п.14, 16, 24, 25, 27 count
// "рабочие дни": weekdays that are not public holidays, with the days off the Labour Code moves and the
// transfers the government decrees each year. Those change every year, so the calendar is data per year
// (DOMAIN.md), and a date in a year with no data is an error, never a guess.
import { z } from "zod";

/** A calendar date, "YYYY-MM-DD", with no time and no zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a valid IsoDate, or null when the text is not a real calendar date. */
function dayNumberOrNull(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a round trip catches it. Years 0–99 are mapped to 19xx by Date.UTC.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

function dayNumber(date: IsoDate): number {
  const n = dayNumberOrNull(date);
  if (n === null) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(date)}`);
  return n;
}

function isoOf(dayNum: number): IsoDate {
  return new Date(dayNum * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`a whole number of days, not ${days}`);
  return isoOf(dayNumber(date) + days);
}

export function isIsoDate(value: string): value is IsoDate {
  return dayNumberOrNull(value) !== null;
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  // 1970-01-01 was a Thursday: day number 0 → weekday 4 (Sunday = 0).
  const weekday = (((dayNumber(date) + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

export const IsoDateSchema = z.string().refine(isIsoDate, { message: "not a calendar date in the form YYYY-MM-DD" });

const text = z.string().trim().min(1);
const ReasonSchema = z.object({ kk: text, ru: text, en: text });
const DatedReasonSchema = z.object({ date: IsoDateSchema, reason: ReasonSchema });

/**
 * One year of the Kazakhstan working calendar.
 * - `daysOff`: weekdays that are not worked — public holidays on a weekday, days off moved from a holiday
 *   that fell on a weekend (Labour Code), and days off moved by government decree.
 * - `workingWeekendDays`: Saturdays and Sundays made working days by decree.
 */
export const CalendarYearSchema = z
  .object({
    year: z.number().int().min(1970).max(9999),
    country: z.literal("KZ"),
    /** The decree or law text the data comes from, so an administrator can check it. */
    source: text,
    daysOff: z.array(DatedReasonSchema),
    workingWeekendDays: z.array(DatedReasonSchema),
  })
  .superRefine((cal, ctx) => {
    const seen = new Map<string, string>();
    const lists = [
      ["daysOff", cal.daysOff],
      ["workingWeekendDays", cal.workingWeekendDays],
    ] as const;
    for (const [list, entries] of lists) {
      entries.forEach(({ date }, i) => {
        const path = [list, i, "date"];
        if (!isIsoDate(date)) return; // already reported by the field schema
        if (yearOf(date) !== cal.year) ctx.addIssue({ code: "custom", path, message: `${date} is not in ${cal.year}` });
        const earlier = seen.get(date);
        if (earlier) ctx.addIssue({ code: "custom", path, message: `${date} is listed twice (also in ${earlier})` });
        seen.set(date, list);
        // A Saturday or Sunday is off anyway: listing it as a day off means the data mistook a holiday for its moved day.
        if (list === "daysOff" && isWeekend(date))
          ctx.addIssue({ code: "custom", path, message: `${date} is a Saturday or Sunday; list the weekday the day off moves to` });
        if (list === "workingWeekendDays" && !isWeekend(date))
          ctx.addIssue({ code: "custom", path, message: `${date} is a weekday; only a Saturday or Sunday can be made a working day` });
      });
    }
  });

export type CalendarYear = z.infer<typeof CalendarYearSchema>;
export type DayReason = z.infer<typeof ReasonSchema>;

/** A date was asked about in a year the calendar has no data for. */
export class CalendarYearMissing extends Error {
  readonly year: number;
  constructor(year: number) {
    super(`the working calendar has no data for ${year}; add that year's holidays and transfers`);
    this.name = "CalendarYearMissing";
    this.year = year;
  }
}

export interface DayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly weekend: boolean;
  /** Why a weekday is off, or why a weekend day is worked; null for an ordinary day. */
  readonly reason: DayReason | null;
}

export interface WorkingCalendar {
  /** The years with data, ascending. */
  readonly years: readonly number[];
  /** @throws CalendarYearMissing when the date's year has no data. */
  isWorkingDay(date: IsoDate): boolean;
  /** @throws CalendarYearMissing when the date's year has no data. */
  dayInfo(date: IsoDate): DayInfo;
}

export function makeWorkingCalendar(years: readonly CalendarYear[]): WorkingCalendar {
  const byYear = new Map<number, { daysOff: Map<string, DayReason>; working: Map<string, DayReason> }>();
  for (const y of years) {
    if (byYear.has(y.year)) throw new RangeError(`the working calendar got ${y.year} twice`);
    byYear.set(y.year, {
      daysOff: new Map(y.daysOff.map((d) => [d.date, d.reason])),
      working: new Map(y.workingWeekendDays.map((d) => [d.date, d.reason])),
    });
  }
  const dayInfo = (date: IsoDate): DayInfo => {
    const weekend = isWeekend(date); // validates the date first
    const data = byYear.get(yearOf(date));
    if (!data) throw new CalendarYearMissing(yearOf(date));
    const reason = (weekend ? data.working.get(date) : data.daysOff.get(date)) ?? null;
    return { date, weekend, working: weekend ? reason !== null : reason === null, reason };
  };
  return {
    years: [...byYear.keys()].sort((a, b) => a - b),
    dayInfo,
    isWorkingDay: (date) => dayInfo(date).working,
  };
}

function wholeCount(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count of working days is a whole number ≥ 0, not ${n}`);
  return n;
}

function stepWorkingDays(cal: WorkingCalendar, date: IsoDate, n: number, step: 1 | -1): IsoDate {
  let left = wholeCount(n);
  let day = dayNumber(date);
  while (left > 0) {
    day += step;
    if (cal.isWorkingDay(isoOf(day))) left--;
  }
  return isoOf(day);
}

/** The n-th working day after `date` (`date` itself does not count); n = 0 returns `date`. */
export function addWorkingDays(cal: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  return stepWorkingDays(cal, date, n, 1);
}

/** The n-th working day before `date` (`date` itself does not count); n = 0 returns `date`. */
export function subtractWorkingDays(cal: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  return stepWorkingDays(cal, date, n, -1);
}

/** Working days in the half-open range [from, to); 0 when `to` is not after `from`. */
export function countWorkingDays(cal: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const end = dayNumber(to);
  let count = 0;
  for (let day = dayNumber(from); day < end; day++) if (cal.isWorkingDay(isoOf(day))) count++;
  return count;
}

/** `date` when it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(cal: WorkingCalendar, date: IsoDate): IsoDate {
  return cal.isWorkingDay(date) ? date : addWorkingDays(cal, date, 1);
}

/** All of Kazakhstan is on UTC+5, with no daylight saving, since 1 March 2024. */
const KZ_OFFSET_MS = 5 * 3_600_000;

/** The calendar date in Kazakhstan at an instant. Instants before March 2024 in the former UTC+6 zone are not handled. */
export function kzDateOf(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("kzDateOf: invalid Date");
  return new Date(ms + KZ_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a day begins in Kazakhstan: the lower bound of "issued on or after this day". */
export function kzStartOf(day: IsoDate): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - KZ_OFFSET_MS);
}
