import { describe, expect, it } from "vitest";
import { SHIPPED_CALENDARS } from "./shipped.js";
import {
  addCalendarDays,
  addWorkingDays,
  type CalendarYear,
  CalendarYearMissing,
  CalendarYearSchema,
  countWorkingDays,
  isWeekend,
  kzDateOf,
  kzStartOf,
  makeWorkingCalendar,
  nextWorkingDayOnOrAfter,
  subtractWorkingDays,
} from "./working-days.js";

const cal = makeWorkingCalendar(SHIPPED_CALENDARS);
const reason = { kk: "сынақ", ru: "тест", en: "test" };

function year(overrides: Partial<CalendarYear> = {}): unknown {
  return { year: 2030, country: "KZ", source: "test data", daysOff: [], workingWeekendDays: [], ...overrides };
}

function issues(input: unknown): string[] {
  const result = CalendarYearSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("calendar year data (DOMAIN.md: the calendar is data, per year)", () => {
  it("accepts the shipped years", () => {
    expect(SHIPPED_CALENDARS.map((y) => y.year)).toEqual([2026, 2027]);
    expect(cal.years).toEqual([2026, 2027]);
  });

  it("rejects a day off on a Saturday: it is off anyway, the weekday it moves to is what counts", () => {
    expect(issues(year({ daysOff: [{ date: "2030-01-05", reason }] }))).toEqual([expect.stringContaining("Saturday or Sunday")]);
  });

  it("rejects a working weekend day that is not a Saturday or Sunday", () => {
    expect(issues(year({ workingWeekendDays: [{ date: "2030-01-07", reason }] }))).toEqual([expect.stringContaining("weekday")]);
  });

  it("rejects a date listed twice, within a list or across the two lists", () => {
    expect(
      issues(
        year({
          daysOff: [
            { date: "2030-01-01", reason },
            { date: "2030-01-01", reason },
          ],
        }),
      ),
    ).toEqual([expect.stringContaining("listed twice")]);
    expect(issues(year({ daysOff: [{ date: "2030-01-01", reason }], workingWeekendDays: [{ date: "2030-01-01", reason }] }))).toContain(
      "2030-01-01 is listed twice (also in daysOff)",
    );
  });

  it("rejects a date outside the year", () => {
    expect(issues(year({ daysOff: [{ date: "2031-01-01", reason }] }))).toEqual(["2031-01-01 is not in 2030"]);
  });

  it("rejects dates that do not exist, other countries, and empty reasons", () => {
    expect(issues(year({ daysOff: [{ date: "2030-02-30", reason }] }))).not.toEqual([]);
    expect(issues(year({ daysOff: [{ date: "2030-1-2", reason }] }))).not.toEqual([]);
    expect(issues({ ...(year() as object), country: "UZ" })).not.toEqual([]);
    expect(issues(year({ daysOff: [{ date: "2030-01-01", reason: { ...reason, kk: " " } }] }))).not.toEqual([]);
  });

  it("refuses the same year twice", () => {
    expect(() => makeWorkingCalendar([SHIPPED_CALENDARS[0]!, SHIPPED_CALENDARS[0]!])).toThrow(RangeError);
  });
});

describe("the shipped Kazakhstan calendar (Labour Code, Law on holidays)", () => {
  it("2026 has 15 weekdays off, no working weekends, and 246 working days", () => {
    const y2026 = SHIPPED_CALENDARS.find((y) => y.year === 2026)!;
    expect(y2026.daysOff).toHaveLength(15);
    expect(y2026.workingWeekendDays).toHaveLength(0);
    expect(countWorkingDays(cal, "2026-01-01", "2027-01-01")).toBe(261 - 15);
  });

  it("2027 has 14 weekdays off (Kurban Ait falls on a Sunday)", () => {
    expect(SHIPPED_CALENDARS.find((y) => y.year === 2027)!.daysOff).toHaveLength(14);
  });

  it("a state holiday on a weekend moves the day off to the next working day: 8 March 2026 (Sunday) → 9 March", () => {
    expect(isWeekend("2026-03-08")).toBe(true);
    expect(cal.isWorkingDay("2026-03-09")).toBe(false);
    expect(cal.dayInfo("2026-03-09").reason?.kk).toContain("Халықаралық әйелдер күні");
    expect(cal.isWorkingDay("2026-03-10")).toBe(true);
  });

  it("Nauryz 2026: 21–22 March fall on the weekend, so 23, 24 and 25 March are off and work resumes on the 26th", () => {
    for (const d of ["2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25"]) expect(cal.isWorkingDay(d)).toBe(false);
    expect(addWorkingDays(cal, "2026-03-20", 1)).toBe("2026-03-26");
    expect(countWorkingDays(cal, "2026-03-23", "2026-03-30")).toBe(2);
  });

  it("Victory, Constitution and Republic Days 2026 fall on weekends: 11 May, 31 August and 26 October are off", () => {
    for (const d of ["2026-05-11", "2026-08-31", "2026-10-26"]) expect(cal.isWorkingDay(d)).toBe(false);
  });

  it("Kurban Ait is a day off on a weekday (27 May 2026) but is not moved when it falls on a Sunday (16 May 2027)", () => {
    expect(cal.isWorkingDay("2026-05-27")).toBe(false);
    expect(isWeekend("2027-05-16")).toBe(true);
    expect(cal.isWorkingDay("2027-05-17")).toBe(true);
    expect(cal.dayInfo("2027-05-16")).toMatchObject({ working: false, weekend: true, reason: null });
  });

  it("2027: New Year's 2 January (Saturday) moves to Monday 4 January; Nauryz 21 March (Sunday) to 24 March", () => {
    expect(cal.isWorkingDay("2027-01-04")).toBe(false);
    expect(cal.isWorkingDay("2027-03-24")).toBe(false);
    expect(cal.isWorkingDay("2027-03-25")).toBe(true);
  });
});

describe("working-day arithmetic", () => {
  it("the n-th working day after a date does not count the date itself; n = 0 is the date", () => {
    expect(addWorkingDays(cal, "2026-04-03", 1)).toBe("2026-04-06"); // Friday → Monday
    expect(addWorkingDays(cal, "2026-04-04", 1)).toBe("2026-04-06"); // Saturday → Monday
    expect(addWorkingDays(cal, "2026-04-04", 0)).toBe("2026-04-04");
    expect(subtractWorkingDays(cal, "2026-04-06", 1)).toBe("2026-04-03");
    expect(subtractWorkingDays(cal, "2026-03-26", 1)).toBe("2026-03-20");
  });

  it("refuses a negative or fractional count, and text that is not a date", () => {
    expect(() => addWorkingDays(cal, "2026-04-03", -1)).toThrow(RangeError);
    expect(() => subtractWorkingDays(cal, "2026-04-03", 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, "2026-02-29", 1)).toThrow(RangeError);
    expect(() => cal.isWorkingDay("03.04.2026")).toThrow(RangeError);
  });

  it("counts working days in the half-open range [from, to)", () => {
    expect(countWorkingDays(cal, "2026-04-06", "2026-04-13")).toBe(5);
    expect(countWorkingDays(cal, "2026-04-06", "2026-04-06")).toBe(0);
    expect(countWorkingDays(cal, "2026-04-13", "2026-04-06")).toBe(0);
  });

  it("next working day on or after a date", () => {
    expect(nextWorkingDayOnOrAfter(cal, "2026-04-06")).toBe("2026-04-06");
    expect(nextWorkingDayOnOrAfter(cal, "2026-03-21")).toBe("2026-03-26");
  });

  it("a Saturday made a working day by decree counts as one", () => {
    const data = CalendarYearSchema.parse(
      year({
        daysOff: [{ date: "2030-01-07", reason }], // Monday
        workingWeekendDays: [{ date: "2030-01-12", reason }], // Saturday
      }),
    );
    const decreed = makeWorkingCalendar([data]);
    expect(decreed.isWorkingDay("2030-01-12")).toBe(true);
    expect(decreed.isWorkingDay("2030-01-13")).toBe(false);
    expect(addWorkingDays(decreed, "2030-01-11", 1)).toBe("2030-01-12");
    expect(countWorkingDays(decreed, "2030-01-06", "2030-01-14")).toBe(5); // Tue–Fri and the Saturday
    expect(decreed.dayInfo("2030-01-12")).toMatchObject({ working: true, weekend: true, reason });
  });

  it("a year with no data throws CalendarYearMissing, also when arithmetic runs past the last year", () => {
    expect(() => cal.isWorkingDay("2025-12-31")).toThrow(CalendarYearMissing);
    try {
      addWorkingDays(cal, "2027-12-30", 3);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarYearMissing);
      expect((error as CalendarYearMissing).year).toBe(2028);
    }
  });

  it("adds calendar days across months and leap days", () => {
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("kzDateOf: the date in Kazakhstan (UTC+5 everywhere since March 2024)", () => {
  it("turns the date at 19:00 UTC", () => {
    expect(kzDateOf(new Date("2026-08-31T18:59:59.999Z"))).toBe("2026-08-31");
    expect(kzDateOf(new Date("2026-08-31T19:00:00Z"))).toBe("2026-09-01");
    expect(kzDateOf(new Date("2026-12-31T19:30:00Z"))).toBe("2027-01-01");
  });

  it("refuses an invalid Date", () => {
    expect(() => kzDateOf(new Date("nope"))).toThrow(RangeError);
  });
});

describe("kzStartOf: where a day of Kazakhstan begins, as an instant", () => {
  it("is 19:00 UTC of the day before, and kzDateOf turns it back into the same day", () => {
    expect(kzStartOf("2026-09-01").toISOString()).toBe("2026-08-31T19:00:00.000Z");
    expect(kzDateOf(kzStartOf("2027-01-01"))).toBe("2027-01-01");
    expect(kzDateOf(new Date(kzStartOf("2027-01-01").getTime() - 1))).toBe("2026-12-31");
  });
});
