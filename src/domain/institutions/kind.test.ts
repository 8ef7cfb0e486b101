import { describe, expect, it } from "vitest";
import { hoursPerCredit } from "./kind.js";

describe("hoursPerCredit", () => {
  it("R п.7: one credit is 30 academic hours in higher education", () => {
    expect(hoursPerCredit("higher")).toBe(30);
  });
  it("R п.7: one credit is 24 academic hours in TVET and post-secondary education", () => {
    expect(hoursPerCredit("tvet")).toBe(24);
  });
});
