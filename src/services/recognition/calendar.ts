// The working-day calendar: the years shipped with the service, overridden year by year by what an
// administrator loaded (the government's decree on moved days off comes out each year).
import { SHIPPED_CALENDARS } from "../../domain/calendar/shipped.js";
import { CalendarYearMissing, makeWorkingCalendar, type CalendarYear, type WorkingCalendar } from "../../domain/calendar/working-days.js";
import { AppError } from "../../errors.js";
import type { Deps } from "../deps.js";

export interface CalendarYearView {
  readonly year: number;
  readonly source: "shipped" | "loaded";
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
  readonly data: CalendarYear;
}

export async function calendarYears(deps: Deps): Promise<CalendarYearView[]> {
  const loaded = await deps.repos.curricula.calendarYears();
  const byYear = new Map<number, CalendarYearView>();
  for (const data of SHIPPED_CALENDARS)
    byYear.set(data.year, { year: data.year, source: "shipped", updatedBy: null, updatedAt: null, data });
  for (const row of loaded)
    byYear.set(row.year, {
      year: row.year,
      source: "loaded",
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt.toISOString(),
      data: row.data,
    });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export async function workingCalendar(deps: Deps): Promise<WorkingCalendar> {
  return makeWorkingCalendar((await calendarYears(deps)).map((y) => y.data));
}

export async function putCalendarYear(data: CalendarYear, actor: string, deps: Deps): Promise<CalendarYearView> {
  await deps.repos.curricula.putCalendarYear(data, actor);
  await deps.repos.audit.record(
    { actor, action: "calendar.year_loaded", subject: String(data.year), details: { daysOff: data.daysOff.length } },
    deps.clock(),
  );
  return (await calendarYears(deps)).find((y) => y.year === data.year)!;
}

/** Runs date arithmetic and turns a missing year into the error people can act on. */
export function withCalendar<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CalendarYearMissing) throw new AppError("CALENDAR_YEAR_MISSING", { year: error.year }, { cause: error });
    throw error;
  }
}
