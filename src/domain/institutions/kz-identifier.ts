// Kazakhstan's 12-digit identification numbers: BIN (business, for legal entities) and IIN (individuals)
// share one check-digit rule. Digits 1–11 are weighted 1…11 and summed mod 11; if that gives 10, the
// weights 3…11,1,2 are used instead; if that gives 10 again, the number cannot be valid.

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

export function checkDigit(first11: readonly number[]): number | null {
  const weighted = (weights: readonly number[]) => first11.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
  const first = weighted(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

export type BinProblem = "format" | "month" | "entity_type" | "check_digit";

export type BinCheck = { readonly valid: true } | { readonly valid: false; readonly problem: BinProblem };

/**
 * A BIN: YYMM of registration, then the entity type (4 resident legal entity, 5 non-resident legal entity,
 * 6 joint individual entrepreneurship), an attribute digit, a five-digit serial and the check digit.
 */
export function checkBin(bin: string): BinCheck {
  if (!/^\d{12}$/.test(bin)) return { valid: false, problem: "format" };
  const digits = [...bin].map(Number);
  const month = digits[2]! * 10 + digits[3]!;
  if (month < 1 || month > 12) return { valid: false, problem: "month" };
  if (![4, 5, 6].includes(digits[4]!)) return { valid: false, problem: "entity_type" };
  if (checkDigit(digits.slice(0, 11)) !== digits[11]) return { valid: false, problem: "check_digit" };
  return { valid: true };
}
