// The dashboard's figures, from real data: credentials issued and verifications made per week (the last 12 weeks,
// weeks starting on Monday, Kazakhstan dates), and recognition applications by stage with the overdue ones.
import { addCalendarDays, kzDateOf } from "../domain/calendar/working-days.js";
import type { Institution } from "../domain/institutions/institution.js";
import { APPLICATION_STAGES, type ApplicationStage } from "../domain/recognition/application.js";
import type { Deps } from "./deps.js";
import { overdueSteps } from "./recognition/applications.js";

export const WEEKS = 12;

export interface Dashboard {
  readonly weeks: readonly string[];
  readonly issued: readonly number[];
  readonly verified: readonly number[];
  readonly applications: Readonly<Record<ApplicationStage, number>>;
  readonly overdue: readonly { readonly id: string; readonly number: number; readonly steps: readonly string[] }[];
}

/** The Monday of the week of a date. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addCalendarDays(day, -((weekday + 6) % 7));
}

export async function dashboardOf(institution: Institution, deps: Deps): Promise<Dashboard> {
  await deps.stats.flush();
  const today = kzDateOf(deps.clock());
  const first = addCalendarDays(mondayOf(today), -7 * (WEEKS - 1));
  const weeks = Array.from({ length: WEEKS }, (_, i) => addCalendarDays(first, 7 * i));
  const index = (day: string) => weeks.indexOf(mondayOf(day));
  const issued = weeks.map(() => 0);
  for (const at of await deps.repos.stats.issuedSince(institution.id, new Date(`${first}T00:00:00+05:00`))) {
    const i = index(kzDateOf(at));
    if (i >= 0) issued[i]!++;
  }
  const verified = weeks.map(() => 0);
  for (const { day, count } of await deps.repos.stats.verificationsSince(institution.id, first)) {
    const i = index(day);
    if (i >= 0) verified[i]! += count;
  }
  const applications = Object.fromEntries(APPLICATION_STAGES.map((s) => [s, 0])) as Record<ApplicationStage, number>;
  const overdue: Dashboard["overdue"][number][] = [];
  for (let offset = 0; ; offset += 200) {
    const { items } = await deps.repos.applications.list({ institutionId: institution.id, limit: 200, offset });
    for (const a of items) {
      applications[a.stage]++;
      const steps = overdueSteps(a, today);
      if (steps.length > 0) overdue.push({ id: a.id, number: a.number, steps: steps.map((s) => s.step) });
    }
    if (items.length < 200) break;
  }
  return { weeks, issued, verified, applications, overdue };
}
