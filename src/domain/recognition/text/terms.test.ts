import { describe, expect, it } from "vitest";
import { analyse, terms, tokenize } from "./terms.js";

describe("tokenize", () => {
  it("splits on anything but letters and digits, lower-cases, and drops lone letters and bare numbers", () => {
    expect(tokenize("Веб-приложения на JavaScript (ES2023), 3 кредита; C и R")).toEqual([
      "веб",
      "приложения",
      "на",
      "javascript",
      "es2023",
      "кредита",
    ]);
  });

  it("reads ё as е, as Russian texts write either", () => {
    expect(tokenize("Учёт")).toEqual(["учет"]);
  });
});

describe("terms (R п.6, 9: outcomes are compared by their content words, stemmed)", () => {
  it("Russian: Snowball stems, so inflected forms meet", () => {
    expect(terms("анализ данных")).toEqual(["анализ", "дан"]);
    expect(terms("данные анализа", "ru")).toEqual(["дан", "анализ"]);
  });

  it("English: Porter stems, with US -ize spellings read as -ise", () => {
    expect(terms("analysing data")).toEqual(["analys", "data"]);
    expect(terms("analyzing data")).toEqual(["analys", "data"]);
    expect(terms("organization")).toEqual(terms("organisation"));
  });

  it("Kazakh: our stemmer", () => {
    expect(terms("деректерді талдау")).toEqual(["дерек", "тал"]);
  });

  it("drops stop words and generic outcome verbs in each language, in any form", () => {
    expect(terms("Знать, понимать и уметь применять; владеет навыками; способен")).toEqual([]);
    expect(terms("Students will know, understand and be able to apply; demonstrates the ability to use skills")).toEqual([]);
    expect(terms("Білім алушы біледі, меңгереді және қолдана алады; қабілетті")).toEqual([]);
  });

  it("keeps each stem once, in order of first appearance", () => {
    expect(terms("данные, данных, данным и анализ")).toEqual(["дан", "анализ"]);
  });

  it("stems a Latin word in Cyrillic text as English, so names match across languages", () => {
    expect(terms("Python тілінде бағдарламалау")).toEqual(["python", "тіл", "бағдарлама"]);
    expect(terms("Программирование на Python")).toEqual(["программирован", "python"]);
  });

  it("remembers the word each term came from, for the explanation", () => {
    expect(analyse("Анализировать данные")).toEqual([
      { stem: "анализирова", word: "анализировать" },
      { stem: "дан", word: "данные" },
    ]);
  });
});
