import { describe, expect, it } from "vitest";
import { AppError, ERROR_CODES, errorCatalogue, LANGS, renderMessage } from "./errors.js";

describe("error catalogue", () => {
  it("has a text in kk, ru and en for every code, with the same placeholders", () => {
    for (const code of ERROR_CODES) {
      const placeholders = LANGS.map((lang) =>
        [...errorCatalogue[code].title[lang].matchAll(/\{(\w+)\}/g)]
          .map((m) => m[1])
          .sort()
          .join(","),
      );
      expect(new Set(placeholders).size, code).toBe(1);
      for (const lang of LANGS) expect(errorCatalogue[code].title[lang].trim().length, `${code}/${lang}`).toBeGreaterThan(5);
    }
  });

  it("uses 4xx for caller mistakes and 5xx only for our side", () => {
    for (const code of ERROR_CODES) {
      const status = errorCatalogue[code].status;
      expect(status >= 400 && status < 600, code).toBe(true);
      if (status >= 500) expect(["INTERNAL", "DATABASE_UNAVAILABLE"]).toContain(code);
    }
  });

  it("writes Kazakh in Cyrillic with Kazakh letters, not transliterated Russian", () => {
    const kazakhLetters = /[әғқңөұүһі]/i;
    const withKazakh = ERROR_CODES.filter((c) => kazakhLetters.test(errorCatalogue[c].title.kk));
    expect(withKazakh.length / ERROR_CODES.length).toBeGreaterThan(0.8);
  });

  it("fills placeholders and keeps unknown ones visible", () => {
    expect(renderMessage("INSTITUTION_NOT_FOUND", { slug: "enu" }, "ru")).toBe("Организация «enu» не найдена.");
    expect(new AppError("INSTITUTION_NOT_FOUND").localized("en")).toBe("There is no institution '{slug}'.");
    expect(new AppError("BODY_TOO_LARGE", { limit: 10 }).status).toBe(413);
  });
});
