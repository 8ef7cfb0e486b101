// From a learning-outcome text to the terms it is compared by: words (Unicode letters and digits), lower
// case, stop words dropped, each word reduced to its stem. Russian words go through the Snowball Russian
// stemmer and English words through Porter's stemmer (both from @orama/stemmers), Kazakh words through our
// own (kazakh-stemmer.ts). A Latin word inside Cyrillic text (SQL, Python) is stemmed as English and a
// Cyrillic word inside English text by its own letters, so such names match whatever the text's language.
import { stemmer as stemEnglishWord } from "@orama/stemmers/english";
import { stemmer as stemRussianWord } from "@orama/stemmers/russian";
import { stemKazakh } from "./kazakh-stemmer.js";
import { detectLanguage, type Language, scriptOf } from "./language.js";
import { STOP_WORDS } from "./stop-words.js";

/** One term of a text: its stem, and the first word of the text it came from (for explanations). */
export interface Term {
  readonly stem: string;
  readonly word: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS_ONLY = /^\p{N}+$/u;

/**
 * US -ize spellings in the British -ise form: the Porter stemmer takes organization to "organ" but organisation
 * to "organis", and analyze to "analyz" but analyse to "analys". The letters before are required so that size
 * and seize stay as they are.
 */
function britishSpelling(word: string): string {
  return word.replace(/^(\p{L}{3,}[iy])z(e|es|ed|er|ers|ing|ation|ations)$/u, "$1s$2");
}

function stemFor(word: string, language: Language): string {
  switch (language) {
    case "en":
      return stemEnglishWord(britishSpelling(word));
    case "ru":
      return stemRussianWord(word);
    case "kk":
      return stemKazakh(word);
  }
}

/** The language a word is stemmed in: the text's own, unless the word's script says otherwise. */
function wordLanguage(word: string, textLanguage: Language): Language {
  const script = scriptOf(word);
  if (script === "latin") return "en";
  if (script === "cyrillic" && textLanguage === "en") return detectLanguage(word);
  return textLanguage;
}

const stopStems = new Map<Language, ReadonlySet<string>>();

/** The stems of a language's stop words, so that any form of "знать" or "understand" is dropped, not only the listed one. */
function stopStemsOf(language: Language): ReadonlySet<string> {
  let stems = stopStems.get(language);
  if (stems === undefined) {
    stems = new Set([...STOP_WORDS[language]].map((w) => stemFor(w, language)));
    stopStems.set(language, stems);
  }
  return stems;
}

function isStop(word: string, stem: string, language: Language): boolean {
  return STOP_WORDS[language].has(word) || stopStemsOf(language).has(stem);
}

/** The words of a text, lower case, in order: letters and digits; a lone letter or a bare number is not a word here. */
export function tokenize(text: string): string[] {
  const words = text.normalize("NFC").toLowerCase().replace(/ё/gu, "е").match(WORD) ?? [];
  return words.filter((w) => w.length > 1 && !DIGITS_ONLY.test(w));
}

/** The distinct terms of a text, in order of first appearance. */
export function analyse(text: string, language: Language = detectLanguage(text)): Term[] {
  const seen = new Set<string>();
  const result: Term[] = [];
  for (const word of tokenize(text)) {
    const lang = wordLanguage(word, language);
    const stem = stemFor(word, lang);
    if (stem.length === 0 || isStop(word, stem, lang) || seen.has(stem)) continue;
    seen.add(stem);
    result.push({ stem, word });
  }
  return result;
}

/** The distinct stems a text is compared by, in order of first appearance. */
export function terms(text: string, language?: Language): string[] {
  return analyse(text, language).map((t) => t.stem);
}
