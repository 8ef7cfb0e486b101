import { describe, expect, it } from "vitest";
import { MIN_STEM, stemKazakh } from "./kazakh-stemmer.js";

const stems = (words: string) => words.split(" ").map(stemKazakh);
const sameStem = (words: string) => new Set(stems(words));

describe("Kazakh stemmer (R п.6, 9; M п.23: outcomes written in Kazakh are compared by their stems)", () => {
  it.each([
    [
      "data: plural, accusative, genitive, ablative, instrumental, dative, locative, possessive",
      "деректер деректерді деректерінің деректерден деректермен деректерге деректерде деректерін",
      "дерек",
    ],
    [
      "programme and programming",
      "бағдарлама бағдарламалау бағдарламаларды бағдарламалық бағдарламаны бағдарламасы бағдарламасын бағдарламаның бағдарламалаушы",
      "бағдарлама",
    ],
    ["analysis: verbal noun, present, converbs, participle, agent", "талдау талдауды талдай талдайды талдап талдайтын талдаушы", "тал"],
    ["design and project", "жоба жобалау жобаларды жобалайды", "жоба"],
    ["develop", "әзірлеу әзірлейді әзірлеген", "әзір"],
    ["information and informational", "ақпарат ақпараттық ақпаратты", "ақпарат"],
    ["algorithms (a loanword)", "алгоритм алгоритмдер алгоритмдерді алгоритмдік", "алгоритм"],
    ["model and modelling: the soft sign goes", "модель модельдер модельдерді моделі модельдеу", "модел"],
    ["machine (машиналық оқыту, machine learning)", "машина машинаны машиналық", "машина"],
    ["teaching", "оқыту оқытуды оқытудың", "оқыт"],
  ])("one stem for the forms of one word: %s", (_meaning, words, stem) => {
    expect(sameStem(words)).toEqual(new Set([stem]));
  });

  it("a final к, қ, п voiced before a vowel is written voiceless: дерегі, қауіпсіздігі", () => {
    expect(stemKazakh("дерегі")).toBe("дерек");
    expect(sameStem("қауіпсіздік қауіпсіздігі қауіпсіздігін қауіпсіздікті").size).toBe(1);
  });

  it("vowel harmony tells a suffix from the stem's own letters: қабілет-і is not қабіле-ті, ақпарат-ы not ақпара-ты", () => {
    expect(stemKazakh("қабілеті")).toBe("қабілет");
    expect(stemKazakh("қабілетті")).toBe("қабілет");
    expect(stemKazakh("ақпараты")).toBe("ақпарат");
  });

  it("the possessive after a vowel (-сы) and after a final с (-ы) land on one stem: әдіс, әдісі, әдістерін", () => {
    expect(sameStem("әдіс әдісі әдістер әдістерін әдістерді").size).toBe(1);
  });

  it("keeps words apart that differ in their root", () => {
    expect(new Set(stems("дерек бағдарлама талдау жоба ақпарат алгоритм")).size).toBe(6);
    // білім "knowledge" is not reduced to біл "know": the 1st person possessive -ім is not stripped.
    expect(stemKazakh("білім")).toBe("білім");
    expect(stemKazakh("білу")).toBe("біл");
  });

  it(`never leaves a stem shorter than ${MIN_STEM} letters, and leaves short words alone`, () => {
    for (const word of ["оқу", "ана", "қала", "бала", "іс"]) expect(stemKazakh(word)).toBe(word);
    for (const word of ["деректерінің", "талдауды", "оқытудың", "ала", "алады"])
      expect(stemKazakh(word).length).toBeGreaterThanOrEqual(MIN_STEM);
  });
});
