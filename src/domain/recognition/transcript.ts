// The transcript after recognition (R п.18–19, 29–30) and the stack of micro-qualifications (M п.2.2, 3.3, 3.5). Pure.

export interface ProgrammeDiscipline {
  readonly code: string;
  readonly credits: number;
  readonly period: number;
}

export interface RecreditedEntry {
  readonly disciplineCode: string;
  readonly credits: number;
  /** The procedure of the application the entry came from. */
  readonly procedure: "A" | "B" | "micro";
}

export type DisciplineStatus = "re_credited" | "to_study";

/** Each discipline of the learner's programme: re-credited ones are exempt in the following periods (R п.19, 30). */
export function disciplineStatuses(
  disciplines: readonly ProgrammeDiscipline[],
  entries: readonly RecreditedEntry[],
): Map<string, DisciplineStatus> {
  const recredited = new Set(entries.map((e) => e.disciplineCode));
  return new Map(disciplines.map((d) => [d.code, recredited.has(d.code) ? "re_credited" : "to_study"]));
}

export interface MicroStack {
  /** Credits re-credited from micro-qualifications earned elsewhere (M п.22–24). */
  readonly transferredCredits: number;
  /** Credits of micro-qualifications awarded here (M п.16). */
  readonly awardedCredits: number;
  /** The programme's disciplines the transferred micro-qualifications count towards. */
  readonly countsTowards: readonly string[];
  /** Transferred credits as a share of the programme's credits (M п.3.5: they count towards the total). */
  readonly shareOfProgramme: number | null;
}

/** Micro-qualifications accumulate and count towards the larger award (M п.2.2, 3.3, 3.5). */
export function microStack(
  disciplines: readonly ProgrammeDiscipline[],
  entries: readonly RecreditedEntry[],
  awardedCredits: readonly number[],
): MicroStack {
  const micro = entries.filter((e) => e.procedure === "micro");
  const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
  const transferredCredits = round(
    micro.reduce((sum, e) => sum + e.credits, 0),
    2,
  );
  const total = disciplines.reduce((sum, d) => sum + d.credits, 0);
  return {
    transferredCredits,
    awardedCredits: round(
      awardedCredits.reduce((sum, c) => sum + c, 0),
      2,
    ),
    countsTowards: micro.map((e) => e.disciplineCode),
    shareOfProgramme: total > 0 ? round(transferredCredits / total, 3) : null,
  };
}
