// The rows of a cohort file (CSV or JSON): what each must hold, and the checks that can be made before
// anything is written. Pure.
import { isLetter, type AttestationResult } from "../grading/letter-scale.js";
import { checkIin } from "../learners/iin.js";

export const REQUIRED_COLUMNS = ["full_name", "iin", "result", "session", "held_on"] as const;
export const OPTIONAL_COLUMNS = ["email", "holder_did"] as const;

export type RawRow = Readonly<Partial<Record<(typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number], string>>>;

export interface AwardRow {
  /** 1-based, counting data rows (the header is not a row). */
  readonly row: number;
  readonly fullName: string;
  readonly iin: string;
  readonly email: string | null;
  readonly holderDid: string | null;
  readonly result: AttestationResult;
  readonly session: string;
  readonly heldOn: string;
}

export type RowProblem = {
  readonly row: number;
  readonly code: "IIN_INVALID" | "RESULT_INVALID" | "DATE_INVALID" | "VALUE_MISSING" | "EMAIL_INVALID" | "DID_INVALID";
  readonly message: string;
};

/** "87", "87.5", "87,5" → a percentage; "B+", "b+" → a letter. */
export function parseResult(cell: string): AttestationResult | null {
  const text = cell.trim();
  const number = text.replace(",", ".");
  if (/^\d{1,3}(\.\d+)?$/.test(number)) {
    const value = Number(number);
    return value >= 0 && value <= 100 ? { kind: "percent", value } : null;
  }
  const letter = text.toUpperCase();
  return isLetter(letter) ? { kind: "letter", value: letter } : null;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export interface CheckedRows {
  readonly valid: readonly AwardRow[];
  readonly problems: readonly RowProblem[];
  /** Pairs of rows naming the same learner (IIN) in the same session: the file is ambiguous. */
  readonly duplicates: readonly { readonly iin: string; readonly session: string; readonly rows: readonly number[] }[];
}

export function checkAwardRows(rows: readonly RawRow[]): CheckedRows {
  const valid: AwardRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number[]>();

  rows.forEach((raw, i) => {
    const row = i + 1;
    const fullName = raw.full_name?.trim() ?? "";
    const iin = raw.iin?.trim() ?? "";
    const session = raw.session?.trim() ?? "";
    const heldOn = raw.held_on?.trim() ?? "";
    const email = raw.email?.trim() || null;
    const holderDid = raw.holder_did?.trim() || null;
    const missing = (["full_name", "iin", "result", "session", "held_on"] as const).filter((c) => !raw[c]?.trim());
    if (missing.length > 0) return problems.push({ row, code: "VALUE_MISSING", message: `empty: ${missing.join(", ")}` });
    const key = `${iin}\u0000${session}`;
    seen.set(key, [...(seen.get(key) ?? []), row]);
    const iinCheck = checkIin(iin);
    if (!iinCheck.valid) return problems.push({ row, code: "IIN_INVALID", message: `IIN ${iin}: ${iinCheck.problem}` });
    const result = parseResult(raw.result ?? "");
    if (!result)
      return problems.push({ row, code: "RESULT_INVALID", message: `"${raw.result}" is neither a percentage 0–100 nor a letter A…F` });
    if (!isIsoDate(heldOn)) return problems.push({ row, code: "DATE_INVALID", message: `held_on "${heldOn}" is not a date YYYY-MM-DD` });
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      return problems.push({ row, code: "EMAIL_INVALID", message: `"${email}" is not an e-mail address` });
    if (holderDid && !/^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/.test(holderDid))
      return problems.push({ row, code: "DID_INVALID", message: `"${holderDid}" is not a DID` });
    valid.push({ row, fullName, iin, email, holderDid, result, session: session.slice(0, 100), heldOn });
  });

  const duplicates = [...seen.entries()]
    .filter(([, rowNumbers]) => rowNumbers.length > 1)
    .map(([key, rowNumbers]) => {
      const [iin, session] = key.split("\u0000") as [string, string];
      return { iin, session, rows: rowNumbers };
    });
  return { valid, problems, duplicates };
}
