import twitterText from "twitter-text";
import { type BreakCandidate, BreakLevel, type Section } from "./breaks";
import {
  codePointWeight,
  DEFAULT_MAX_WEIGHTED_LENGTH,
  parseTweetConfig,
  URL_WEIGHTED_LENGTH,
} from "./measure";
import type { EntityRange, TextMap } from "./text-map";

/**
 * Lowest share of the cap a post must reach before it may end at a break of
 * each level. Without a break that fills this much, the post ends at the
 * last word that fits.
 */
const MIN_FILL_BY_LEVEL = [
  [BreakLevel.paragraph, 0.4],
  [BreakLevel.sentence, 0.5],
  [BreakLevel.line, 0.6],
] as const;

/** A last post lighter than this share of the others' mean weight triggers rebalancing. */
const SHORT_LAST_POST_SHARE = 0.5;

/** A post as a range of UTF-16 indices into the normalised text. */
export interface PostRange {
  start: number;
  end: number;
}

interface Cut {
  end: number;
  next: number;
  nextCandidate: number;
}

/** A mapped text with its sections and the places where posts may end. */
export interface PackingInput {
  map: TextMap;
  candidates: BreakCandidate[];
  sections: Section[];
}

interface SplitContext extends PackingInput {
  /** Entities, merged into disjoint ranges, that are never cut; a cap passed to `packSection` is never below their weight. */
  protectedEntities: EntityRange[];
  protectedWeight: number;
}

function weightOf(map: TextMap, start: number, end: number): number {
  return (map.weightBefore[end] ?? 0) - (map.weightBefore[start] ?? 0);
}

function firstCandidateAfter(candidates: BreakCandidate[], position: number): number {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((candidates[middle]?.end ?? 0) > position) high = middle;
    else low = middle + 1;
  }

  return low;
}

function isInsideProtectedEntity(context: SplitContext, position: number): boolean {
  const entities = context.protectedEntities;
  let low = 0;
  let high = entities.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((entities[middle]?.start ?? 0) < position) low = middle + 1;
    else high = middle;
  }

  return low > 0 && (entities[low - 1]?.end ?? 0) > position;
}

// A single grapheme heavier than the cap (only possible with hundreds of
// combining marks) cannot be sent whole, so it is cut between code points.
function cutBetweenCodePoints(text: string, start: number, cap: number): number {
  let end = start;
  let weight = 0;
  while (end < text.length) {
    const codePoint = text.codePointAt(end) ?? 0;
    const size = codePoint > 0xffff ? 2 : 1;
    weight += codePointWeight(codePoint);
    if (weight > cap && end > start) break;
    end += size;
  }

  return end;
}

/** Cuts a word heavier than the cap at the last grapheme boundary that fits, outside protected entities. */
function cutInsideWord(context: SplitContext, start: number, wordEnd: number, cap: number): number {
  const { map } = context;
  let low = start;
  let high = wordEnd;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (weightOf(map, start, middle) <= cap) low = middle;
    else high = middle - 1;
  }

  let end = low;
  while (end > start && (map.isGraphemeBoundary[end] !== 1 || isInsideProtectedEntity(context, end))) end--;

  return end > start ? end : cutBetweenCodePoints(map.text, start, cap);
}

/** Chooses where the post that starts at `start` ends, given the next candidate at or after it. */
function chooseCut(
  context: SplitContext,
  section: Section,
  start: number,
  firstCandidate: number,
  cap: number,
): Cut {
  const { map, candidates } = context;
  if (weightOf(map, start, section.end) <= cap) {
    return { end: section.end, next: section.end, nextCandidate: firstCandidate };
  }

  let fitting = firstCandidate;
  while (fitting < candidates.length) {
    const candidate = candidates[fitting];
    if (!candidate || candidate.next >= section.end || weightOf(map, start, candidate.end) > cap) break;
    fitting++;
  }

  if (fitting === firstCandidate) {
    const wordEnd = Math.min(candidates[firstCandidate]?.end ?? section.end, section.end);
    const end = cutInsideWord(context, start, wordEnd, cap);

    return { end, next: end, nextCandidate: firstCandidate };
  }

  for (const [level, minFill] of MIN_FILL_BY_LEVEL) {
    for (let index = fitting - 1; index >= firstCandidate; index--) {
      const candidate = candidates[index];
      if (!candidate || weightOf(map, start, candidate.end) < minFill * cap) break;
      if (candidate.level >= level)
        return { end: candidate.end, next: candidate.next, nextCandidate: index + 1 };
    }
  }
  const last = candidates[fitting - 1];
  if (!last) return { end: section.end, next: section.end, nextCandidate: fitting };

  // A following word heavier than a whole post is cut anyway, so it starts here rather than in a post of its own.
  const followingWordEnd = Math.min(candidates[fitting]?.end ?? section.end, section.end);
  if (weightOf(map, last.next, followingWordEnd) > cap) {
    const end = cutInsideWord(context, start, followingWordEnd, cap);
    if (end > last.next) return { end, next: end, nextCandidate: fitting };
  }

  return { end: last.end, next: last.next, nextCandidate: fitting };
}

/** Counts the chosen post with `parseTweet` and cuts it shorter until it fits the cap. */
function confirmCut(
  context: SplitContext,
  section: Section,
  start: number,
  candidate: number,
  cap: number,
  chosen: Cut,
): Cut {
  const { text } = context.map;
  const config = parseTweetConfig(DEFAULT_MAX_WEIGHTED_LENGTH);
  let cut = chosen;
  let localCap = cap;

  for (;;) {
    const weight = twitterText.parseTweet(text.slice(start, cut.end), config).weightedLength;
    if (weight <= cap) return cut;

    localCap -= weight - cap;
    if (localCap <= 0) {
      const end = cutBetweenCodePoints(text, start, 0);
      return { end, next: end, nextCandidate: candidate };
    }
    cut = chooseCut(context, section, start, candidate, localCap);
  }
}

/**
 * Packs a section greedily into posts of at most `cap` weight. With `confirm`,
 * each post is counted again with `parseTweet` and cut shorter until it fits;
 * without it the estimate from the text map decides alone.
 */
function packSection(context: SplitContext, section: Section, cap: number, confirm: boolean): PostRange[] {
  const posts: PostRange[] = [];
  let start = section.start;
  let candidate = firstCandidateAfter(context.candidates, start);

  while (start < section.end) {
    while ((context.candidates[candidate]?.end ?? Infinity) <= start) candidate++;
    let cut = chooseCut(context, section, start, candidate, cap);
    if (confirm) cut = confirmCut(context, section, start, candidate, cap, cut);

    posts.push({ start, end: cut.end });
    start = cut.next;
    candidate = cut.nextCandidate;
  }

  return posts;
}

/** Packs a section, then lowers the cap while the post count stays the same if the last post came out short. */
function packSectionBalanced(context: SplitContext, section: Section, cap: number): PostRange[] {
  const { map } = context;
  const greedy = packSection(context, section, cap, true);
  if (greedy.length < 2) return greedy;

  const weights = greedy.map((post) => weightOf(map, post.start, post.end));
  const lastWeight = weights.pop() ?? 0;
  const meanWeight = weights.reduce((sum, weight) => sum + weight, 0) / weights.length;
  if (lastWeight >= SHORT_LAST_POST_SHARE * meanWeight) return greedy;

  let low = context.protectedWeight;
  let high = cap;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (packSection(context, section, middle, false).length <= greedy.length) high = middle;
    else low = middle + 1;
  }
  if (low >= cap) return greedy;

  const balanced = packSection(context, section, low, true);
  const balancedLast = balanced.at(-1);
  if (balanced.length > greedy.length || !balancedLast) return greedy;

  return weightOf(map, balancedLast.start, balancedLast.end) > lastWeight ? balanced : greedy;
}

// Merges the entities light enough to protect into disjoint ranges sorted by start.
function withProtection(input: PackingInput, budget: number): SplitContext {
  const protectedWeight = Math.max(Math.ceil(budget / 2), URL_WEIGHTED_LENGTH);
  const protectedEntities: EntityRange[] = [];
  for (const entity of input.map.entities) {
    if (entity.weight > protectedWeight) continue;
    const previous = protectedEntities.at(-1);
    if (previous && entity.start < previous.end) previous.end = Math.max(previous.end, entity.end);
    else protectedEntities.push({ ...entity });
  }

  return { ...input, protectedWeight, protectedEntities };
}

/**
 * Packs every section into posts of at most `budget` weight each. With
 * `finish`, each post is confirmed with `parseTweet`, and a section whose last
 * post is short is rebalanced. Without it the result is a quick estimate.
 */
export function packPosts(input: PackingInput, budget: number, finish: boolean): PostRange[] {
  const context = withProtection(input, budget);

  return input.sections.flatMap((section) =>
    finish ? packSectionBalanced(context, section, budget) : packSection(context, section, budget, false),
  );
}
