import { describe, expect, it } from "vitest";
import { toReceivingVolume, toReceivingVolumeFor, volumeCoverage } from "./volume.js";

describe("toReceivingVolume", () => {
  it("R п.7: 72 hours are 2.4 credits at a university (30 h) and 3 at a college (24 h)", () => {
    expect(toReceivingVolumeFor({ hours: 72 }, "higher")).toMatchObject({ ok: true, hours: 72, credits: 2.4, rule: "R п.7" });
    expect(toReceivingVolumeFor({ hours: 72 }, "tvet")).toMatchObject({ ok: true, hours: 72, credits: 3 });
  });

  it("R п.7: credits from a college become hours at 24 and then university credits at 30", () => {
    expect(toReceivingVolume({ credits: 5, sourceHoursPerCredit: 24 }, 30)).toEqual({
      ok: true,
      hours: 120,
      credits: 4,
      basis: "5 credits × 24 hours = 120 academic hours ÷ 30 hours per credit = 4 credits",
      notes: [],
      rule: "R п.7",
    });
  });

  it("R п.7: ECTS credits at 25 hours each", () => {
    expect(toReceivingVolume({ credits: 6, sourceHoursPerCredit: 25 }, 30)).toMatchObject({ ok: true, hours: 150, credits: 5 });
  });

  it("R п.7: credits are rounded to 2 decimals; hours stay exact", () => {
    expect(toReceivingVolume({ hours: 50 }, 30)).toMatchObject({ ok: true, hours: 50, credits: 1.67 });
  });

  it("R п.7: credits alone without the source rate assume the receiving rate, and say so", () => {
    const result = toReceivingVolume({ credits: 3 }, 30);
    expect(result).toMatchObject({ ok: true, hours: 90, credits: 3 });
    expect(result.ok && result.notes).toEqual([
      "the certificate does not say how many hours its credit holds; 30 (the receiving rate) is assumed",
    ]);
  });

  it("R п.7: when both are given the hours win, and a disagreement with the source rate is noted", () => {
    const result = toReceivingVolume({ credits: 4, hours: 100, sourceHoursPerCredit: 30 }, 24);
    expect(result).toMatchObject({ ok: true, hours: 100, credits: 4.17 });
    expect(result.ok && result.notes).toHaveLength(1);
    expect(toReceivingVolume({ credits: 4, hours: 120, sourceHoursPerCredit: 30 }, 24)).toMatchObject({ notes: [] });
  });

  it("R п.10: a course with neither credits nor hours is refused", () => {
    expect(toReceivingVolume({ credits: null, hours: null }, 30)).toMatchObject({ ok: false, code: "VOLUME_MISSING", rule: "R п.10" });
  });

  it("R п.10: zero or negative volumes are refused", () => {
    expect(toReceivingVolume({ hours: 0 }, 30)).toMatchObject({ ok: false, code: "VOLUME_INVALID" });
    expect(toReceivingVolume({ credits: 2, sourceHoursPerCredit: -30 }, 30)).toMatchObject({ ok: false, code: "VOLUME_INVALID" });
  });

  it("refuses a receiving rate that is not positive", () => {
    expect(() => toReceivingVolume({ hours: 10 }, 0)).toThrow(RangeError);
  });
});

describe("volumeCoverage", () => {
  it("R п.6–7: compares hours: 90 source hours cover a 5-credit university discipline (150 h) at 0.6", () => {
    expect(volumeCoverage(90, { credits: 5, hours: null }, 30)).toEqual({ ratio: 0.6, sourceHours: 90, targetHours: 150, rule: "R п.7" });
  });

  it("R п.7: uses the discipline's hours when known, and does not cap above 1", () => {
    expect(volumeCoverage(180, { credits: 5, hours: 120 }, 24).ratio).toBe(1.5);
  });

  it("R п.7: never rounds a shortfall up to full coverage", () => {
    expect(volumeCoverage(149.9, { credits: 5, hours: null }, 30).ratio).toBe(0.99);
  });

  it("refuses a discipline without volume", () => {
    expect(() => volumeCoverage(10, { credits: null, hours: null }, 30)).toThrow(RangeError);
  });
});
