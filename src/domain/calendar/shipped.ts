// The calendar years Kualik ships with. Administrators can replace or extend them (a government decree
// moves days off every year), so these are defaults to check, not the law itself: see each year's `source`.
import kz2026 from "./kz-2026.json" with { type: "json" };
import kz2027 from "./kz-2027.json" with { type: "json" };
import { type CalendarYear, CalendarYearSchema } from "./working-days.js";

// Parsed at load: a typo in the shipped data fails on start-up and in the unit tests, not on a deadline.
export const SHIPPED_CALENDARS: readonly CalendarYear[] = [kz2026, kz2027].map((year) => CalendarYearSchema.parse(year));
