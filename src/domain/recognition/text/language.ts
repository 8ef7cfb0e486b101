// Which of our three languages a text is written in, from its letters alone. The outcome texts of a
// certificate come without a language tag, and the stemmer and stop words depend on it.

export const LANGUAGES = ["kk", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Letters of the Kazakh Cyrillic alphabet that Russian does not have. */
const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * kk when a Kazakh-only letter occurs, ru for other Cyrillic, en otherwise (Latin, or no letters at all).
 * A short Kazakh phrase with none of those letters ("деректер базасын жобалау") reads as ru; matchOutcomes does
 * not depend on that, since it analyses Cyrillic text in the language of each target text it compares against.
 */
export function detectLanguage(text: string): Language {
  if (KAZAKH_LETTERS.test(text)) return "kk";
  if (CYRILLIC.test(text)) return "ru";
  return "en";
}

/** The script a word is written in: it picks the stemmer for a Latin word inside Cyrillic text (SQL, Python) and vice versa. */
export function scriptOf(word: string): "cyrillic" | "latin" | "other" {
  if (CYRILLIC.test(word)) return "cyrillic";
  if (/\p{Script=Latin}/u.test(word)) return "latin";
  return "other";
}
