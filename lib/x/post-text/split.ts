import { findBreakCandidates, findSections } from "./breaks";
import {
  DEFAULT_MAX_WEIGHTED_LENGTH,
  measureNormalized,
  normalizePostText,
  parseTweetConfig,
  URL_WEIGHTED_LENGTH,
} from "./measure";
import { type PackingInput, packPosts, type PostRange } from "./pack";
import { mapText } from "./text-map";

export interface SplitOptions {
  /** BCP 47 tag of the text's language, for sentence and word boundaries; the runtime's default when absent. */
  locale?: string;
  /** Position of the `1/5`-style numbering, or "none" (the default) for no numbering. */
  numbering?: "none" | "prefix" | "suffix";
  /** Limit per post in weighted characters, as for `measurePost`. */
  maxWeightedLength?: number;
}

const INVALID_CHARACTERS_GLOBAL = /[\uFFFE\uFEFF\uFFFF]/g;

function digitCount(value: number): number {
  return String(value).length;
}

/**
 * Packs with room reserved for numbering. The label `i/n ` is at most
 * 2 × digits(n) + 2 characters, and n depends on the room left, so the digit
 * count grows until the post count needs no more digits.
 */
function packWithNumbering(input: PackingInput, maxWeightedLength: number): PostRange[] {
  const reserveFor = (digits: number) => 2 * digits + 2;
  let digits = digitCount(packPosts(input, maxWeightedLength - reserveFor(1), false).length);

  for (;;) {
    const budget = maxWeightedLength - reserveFor(digits);
    if (budget < URL_WEIGHTED_LENGTH) {
      throw new RangeError(
        `maxWeightedLength ${maxWeightedLength} leaves no room for a URL beside ${digits}-digit numbering.`,
      );
    }
    const posts = packPosts(input, budget, true);
    if (digitCount(posts.length) <= digits) return posts;
    digits = digitCount(posts.length);
  }
}

/**
 * Splits text into posts that are each valid for `measurePost` with the same
 * `maxWeightedLength`, numbering included.
 *
 * The text is normalised with `normalizePostText` after the invalid characters
 * U+FFFE, U+FEFF and U+FFFF are removed. A line holding only `---` always ends
 * a post and is dropped. Otherwise posts end, by preference, at a paragraph
 * break, a sentence end, a line break, then a space (or between words in
 * scripts written without spaces), and never inside a grapheme, URL, @mention,
 * #hashtag or $cashtag. A word heavier than a whole post is cut between
 * graphemes, and so is an entity other than a URL that weighs more than half a
 * post. The white space where a post ends is dropped and all other text is
 * kept as it is, line breaks included. Numbering (`1/5 ` before or ` 1/5`
 * after) is added only when there are two posts or more, and its width is
 * reserved before packing. Returns no posts for text that is empty after
 * normalising.
 *
 * Throws a RangeError for an invalid `locale` or `maxWeightedLength`.
 */
export function splitIntoPosts(text: string, options: SplitOptions = {}): string[] {
  const maxWeightedLength = options.maxWeightedLength ?? DEFAULT_MAX_WEIGHTED_LENGTH;
  parseTweetConfig(maxWeightedLength);
  const numbering = options.numbering ?? "none";
  const cleaned = normalizePostText(text.replace(INVALID_CHARACTERS_GLOBAL, ""));
  const sections = findSections(cleaned);
  const onlySection = sections.length === 1 ? sections[0] : undefined;
  if (onlySection) {
    const whole = cleaned.slice(onlySection.start, onlySection.end);
    if (measureNormalized(whole, maxWeightedLength).valid) return [whole];
  }
  if (sections.length === 0) return [];

  const map = mapText(cleaned);
  const input = { map, candidates: findBreakCandidates(map, options.locale), sections };
  const posts =
    numbering === "none"
      ? packPosts(input, maxWeightedLength, true)
      : packWithNumbering(input, maxWeightedLength);
  const bodies = posts.map((post) => cleaned.slice(post.start, post.end));
  if (numbering === "none" || bodies.length < 2) return bodies;

  return bodies.map((body, index) => {
    const label = `${index + 1}/${bodies.length}`;

    return numbering === "prefix" ? `${label} ${body}` : `${body} ${label}`;
  });
}
