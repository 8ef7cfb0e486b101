import { describe, expect, it } from "vitest";
import { detectLanguage, scriptOf } from "./language.js";

describe("detectLanguage", () => {
  it.each([
    ["Деректерді талдау әдістерін меңгеру", "kk"],
    ["Ақпараттық қауіпсіздік", "kk"],
    ["ҚАЗАҚ ТІЛІ", "kk"],
    ["Анализировать данные с помощью SQL", "ru"],
    ["Проектирование баз данных", "ru"],
    ["Analyse data with SQL", "en"],
    ["", "en"],
    ["2024", "en"],
  ] as const)("%j is %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it("a Kazakh letter anywhere makes the text Kazakh, even among Latin words", () => {
    expect(detectLanguage("SQL сұраныстары")).toBe("kk");
  });

  it("a short Kazakh phrase without Kazakh-only letters reads as Russian (matchOutcomes allows for it)", () => {
    expect(detectLanguage("деректер базасын жобалау")).toBe("ru");
  });
});

describe("scriptOf", () => {
  it("tells Cyrillic from Latin words", () => {
    expect(scriptOf("данные")).toBe("cyrillic");
    expect(scriptOf("деректер")).toBe("cyrillic");
    expect(scriptOf("python")).toBe("latin");
    expect(scriptOf("2024")).toBe("other");
  });
});
