import { describe, expect, it } from "vitest";
import { pickLang } from "./lang.js";

describe("pickLang", () => {
  it("prefers an explicit ?lang=", () => expect(pickLang("en", "kk")).toBe("kk"));
  it("ignores an unsupported ?lang=", () => expect(pickLang("ru", "de")).toBe("ru"));
  it("follows quality order", () => expect(pickLang("en;q=0.5, kk-KZ;q=0.9, ru;q=0.8")).toBe("kk"));
  it("skips languages we do not have", () => expect(pickLang("de-DE, fr;q=0.9, ru;q=0.1")).toBe("ru"));
  it("falls back to English", () => {
    expect(pickLang(undefined)).toBe("en");
    expect(pickLang("*")).toBe("en");
  });
});
