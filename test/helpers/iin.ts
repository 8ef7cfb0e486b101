import { checkDigit } from "../../src/domain/institutions/kz-identifier.js";

/**
 * A valid IIN for test learner n (distinct for every n below 280,000): born in 1995 on day
 * 1 + ⌊n / 10000⌋, serial n mod 10000; the month moves on when a number has no valid check digit.
 */
export function testIin(n: number): string {
  const day = String(1 + (Math.floor(n / 10_000) % 28)).padStart(2, "0");
  const serial = String(n % 10_000).padStart(4, "0");
  for (let month = 7; month < 7 + 12; month++) {
    const mm = String(((month - 1) % 12) + 1).padStart(2, "0");
    const first11 = `95${mm}${day}${n % 2 === 0 ? 4 : 3}${serial}`;
    const check = checkDigit([...first11].map(Number));
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error(`no valid test IIN for ${n}`);
}
