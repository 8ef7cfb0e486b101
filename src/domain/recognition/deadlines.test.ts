import { describe, expect, it } from "vitest";
import { SHIPPED_CALENDARS } from "../calendar/shipped.js";
import { CalendarYearMissing, countWorkingDays, makeWorkingCalendar } from "../calendar/working-days.js";
import { applicationDeadline, checkApplicationDeadline, conclusionDue, forwardingDue, isOverdue, PROCEDURES } from "./deadlines.js";

const cal = makeWorkingCalendar(SHIPPED_CALENDARS);

describe("recognition deadlines (R п.13–16, 24–27; M п.19–26)", () => {
  it("knows three procedures", () => {
    expect(PROCEDURES).toEqual(["A", "B", "micro"]);
  });

  it("R п.24: a B application is on time only 10 working days before the period — a public holiday in between moves the deadline earlier", () => {
    // 1 September 2026 is a Tuesday; Monday 31 August is off (Constitution Day, Sunday 30 August, moved).
    expect(applicationDeadline("B", "2026-09-01", cal)).toEqual({ latestSubmission: "2026-08-17", rule: "R п.24" });
    expect(countWorkingDays(cal, "2026-08-17", "2026-09-01")).toBe(10);
    expect(checkApplicationDeadline("B", "2026-08-17", "2026-09-01", cal).onTime).toBe(true);
    // From 18 August ten weekdays remain before the period, but only nine working days.
    expect(checkApplicationDeadline("B", "2026-08-18", "2026-09-01", cal)).toEqual({
      onTime: false,
      latestSubmission: "2026-08-17",
      rule: "R п.24",
    });
  });

  it("R п.24: without holidays, the deadline is two calendar weeks before a Monday start", () => {
    expect(applicationDeadline("B", "2026-02-02", cal).latestSubmission).toBe("2026-01-19");
  });

  it("R п.24: a submission on a weekend before the deadline is on time", () => {
    expect(checkApplicationDeadline("B", "2026-08-15", "2026-09-01", cal).onTime).toBe(true);
  });

  it("R п.24: the Nauryz days off push a B deadline for a 6 April 2026 start back to 18 March", () => {
    // Working days back from Monday 6 April: 3, 2, 1 April, 31, 30, 27, 26 March; 23–25 March are off; 20, 19, 18 March.
    expect(applicationDeadline("B", "2026-04-06", cal).latestSubmission).toBe("2026-03-18");
  });

  it("R п.13: an A application is on time up to the day before the period starts, even when that day is a Sunday", () => {
    expect(applicationDeadline("A", "2026-09-14", cal)).toEqual({ latestSubmission: "2026-09-13", rule: "R п.13" });
    expect(checkApplicationDeadline("A", "2026-09-13", "2026-09-14", cal).onTime).toBe(true);
    expect(checkApplicationDeadline("A", "2026-09-14", "2026-09-14", cal).onTime).toBe(false);
  });

  it("M п.26 sets no deadline: a micro-qualification application follows R п.13", () => {
    const deadline = applicationDeadline("micro", "2026-09-01", cal);
    expect(deadline.latestSubmission).toBe("2026-08-31");
    expect(deadline.rule).toMatch(/^R п\.13/);
  });

  it("R п.14: the commission forwards within 3 working days — received on the Friday before Nauryz, due 30 March 2026", () => {
    expect(forwardingDue("A", "2026-03-20", cal)).toEqual({ due: "2026-03-30", rule: "R п.14" });
    expect(forwardingDue("micro", "2026-03-20", cal).rule).toMatch(/^R п\.14/);
  });

  it("R п.25: the same 3 working days for a professional qualification", () => {
    expect(forwardingDue("B", "2026-04-01", cal)).toEqual({ due: "2026-04-06", rule: "R п.25" });
  });

  it("R п.16: the expert group has 5 working days — 7 and 11 May 2026 are off, so documents sent on 6 May are due 15 May", () => {
    expect(conclusionDue("A", "2026-05-06", cal)).toEqual({ due: "2026-05-15", rule: "R п.16" });
    expect(conclusionDue("micro", "2026-05-06", cal).rule).toMatch(/^R п\.16/);
  });

  it("R п.27: Kurban Ait on Sunday 16 May 2027 is not moved, so Monday 17 May counts", () => {
    expect(conclusionDue("B", "2027-05-12", cal)).toEqual({ due: "2027-05-19", rule: "R п.27" });
  });

  it("a deadline that runs into a year with no calendar data throws rather than guessing", () => {
    expect(() => forwardingDue("A", "2027-12-30", cal)).toThrow(CalendarYearMissing);
    expect(() => applicationDeadline("B", "2026-01-12", cal)).toThrow(CalendarYearMissing);
  });

  it("a step is overdue after its due day, not on it; once done, the day it was done decides", () => {
    expect(isOverdue("2026-03-30", "2026-03-30")).toBe(false);
    expect(isOverdue("2026-03-30", "2026-03-31")).toBe(true);
    expect(isOverdue("2026-03-30", "2026-04-10", "2026-03-30")).toBe(false);
    expect(isOverdue("2026-03-30", "2026-03-30", "2026-03-31")).toBe(true);
    expect(isOverdue("2026-03-30", "2026-03-31", null)).toBe(true);
  });
});
