import { testIin } from "./iin.js";

/** A cohort CSV of n learners (numbers from `first`), all passing unless `result` says otherwise. */
export function cohortCsv(n: number, options: { first?: number; session?: string; result?: (i: number) => string } = {}): string {
  const first = options.first ?? 1000;
  const lines = ["full_name,iin,result,session,held_on,email"];
  for (let i = 0; i < n; i++) {
    const k = first + i;
    lines.push(
      `Learner ${k},${testIin(k)},${options.result?.(i) ?? String(60 + (k % 40))},${options.session ?? "2026-06"},2026-06-20,learner${k}@example.kz`,
    );
  }
  return `${lines.join("\n")}\n`;
}
