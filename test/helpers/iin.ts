import { checkDigit } from "../../src/domain/institutions/kz-identifier.js";

/** A valid IIN for test learner n, born 1 July 1995 … (century digit 3 or 4). */
export function testIin(n: number): string {
  const first11 = `950701${n % 2 === 0 ? 4 : 3}${String(n % 10000).padStart(4, "0")}`;
  const check = checkDigit([...first11].map(Number));
  return check === null ? testIin(n + 10000) : `${first11}${check}`;
}
