import { describe, expect, it } from "vitest";
import { ADMIN_TEXT } from "./messages-admin.js";
import { REFERENCE_TEXT } from "./messages-reference.js";
import { PAGE_TEXT } from "./messages.js";

describe("page texts", () => {
  it("have Kazakh, Russian and English for every key, none empty", () => {
    for (const [key, text] of Object.entries(PAGE_TEXT)) {
      expect(Object.keys(text).sort(), key).toEqual(["en", "kk", "ru"]);
      for (const value of Object.values(text)) expect(value.trim().length, key).toBeGreaterThan(0);
    }
  });

  it("write Kazakh with Kazakh letters, not transliterated Russian", () => {
    const kazakh = Object.values(PAGE_TEXT).filter((text) => /[әғқңөұүһі]/i.test(text.kk));
    expect(kazakh.length / Object.keys(PAGE_TEXT).length).toBeGreaterThan(0.7);
  });

  it("keep each area's texts: no key of an area catalogue is taken again by another", () => {
    for (const area of [ADMIN_TEXT, REFERENCE_TEXT])
      for (const [key, text] of Object.entries(area)) expect(PAGE_TEXT[key as keyof typeof PAGE_TEXT], key).toBe(text);
    const areaKeys = [...Object.keys(ADMIN_TEXT), ...Object.keys(REFERENCE_TEXT)];
    expect(new Set(areaKeys).size).toBe(areaKeys.length);
  });
});
