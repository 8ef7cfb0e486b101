// The time limits of the recognition procedures, counted on the Kazakhstan working calendar.
// A: non-formal learning (R ch.2). B: professional qualification (R ch.3). micro: credit transfer for a
// micro-qualification (M п.19–26). M sets no time limits of its own, so micro follows procedure A (R п.13–16):
// a micro-qualification certificate is a document of non-formal learning (R п.10, M п.25).
import {
  addCalendarDays,
  addWorkingDays,
  type IsoDate,
  isIsoDate,
  subtractWorkingDays,
  type WorkingCalendar,
} from "../calendar/working-days.js";

export const PROCEDURES = ["A", "B", "micro"] as const;
export type Procedure = (typeof PROCEDURES)[number];

export interface Deadline {
  readonly latestSubmission: IsoDate;
  /** The rule the deadline comes from, e.g. "R п.24". */
  readonly rule: string;
}

export type DeadlineCheck = ({ readonly onTime: true } | { readonly onTime: false }) & Deadline;

export interface Due {
  readonly due: IsoDate;
  readonly rule: string;
}

/** Working days the commission has to send the documents to the expert group (R п.14, 25). */
export const FORWARDING_WORKING_DAYS = 3;
/** Working days the expert group has to give its conclusion (R п.16, 27). */
export const CONCLUSION_WORKING_DAYS = 5;
/** Working days before the academic period a professional-qualification application is due (R п.24). */
export const B_APPLICATION_WORKING_DAYS = 10;

/** The rule a micro-qualification step borrows from procedure A. */
const forMicro = (rule: string): string => `${rule} (applied to M п.26: M sets no time limit)`;

function checkDate(date: IsoDate, what: string): void {
  if (!isIsoDate(date)) throw new RangeError(`${what} is not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(date)}`);
}

/**
 * The last day an application is accepted for the academic period starting on `periodStart`.
 * A, micro (R п.13 "до начала академического периода"): the day before the period starts, working or not.
 * B (R п.24 "за 10 (десять) рабочих дней до начала академического периода"): the 10th working day before it,
 * so that the 10 working days [submission, periodStart) all lie before the period.
 */
export function applicationDeadline(procedure: Procedure, periodStart: IsoDate, cal: WorkingCalendar): Deadline {
  checkDate(periodStart, "periodStart");
  switch (procedure) {
    case "A":
      return { latestSubmission: addCalendarDays(periodStart, -1), rule: "R п.13" };
    case "micro":
      // M п.26 names the documents but no deadline: R п.13 applies.
      return { latestSubmission: addCalendarDays(periodStart, -1), rule: forMicro("R п.13") };
    case "B":
      return { latestSubmission: subtractWorkingDays(cal, periodStart, B_APPLICATION_WORKING_DAYS), rule: "R п.24" };
  }
}

/** Whether an application submitted on `submittedOn` (a date in Kazakhstan, see kzDateOf) meets the deadline. */
export function checkApplicationDeadline(
  procedure: Procedure,
  submittedOn: IsoDate,
  periodStart: IsoDate,
  cal: WorkingCalendar,
): DeadlineCheck {
  checkDate(submittedOn, "submittedOn");
  const deadline = applicationDeadline(procedure, periodStart, cal);
  // IsoDate strings compare in date order.
  return submittedOn <= deadline.latestSubmission ? { onTime: true, ...deadline } : { onTime: false, ...deadline };
}

/**
 * The day by which the commission sends the documents to the expert group: 3 working days after receipt
 * (R п.14 for A, п.25 for B, п.14 applied to micro). The day of receipt does not count.
 */
export function forwardingDue(procedure: Procedure, receivedOn: IsoDate, cal: WorkingCalendar): Due {
  const rule = procedure === "B" ? "R п.25" : procedure === "A" ? "R п.14" : forMicro("R п.14");
  return { due: addWorkingDays(cal, receivedOn, FORWARDING_WORKING_DAYS), rule };
}

/**
 * The day by which the expert group gives its conclusion: 5 working days after the documents were sent to it
 * (R п.16 for A, п.27 for B, п.16 applied to micro). The day they were sent does not count.
 */
export function conclusionDue(procedure: Procedure, forwardedOn: IsoDate, cal: WorkingCalendar): Due {
  const rule = procedure === "B" ? "R п.27" : procedure === "A" ? "R п.16" : forMicro("R п.16");
  return { due: addWorkingDays(cal, forwardedOn, CONCLUSION_WORKING_DAYS), rule };
}

/**
 * A step is overdue when it was done after its due day, or, while not done, when `today` is past the due day.
 * The due day itself is still in time.
 */
export function isOverdue(due: IsoDate, today: IsoDate, doneOn?: IsoDate | null): boolean {
  checkDate(due, "due");
  checkDate(today, "today");
  if (doneOn !== undefined && doneOn !== null) {
    checkDate(doneOn, "doneOn");
    return doneOn > due;
  }
  return today > due;
}
