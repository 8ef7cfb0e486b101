import { describe, expect, it } from "vitest";
import { checkBin, checkDigit } from "./kz-identifier.js";

describe("checkDigit", () => {
  it("uses weights 1…11 mod 11 (KazNU's BIN 990140001154: 125 mod 11 = 4)", () => {
    expect(checkDigit([9, 9, 0, 1, 4, 0, 0, 0, 1, 1, 5])).toBe(4);
  });

  it("falls back to weights 3…11,1,2 when the first sum gives 10", () => {
    // First pass: 1·10 (position 10) = 10. Second pass: 1·1 = 1.
    expect(checkDigit([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])).toBe(1);
  });

  it("reports no valid digit when both passes give 10", () => {
    // First: 2·1 + 8·2 + 1·3 = 21 ≡ 10. Second: 2·3 + 8·4 + 1·5 = 43 ≡ 10.
    expect(checkDigit([2, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0])).toBeNull();
  });
});

describe("checkBin", () => {
  it("accepts a real university BIN (al-Farabi Kazakh National University)", () => {
    expect(checkBin("990140001154")).toEqual({ valid: true });
  });

  it("rejects anything but 12 digits", () => {
    for (const bad of ["", "99014000115", "9901400011545", "99014000115a", " 990140001154"]) {
      expect(checkBin(bad)).toEqual({ valid: false, problem: "format" });
    }
  });

  it("rejects a wrong check digit", () => {
    expect(checkBin("990140001155")).toEqual({ valid: false, problem: "check_digit" });
  });

  it("rejects a registration month outside 01–12", () => {
    expect(checkBin("991340001154")).toEqual({ valid: false, problem: "month" });
  });

  it("rejects an entity-type digit other than 4, 5 or 6 (an IIN is not a BIN)", () => {
    expect(checkBin("990130001154")).toEqual({ valid: false, problem: "entity_type" });
  });
});
