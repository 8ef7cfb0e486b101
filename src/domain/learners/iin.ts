// IIN (individual identification number): YYMMDD of birth, a century-and-sex digit, four serial digits
// and the check digit shared with the BIN (src/domain/institutions/kz-identifier.ts).
import { checkDigit } from "../institutions/kz-identifier.js";

export type IinProblem = "format" | "birth_date" | "century" | "check_digit";
export type IinCheck = { readonly valid: true; readonly birthDate: string } | { readonly valid: false; readonly problem: IinProblem };

/** 7th digit: 1/2 born in the 1800s, 3/4 in the 1900s, 5/6 in the 2000s (odd male, even female). */
const CENTURY: Readonly<Record<string, number>> = { "1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000 };

export function checkIin(iin: string): IinCheck {
  if (!/^\d{12}$/.test(iin)) return { valid: false, problem: "format" };
  const century = CENTURY[iin[6]!];
  if (century === undefined) return { valid: false, problem: "century" };
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { valid: false, problem: "birth_date" };
  if (checkDigit([...iin.slice(0, 11)].map(Number)) !== Number(iin[11])) return { valid: false, problem: "check_digit" };
  return { valid: true, birthDate: date.toISOString().slice(0, 10) };
}
