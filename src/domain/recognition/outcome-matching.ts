// Learning outcomes set side by side for recognition: the commission compares the outcomes of the completed
// course with those of the target discipline, and how fully the certificate covers the discipline's syllabus
// (R п.6, 9); micro-qualifications are recognised by matching learning outcomes (M п.23).
//
// This only proposes; people decide. So the measure is lexical and every number can be retraced by hand: two
// texts are compared by their content words, stemmed so that inflected forms meet (анализ данных / анализировать
// данные, деректерді талдау / деректерді талдайды), and each score comes with the words that matched.
//
// The score is the Dice coefficient over the two sets of stems: 2 × shared / (terms of A + terms of B), in [0, 1],
// symmetric, and easy to say aloud ("3 of 4 and 3 of 5 terms agree: 6 / 9 = 0.67"). Two stems agree when they
// are equal, or when the shorter has at least PREFIX_MIN letters and begins the longer: the stemmers stop at
// inflection, and this lets a word meet its derivatives (анализ ~ анализирова, analys ~ analysi). Word pairs
// (bigrams) are left out on purpose: equivalent phrasings order words differently (data analysis / analysing
// data), and Kazakh puts the object first, so pairs would punish exactly the matches we want.
//
// Texts in different languages share almost no stems, so a source outcome is compared with each text a target
// has (kk, ru, en) and the best one counts; Cyrillic source text is analysed in the language of the Cyrillic
// target text it meets, so a Kazakh phrase that happens to look Russian is still stemmed as Kazakh there.
import { detectLanguage, LANGUAGES, type Language } from "./text/language.js";
import { analyse, type Term } from "./text/terms.js";

export { detectLanguage, LANGUAGES, type Language } from "./text/language.js";
export { terms } from "./text/terms.js";

/**
 * A target outcome (or topic) is covered when some source outcome scores at least this. 0.5 means half of the
 * content terms of the two outcomes, counted together, agree: for the usual outcome of 3–6 content terms that
 * takes two or more shared terms, while one shared word between two 4-term outcomes ("данные") gives 0.25.
 */
export const DEFAULT_THRESHOLD = 0.5;
/** Candidates below this are not listed for a source outcome: one shared word among many is noise. */
export const CANDIDATE_FLOOR = 0.25;
/** The shortest stem that may agree with a longer stem it begins (5: анализ ~ анализирова, but not дан ~ данн…). */
export const PREFIX_MIN = 5;

export type LocalizedTexts = { readonly [L in Language]?: string };

/** The words behind one shared term: the source's and the target's first word with that stem. */
export interface WordPair {
  readonly source: string;
  readonly target: string;
}

export interface TextComparison {
  /** In [0, 1], rounded to 2 decimals. */
  readonly score: number;
  /** The stems both texts have (the shorter one where a stem met a longer one), sorted. */
  readonly sharedTerms: readonly string[];
  /** The words each shared term came from, in the order of sharedTerms. */
  readonly sharedWords: readonly WordPair[];
}

export interface Comparison extends TextComparison {
  /** The language of the target's text that matched best. */
  readonly language: Language;
}

export interface Candidate extends Comparison {
  readonly targetId: string;
}

export interface SourceOutcomeMatch {
  readonly index: number;
  readonly text: string;
  readonly language: Language;
  /** The best-scoring target outcome; null when no target outcome shares a term with it. */
  readonly best: Candidate | null;
  /** Target outcomes scoring at least CANDIDATE_FLOOR, best first (ties in input order). */
  readonly candidates: readonly Candidate[];
}

export interface Coverage {
  /** The target outcome's or the syllabus topic's id. */
  readonly id: string;
  readonly covered: boolean;
  /** The index of the source outcome that covers it; null when none reaches the threshold. */
  readonly coveredBy: number | null;
  /** The best source outcome, covering or not; null when no source outcome shares a term with it. */
  readonly best: (Comparison & { readonly sourceIndex: number }) | null;
}

export interface OutcomeMatchingInput {
  readonly sourceOutcomes: readonly string[];
  readonly targetOutcomes: readonly { readonly id: string; readonly text: LocalizedTexts }[];
  readonly syllabusTopics?: readonly { readonly id: string; readonly text: LocalizedTexts }[];
  readonly threshold?: number;
}

export interface OutcomeMatching {
  readonly threshold: number;
  readonly sources: readonly SourceOutcomeMatch[];
  readonly targets: readonly Coverage[];
  readonly topics: readonly Coverage[];
  /** The share of target outcomes covered, rounded to 2 decimals; null when there are none. */
  readonly outcomeCoverage: number | null;
  /** The share of syllabus topics covered, rounded to 2 decimals; null when no topics were given. */
  readonly topicCoverage: number | null;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

interface TermMatch {
  readonly term: string;
  readonly a: Term;
  readonly b: Term;
}

/** Shared stems first, then prefix agreements, closest in length first; each term is used once. Symmetric in a and b. */
function matchTerms(a: readonly Term[], b: readonly Term[]): TermMatch[] {
  const bByStem = new Map(b.map((t) => [t.stem, t]));
  const matches: TermMatch[] = [];
  const restA: Term[] = [];
  for (const t of a) {
    const other = bByStem.get(t.stem);
    if (other === undefined) restA.push(t);
    else {
      matches.push({ term: t.stem, a: t, b: other });
      bByStem.delete(t.stem);
    }
  }
  const restB = [...bByStem.values()];

  const pairs: { short: string; long: string; a: Term; b: Term }[] = [];
  for (const x of restA) {
    for (const y of restB) {
      const [short, long] = x.stem.length <= y.stem.length ? [x.stem, y.stem] : [y.stem, x.stem];
      if (short.length >= PREFIX_MIN && long.startsWith(short)) pairs.push({ short, long, a: x, b: y });
    }
  }
  pairs.sort(
    (p, q) =>
      p.long.length - p.short.length - (q.long.length - q.short.length) ||
      compareStrings(p.short, q.short) ||
      compareStrings(p.long, q.long),
  );
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  for (const p of pairs) {
    if (usedA.has(p.a.stem) || usedB.has(p.b.stem)) continue;
    usedA.add(p.a.stem);
    usedB.add(p.b.stem);
    matches.push({ term: p.short, a: p.a, b: p.b });
  }
  return matches.sort((p, q) => compareStrings(p.term, q.term) || compareStrings(p.a.stem, q.a.stem));
}

function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareTerms(a: readonly Term[], b: readonly Term[]): TextComparison {
  if (a.length === 0 || b.length === 0) return { score: 0, sharedTerms: [], sharedWords: [] };
  const matches = matchTerms(a, b);
  return {
    score: round2((2 * matches.length) / (a.length + b.length)),
    sharedTerms: matches.map((m) => m.term),
    sharedWords: matches.map((m) => ({ source: m.a.word, target: m.b.word })),
  };
}

/**
 * Compares two texts and says which words matched; a's words are reported as source, b's as target. Each text is
 * analysed in its own detected language unless one is given for both.
 */
export function compareTexts(a: string, b: string, language?: Language): TextComparison {
  return compareTerms(analyse(a, language), analyse(b, language));
}

/** The similarity of two texts in [0, 1], rounded to 2 decimals: symmetric and deterministic. See compareTexts. */
export function similarity(a: string, b: string, language?: Language): number {
  return compareTexts(a, b, language).score;
}

const CYRILLIC_LANGUAGES: ReadonlySet<Language> = new Set(["kk", "ru"]);

/** One source outcome, analysed once per language it is compared in. */
class Source {
  readonly text: string;
  readonly language: Language;
  private readonly byLanguage = new Map<Language, Term[]>();

  constructor(text: string) {
    this.text = text;
    this.language = detectLanguage(text);
  }

  termsFor(targetLanguage: Language): Term[] {
    const lang = CYRILLIC_LANGUAGES.has(this.language) && CYRILLIC_LANGUAGES.has(targetLanguage) ? targetLanguage : this.language;
    let terms = this.byLanguage.get(lang);
    if (terms === undefined) {
      terms = analyse(this.text, lang);
      this.byLanguage.set(lang, terms);
    }
    return terms;
  }
}

interface Target {
  readonly id: string;
  /** The texts the target has, in LANGUAGES order. */
  readonly texts: readonly { readonly language: Language; readonly terms: readonly Term[] }[];
}

function toTarget(item: { readonly id: string; readonly text: LocalizedTexts }): Target {
  const texts = LANGUAGES.flatMap((language) => {
    const text = item.text[language];
    return text === undefined || text.trim() === "" ? [] : [{ language, terms: analyse(text, language) }];
  });
  return { id: item.id, texts };
}

/** The best of the target's texts for this source; a tie goes to the source's own language, then kk, ru, en. */
function compareWithTarget(source: Source, target: Target): Comparison | null {
  let best: Comparison | null = null;
  const ordered = [...target.texts].sort((x, y) => Number(y.language === source.language) - Number(x.language === source.language));
  for (const text of ordered) {
    const comparison = compareTerms(source.termsFor(text.language), text.terms);
    if (best === null || comparison.score > best.score) best = { ...comparison, language: text.language };
  }
  return best === null || best.score === 0 ? null : best;
}

function coverageOf(target: Target, column: readonly (Comparison | null)[], threshold: number): Coverage {
  let best: (Comparison & { readonly sourceIndex: number }) | null = null;
  for (const [sourceIndex, comparison] of column.entries()) {
    if (comparison !== null && (best === null || comparison.score > best.score)) best = { ...comparison, sourceIndex };
  }
  const coveredBy = best !== null && best.score >= threshold ? best.sourceIndex : null;
  return { id: target.id, covered: coveredBy !== null, coveredBy, best };
}

function share(items: readonly Coverage[]): number | null {
  return items.length === 0 ? null : round2(items.filter((c) => c.covered).length / items.length);
}

/**
 * Sets the certificate's learning outcomes side by side with the target discipline's outcomes and syllabus topics
 * (R п.6, 9; M п.23): for each source outcome, the target outcomes it resembles; for each target outcome and topic,
 * whether some source outcome covers it; and the shares covered. Scores are compared with the threshold as shown,
 * rounded to 2 decimals.
 */
export function matchOutcomes(input: OutcomeMatchingInput): OutcomeMatching {
  const threshold = input.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`a threshold is above 0 and at most 1, not ${threshold}`);

  const sources = input.sourceOutcomes.map((text) => new Source(text));
  const targets = input.targetOutcomes.map(toTarget);
  const topics = (input.syllabusTopics ?? []).map(toTarget);

  // scores[i][j]: source outcome i against target outcome j.
  const scores = sources.map((source) => targets.map((target) => compareWithTarget(source, target)));
  const topicScores = sources.map((source) => topics.map((topic) => compareWithTarget(source, topic)));

  const sourceMatches: SourceOutcomeMatch[] = sources.map((source, i) => {
    const ranked = targets
      .flatMap((target, j) => {
        const comparison = scores[i]?.[j] ?? null;
        return comparison === null ? [] : [{ targetId: target.id, ...comparison, order: j }];
      })
      .sort((x, y) => y.score - x.score || x.order - y.order)
      .map(({ order: _order, ...candidate }): Candidate => candidate);
    return {
      index: i,
      text: source.text,
      language: source.language,
      best: ranked[0] ?? null,
      candidates: ranked.filter((c) => c.score >= CANDIDATE_FLOOR),
    };
  });

  const column = (matrix: (Comparison | null)[][], j: number) => sources.map((_, i) => matrix[i]?.[j] ?? null);
  const targetCoverage = targets.map((target, j) => coverageOf(target, column(scores, j), threshold));
  const topicCoverage = topics.map((topic, j) => coverageOf(topic, column(topicScores, j), threshold));

  return {
    threshold,
    sources: sourceMatches,
    targets: targetCoverage,
    topics: topicCoverage,
    outcomeCoverage: share(targetCoverage),
    topicCoverage: share(topicCoverage),
  };
}
