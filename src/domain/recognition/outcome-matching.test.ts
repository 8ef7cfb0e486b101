import { describe, expect, it } from "vitest";
import { CANDIDATE_FLOOR, compareTexts, DEFAULT_THRESHOLD, matchOutcomes, similarity } from "./outcome-matching.js";

describe("similarity (R п.6, 9; M п.23)", () => {
  it("R п.6, 9: inflected forms match in Russian (анализ данных / анализировать данные)", () => {
    expect(similarity("анализ данных", "анализировать данные")).toBe(1);
    expect(compareTexts("анализ данных", "анализировать данные")).toEqual({
      score: 1,
      sharedTerms: ["анализ", "дан"],
      sharedWords: [
        { source: "анализ", target: "анализировать" },
        { source: "данных", target: "данные" },
      ],
    });
  });

  it("R п.6, 9: inflected forms match in English (analysing data / data analysis, analyze / analyse)", () => {
    expect(similarity("analysing data", "data analysis")).toBe(1);
    expect(compareTexts("Analyze large datasets using SQL and Python", "Be able to analyse data with SQL")).toMatchObject({
      score: 0.5,
      sharedTerms: ["analys", "sql"],
    });
  });

  it("R п.6, 9: inflected forms match in Kazakh (деректерді талдау / деректерді талдай алады)", () => {
    expect(similarity("деректерді талдау", "деректерді талдай алады")).toBe(1);
    expect(similarity("Деректерді талдау әдістерін меңгеру", "Деректерді талдаудың әдістері")).toBe(1);
    expect(
      compareTexts("Деректер базасын жобалау және SQL сұраныстарын жазу", "SQL тілінде деректер базасына сұраныстар жаза алады"),
    ).toMatchObject({
      score: 0.67,
      sharedTerms: ["sql", "база", "дерек", "сұраны"],
    });
  });

  it("R п.6, 9: an outcome phrased differently still matches on its content words", () => {
    // "знать" is dropped; 5 of 5 and 5 of 6 terms agree: 2·5 / 11 = 0.91.
    expect(
      compareTexts("Знать методы анализа данных и машинного обучения", "Анализировать большие данные методами машинного обучения"),
    ).toMatchObject({ score: 0.91, sharedTerms: ["анализ", "дан", "машин", "метод", "обучен"] });
  });

  it("R п.6, 9: overlap in stop words and generic outcome verbs alone does not match", () => {
    expect(similarity("Знать и уметь применять", "Знать, понимать, уметь")).toBe(0);
    expect(similarity("Know and be able to apply", "Understand and demonstrate the ability to use")).toBe(0);
    expect(similarity("Біледі және қолдана алады", "Білу, меңгеру, қабілетті")).toBe(0);
  });

  it("R п.6, 9: unrelated outcomes score low", () => {
    expect(similarity("Проектировать реляционные базы данных", "Разрабатывать веб-приложения на JavaScript")).toBe(0);
    expect(similarity("Apply statistical methods to analyse data", "Develop mobile applications")).toBe(0);
    // One shared word among eight terms: 2·1 / 8.
    expect(similarity("Организация бухгалтерского учёта на предприятии", "Анализ финансовой отчётности предприятия")).toBe(0.25);
  });

  it("is symmetric and deterministic", () => {
    const pairs: [string, string][] = [
      ["analysing data", "data analysis"],
      ["Обеспечивать информационную безопасность компьютерных сетей", "Защищать компьютерные сети от угроз информационной безопасности"],
      ["Деректер базасын жобалау", "Деректер базасына сұраныстар жазу"],
    ];
    for (const [a, b] of pairs) {
      expect(similarity(a, b)).toBe(similarity(b, a));
      expect(compareTexts(a, b).sharedTerms).toEqual(compareTexts(b, a).sharedTerms);
      expect(compareTexts(a, b)).toEqual(compareTexts(a, b));
    }
  });

  it("is 0 for empty texts, and for texts in different languages with nothing in common", () => {
    expect(similarity("", "")).toBe(0);
    expect(similarity("", "анализ данных")).toBe(0);
    expect(similarity("data analysis", "анализ данных")).toBe(0);
  });
});

const databases = {
  id: "LO1",
  text: {
    kk: "Реляциялық деректер базасын жобалау",
    ru: "Проектировать реляционные базы данных",
    en: "Design relational databases",
  },
};
const sql = {
  id: "LO2",
  text: { kk: "SQL тілінде сұраныстар жазу", ru: "Писать запросы на языке SQL", en: "Write queries in SQL" },
};
const web = {
  id: "LO3",
  text: {
    kk: "JavaScript тілінде веб-қосымшалар әзірлеу",
    ru: "Разрабатывать веб-приложения на JavaScript",
    en: "Develop web applications in JavaScript",
  },
};

describe("matchOutcomes (R п.6, 9; M п.23)", () => {
  it("M п.23: a source outcome in English matches the English text of a target that has kk, ru and en", () => {
    const result = matchOutcomes({ sourceOutcomes: ["Design normalised relational databases"], targetOutcomes: [databases] });
    expect(result.sources[0]).toMatchObject({
      index: 0,
      language: "en",
      best: { targetId: "LO1", language: "en", score: 0.86, sharedTerms: ["databas", "design", "relat"] },
    });
    expect(result.sources[0]!.best!.sharedWords).toEqual([
      { source: "databases", target: "databases" },
      { source: "design", target: "design" },
      { source: "relational", target: "relational" },
    ]);
  });

  it("M п.23: a Kazakh source matches the Kazakh text, a Russian source the Russian one", () => {
    const result = matchOutcomes({
      sourceOutcomes: ["Реляциялық деректер базаларын жобалай алады", "Реляционные базы данных: проектирование"],
      targetOutcomes: [databases],
    });
    expect(result.sources.map((s) => [s.best?.language, s.best?.score])).toEqual([
      ["kk", 1],
      ["ru", 1],
    ]);
  });

  it("M п.23: a Kazakh phrase with no Kazakh-only letters is still stemmed as Kazakh against the Kazakh text", () => {
    const result = matchOutcomes({ sourceOutcomes: ["деректер базасын жобалау"], targetOutcomes: [databases] });
    expect(result.sources[0]).toMatchObject({ language: "ru", best: { language: "kk", sharedTerms: ["база", "дерек", "жоба"] } });
  });

  it("R п.6, 9: each target outcome is covered by its best source outcome at or above the threshold", () => {
    const result = matchOutcomes({
      sourceOutcomes: ["Design relational databases and normalise them", "Write SQL queries to analyse data", "Present results to a team"],
      targetOutcomes: [databases, sql, web],
    });
    expect(result.threshold).toBe(DEFAULT_THRESHOLD);
    expect(result.targets.map((t) => [t.id, t.covered, t.coveredBy, t.best?.score])).toEqual([
      ["LO1", true, 0, 0.86],
      ["LO2", true, 1, 0.75],
      ["LO3", false, null, undefined],
    ]);
    expect(result.outcomeCoverage).toBe(0.67);
    expect(result.sources[2]).toMatchObject({ best: null, candidates: [] });
  });

  it("R п.6, 9: a target outcome matched below the threshold is not covered, but its best match is shown", () => {
    const result = matchOutcomes({ sourceOutcomes: ["Write technical reports in English"], targetOutcomes: [sql] });
    // write, technic, report, english against write, queri, sql: 2·1 / 7.
    expect(result.targets[0]).toMatchObject({
      covered: false,
      coveredBy: null,
      best: { sourceIndex: 0, score: 0.29, sharedTerms: ["write"] },
    });
    expect(result.outcomeCoverage).toBe(0);
    expect(
      matchOutcomes({ sourceOutcomes: ["Write technical reports in English"], targetOutcomes: [sql], threshold: 0.25 }).outcomeCoverage,
    ).toBe(1);
  });

  it("R п.9: how fully the certificate covers the syllabus: the share of topics covered", () => {
    const result = matchOutcomes({
      sourceOutcomes: ["Проектировать реляционные базы данных и выполнять нормализацию", "Писать SQL-запросы"],
      targetOutcomes: [databases, sql],
      syllabusTopics: [
        { id: "T1", text: { ru: "Нормализация реляционных баз данных", en: "Normalisation of relational databases" } },
        { id: "T2", text: { ru: "Язык запросов SQL" } },
        { id: "T3", text: { ru: "Транзакции и управление параллельным доступом" } },
        { id: "T4", text: { ru: "Резервное копирование и восстановление" } },
      ],
    });
    expect(result.topics.map((t) => [t.id, t.covered, t.coveredBy])).toEqual([
      ["T1", true, 0],
      ["T2", true, 1],
      ["T3", false, null],
      ["T4", false, null],
    ]);
    expect(result.topicCoverage).toBe(0.5);
    expect(result.outcomeCoverage).toBe(1);
  });

  it("ranks a source outcome's candidates above the floor, best first, ties in input order", () => {
    const result = matchOutcomes({
      sourceOutcomes: ["Write SQL queries against relational databases"],
      targetOutcomes: [web, databases, sql, { id: "LO1-copy", text: databases.text }],
    });
    const candidates = result.sources[0]!.candidates;
    expect(candidates.map((c) => [c.targetId, c.score])).toEqual([
      ["LO2", 0.75],
      ["LO1", 0.5],
      ["LO1-copy", 0.5],
    ]);
    expect(candidates.every((c) => c.score >= CANDIDATE_FLOOR)).toBe(true);
    expect(result.sources[0]!.best!.targetId).toBe("LO2");
  });

  it("is deterministic: the same input gives the same result", () => {
    const input = {
      sourceOutcomes: ["Design relational databases", "Писать SQL-запросы", "Деректерді талдау"],
      targetOutcomes: [databases, sql, web],
      syllabusTopics: [{ id: "T1", text: { en: "Relational model" } }],
    };
    expect(matchOutcomes(input)).toEqual(matchOutcomes(input));
    expect(JSON.stringify(matchOutcomes(input))).toBe(JSON.stringify(matchOutcomes(structuredClone(input))));
  });

  it("empty inputs: nothing to compare gives no matches and no coverage figure", () => {
    expect(matchOutcomes({ sourceOutcomes: [], targetOutcomes: [] })).toEqual({
      threshold: DEFAULT_THRESHOLD,
      sources: [],
      targets: [],
      topics: [],
      outcomeCoverage: null,
      topicCoverage: null,
    });
    const noSources = matchOutcomes({
      sourceOutcomes: [],
      targetOutcomes: [databases],
      syllabusTopics: [{ id: "T1", text: { ru: "SQL" } }],
    });
    expect(noSources.targets).toEqual([{ id: "LO1", covered: false, coveredBy: null, best: null }]);
    expect([noSources.outcomeCoverage, noSources.topicCoverage]).toEqual([0, 0]);
    const blank = matchOutcomes({ sourceOutcomes: ["", "   "], targetOutcomes: [{ id: "X", text: { ru: "" } }] });
    expect(blank.sources.map((s) => s.best)).toEqual([null, null]);
    expect(blank.outcomeCoverage).toBe(0);
  });

  it("refuses a threshold outside (0, 1]", () => {
    for (const threshold of [0, -0.1, 1.01, Number.NaN]) {
      expect(() => matchOutcomes({ sourceOutcomes: [], targetOutcomes: [], threshold })).toThrow(RangeError);
    }
  });
});
