import { describe, expect, it } from "vitest";
import { checkIin } from "./iin.js";

describe("checkIin", () => {
  it("accepts a valid IIN and reads the birth date (1900s and 2000s)", () => {
    expect(checkIin("950701300127")).toEqual({ valid: true, birthDate: "1995-07-01" });
    // 29 February 2000 exists; 7th digit 5 = born in the 2000s.
    expect(checkIin("000229500454")).toEqual({ valid: true, birthDate: "2000-02-29" });
  });

  it("rejects a wrong check digit", () => {
    expect(checkIin("950701300128")).toEqual({ valid: false, problem: "check_digit" });
  });

  it("rejects an impossible birth date", () => {
    expect(checkIin("951301300127")).toMatchObject({ problem: "birth_date" });
    expect(checkIin("010229500454")).toMatchObject({ problem: "birth_date" }); // 2001 is not a leap year
  });

  it("rejects a century digit other than 1–6", () => {
    expect(checkIin("950701700127")).toMatchObject({ problem: "century" });
  });

  it("rejects anything but 12 digits", () => {
    expect(checkIin("95070130012")).toMatchObject({ problem: "format" });
    expect(checkIin("95070130012x")).toMatchObject({ problem: "format" });
  });
});
