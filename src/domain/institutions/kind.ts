// Kinds of education organisation and what the law ties to them.

export const INSTITUTION_KINDS = ["higher", "tvet"] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/**
 * Academic hours in one credit (R п.7; M п.21): 30 in higher and postgraduate education,
 * 24 in technical and vocational (TVET) and post-secondary education.
 */
export function hoursPerCredit(kind: InstitutionKind): number {
  return kind === "higher" ? 30 : 24;
}
