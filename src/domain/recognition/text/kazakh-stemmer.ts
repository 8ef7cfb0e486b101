// A light Kazakh stemmer of our own: no maintained npm package stems Kazakh (Snowball has no Kazakh algorithm).
//
// Kazakh is agglutinative: a word is a stem, then derivational, plural, possessive and case suffixes, in that
// order (деректер-і-нің = data-PL-3POSS-GEN). We strip from the end, the longest suffix that fits first, again
// and again, while a stem of at least MIN_STEM letters with a vowel in it remains. It is a matching aid, not a
// morphological analyser: what counts is that the forms of one word land on one stem (деректер, деректерді,
// деректерінің → дерек), even when that stem is not a dictionary word (талдау, талдайды → тал).
//
// Left out on purpose, because they would cut into too many roots: the 1st/2nd person possessives (-ым/-ім
// would turn білім "knowledge" into біл "know"), -сыз/-сіз "without" (қауіпсіздік "security" would become
// қауіп "danger"), the converb -а/-е and the noun suffix -ма/-ме (бағдарлама "programme").

const VOWELS = "аәеиоөуұүыіэюя";
const CONSONANTS = "бвгғджзйкқлмнңпрстфхһцчшщь";
// Vowel harmony picks the first consonant of a suffix from the last letter of the stem (деректер-ді but
// ақпарат-ты, бағдарлама-лар but әдіс-тер). Checking it keeps a stem's own letters from being read as a
// suffix: қабілет-і is not қабіле-ті, because -ті follows only a voiceless consonant.
const VOICELESS = "бвгдкқпстфхһцчшщ";
const SONORANT = "рйу";
const VOICED = "лмнңзжь";
const NASAL = "мнң";
const POSSESSIVE_3 = "ыі";
const AFTER_L = VOWELS + SONORANT; // -лар, -лық, -ла, -мен
const AFTER_D = SONORANT + VOICED; // -ды, -дың
const AFTER_VOICED = VOWELS + SONORANT + VOICED; // -да, -ға, -ған

export const MIN_STEM = 3;

interface Suffix {
  readonly text: string;
  /** The letters the stem may end in before this suffix. */
  readonly after: string;
}

const s = (after: string, ...texts: string[]): Suffix[] => texts.map((text) => ({ text, after }));

const SUFFIXES: readonly Suffix[] = [
  // Case endings. The n-forms follow the 3rd person possessive: деректер-і-н, -і-нде, -і-нен, -і-не.
  ...s(VOWELS, "ның", "нің", "ны", "ні"),
  ...s(AFTER_D, "дың", "дің", "ды", "ді"),
  ...s(VOICELESS, "тың", "тің", "ты", "ті"),
  ...s(AFTER_VOICED, "ға", "ге", "да", "де"),
  ...s(VOICELESS, "қа", "ке", "та", "те"),
  ...s(VOWELS + SONORANT + "зжь", "дан", "ден"),
  ...s(VOICELESS, "тан", "тен"),
  ...s(POSSESSIVE_3 + NASAL, "нан", "нен"),
  ...s(POSSESSIVE_3, "н", "на", "не", "нда", "нде"),
  ...s(AFTER_L, "мен", "менен"),
  ...s("зж" + NASAL, "бен", "бенен"),
  ...s(VOICELESS, "пен", "пенен"),
  // Possessive, 3rd person: әдіс-і, бағдарлама-сы.
  ...s(CONSONANTS, "ы", "і"),
  ...s(VOWELS, "сы", "сі"),
  // Plural.
  ...s(AFTER_L, "лар", "лер"),
  ...s(VOICED, "дар", "дер"),
  ...s(VOICELESS, "тар", "тер"),
  // Verb forms that learning outcomes are written with: the verbal noun (талда-у), the agent (талда-ушы),
  // the present (жаз-ады, әзірле-йді), participles (әзірле-ген, талда-йтын) and converbs (талда-п, талда-й).
  // Not -атын/-етін after a consonant: саясат-ы-н "its policy (acc.)" would lose its root.
  ...s(VOWELS + CONSONANTS, "у", "ушы", "уші"),
  ...s(CONSONANTS, "ады", "еді", "ып", "іп"),
  ...s(VOWELS, "йды", "йді", "йтын", "йтін", "п", "й"),
  ...s(AFTER_VOICED, "ған", "ген"),
  ...s(VOICELESS, "қан", "кен"),
  // Derivation: agents (есеп-ші), verbs from nouns (жоба-ла-у, модель-де-у), adjectives and abstract nouns
  // (машина-лық, ақпарат-тық, білім-ді).
  ...s(VOWELS + CONSONANTS, "шы", "ші"),
  ...s(AFTER_L, "ла", "ле", "лық", "лік"),
  ...s(VOICED, "дық", "дік"),
  ...s(VOICELESS, "тық", "тік"),
].sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));

/** A final к, қ, п becomes г, ғ, б before a vowel (дерек → дерегі); we write the stem with the voiceless letter. */
const DEVOICE: Readonly<Record<string, string>> = { г: "к", ғ: "қ", б: "п" };
const MAX_STRIPS = 6;

function devoice(stem: string): string {
  const last = stem.at(-1);
  const voiceless = last === undefined ? undefined : DEVOICE[last];
  return voiceless === undefined ? stem : stem.slice(0, -1) + voiceless;
}

function hasVowel(stem: string): boolean {
  for (const letter of stem) if (VOWELS.includes(letter)) return true;
  return false;
}

function stripOne(word: string): string | null {
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix.text)) continue;
    const stem = word.slice(0, -suffix.text.length);
    if (stem.length < MIN_STEM || !hasVowel(stem) || !suffix.after.includes(stem.at(-1)!)) continue;
    return stem;
  }
  return null;
}

/**
 * Two endings that spelling or the grammar make ambiguous, settled one way for every form of a word:
 * a soft sign goes (модель, моделі → модел), and so does a final с after a vowel, because the possessive is
 * -сы/-сі after a vowel and -ы/-і after a consonant, so бағдарлама-сы and әдіс-і end alike (әдіс, әдісі → әді).
 */
function settleEnd(stem: string): string {
  let end = devoice(stem);
  if (end.endsWith("ь")) end = end.slice(0, -1);
  if (end.length > MIN_STEM && end.endsWith("с") && VOWELS.includes(end.at(-2)!)) end = end.slice(0, -1);
  return end;
}

/** The stem of one lower-case Kazakh word. */
export function stemKazakh(word: string): string {
  let stem = word;
  for (let i = 0; i < MAX_STRIPS; i++) {
    const shorter = stripOne(stem);
    if (shorter === null) break;
    stem = devoice(shorter);
  }
  return settleEnd(stem);
}
