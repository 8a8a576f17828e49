import { cutForSegmenter, getSegmenter } from "../language";

/** A sparse, L2-normalised term vector. */
export type TermVector = Map<string, number>;

// Function words of English, the language most articles here are in; other
// languages rely on the inverse document frequency to weigh theirs down.
const ENGLISH_STOP_WORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between " +
    "both but by can could did do does doing down during each few for from further had has have having he her here " +
    "hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not now of " +
    "off on once only or other our ours ourselves out over own same she should so some such than that the their " +
    "theirs them themselves then there these they this those through to too under until up us very was we were what " +
    "when where which while who whom why will with would you your yours yourself yourselves one two many much may " +
    "might must shall us via like get got make made use used using way well even still yet however thus"
  ).split(" "),
);

function normaliseTerm(word: string, isEnglish: boolean): string | null {
  let term = word.replace(/['’]s$/, "");
  if (isEnglish) {
    if (ENGLISH_STOP_WORDS.has(term)) return null;
    if (term.length > 4 && term.endsWith("ies")) term = `${term.slice(0, -3)}y`;
    else if (term.length > 3 && term.endsWith("s") && !/(?:ss|us|is)$/.test(term)) term = term.slice(0, -1);
  }
  if (/^\d+$/.test(term)) return null;

  return term.length > 1 ||
    /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u.test(term)
    ? term
    : null;
}

/** Splits text into normalised terms: lower case, English stop words dropped and plural endings removed. */
export function extractTerms(text: string, language: string | null): string[] {
  const isEnglish = !language || language.toLowerCase().startsWith("en");
  const segmenter = getSegmenter(language, "word");
  const terms: string[] = [];
  for (const piece of cutForSegmenter(text, false)) {
    for (const segment of segmenter.segment(piece)) {
      if (!segment.isWordLike) continue;
      const term = normaliseTerm(segment.segment.toLocaleLowerCase(language ?? "en"), isEnglish);
      if (term) terms.push(term);
    }
  }

  return terms;
}

/** Keeps the `limit` heaviest entries (ties broken by term, so the result is deterministic) and scales them to length 1. */
export function normaliseVector(weights: Map<string, number>, limit: number): TermVector {
  const entries = [...weights.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit);
  const length = Math.hypot(...entries.map(([, weight]) => weight));

  return new Map(length > 0 ? entries.map(([term, weight]) => [term, weight / length]) : []);
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);

  return sum;
}
