import type { ArticleBlock } from "../markdown/blocks";
import type { ArticleSentence } from "./sentences";

export const MIN_SUMMARY_WORDS = 80;
export const MAX_SUMMARY_WORDS = 250;
/** A summary stops growing once it reaches this many words. */
const TARGET_SUMMARY_WORDS = 150;
export const MAX_INSIGHTS = 8;
/** Words of prose per insight: 600 words give one insight, 4,500 or more give eight. */
const WORDS_PER_INSIGHT = 600;

/** Returns the number of insights to aim for: one per 600 words of prose, from one to eight. */
export function targetInsightCount(proseWords: number): number {
  return Math.min(MAX_INSIGHTS, Math.max(1, Math.round(proseWords / WORDS_PER_INSIGHT)));
}

interface Cut {
  /** Index into the sentence list where a passage may start. */
  position: number;
  wordsBefore: number;
  isAtHeading: boolean;
}

function findCuts(sentences: readonly ArticleSentence[], blocks: readonly ArticleBlock[]): Cut[] {
  const cuts: Cut[] = [];
  let wordsBefore = 0;
  for (let position = 0; position < sentences.length; position++) {
    const sentence = sentences[position];
    const previous = sentences[position - 1];
    if (!sentence) continue;
    if (previous && previous.block !== sentence.block) {
      const between = blocks.slice(previous.block + 1, sentence.block);
      cuts.push({ position, wordsBefore, isAtHeading: between.some((block) => block.kind === "heading") });
    }
    if (sentence.isCandidate) wordsBefore += sentence.wordCount;
  }

  return cuts;
}

/**
 * Splits the sentences into `count` contiguous passages with about the same
 * number of candidate words each. Passages end between blocks, preferably at
 * a heading, so no two passages share a paragraph.
 */
export function partitionPassages(
  sentences: readonly ArticleSentence[],
  blocks: readonly ArticleBlock[],
  count: number,
): ArticleSentence[][] {
  const cuts = findCuts(sentences, blocks);
  const total = sentences.reduce((sum, sentence) => sum + (sentence.isCandidate ? sentence.wordCount : 0), 0);
  const share = total / count;
  const chosen: number[] = [];
  let next = 0;

  for (let passage = 1; passage < count; passage++) {
    const target = share * passage;
    let best: { index: number; cost: number } | null = null;
    for (let index = next; index < cuts.length - (count - 1 - passage); index++) {
      const cut = cuts[index];
      if (!cut) continue;
      const cost = Math.abs(cut.wordsBefore - target) - (cut.isAtHeading ? share * 0.25 : 0);
      if (!best || cost < best.cost) best = { index, cost };
    }
    if (!best) break;
    chosen.push(cuts[best.index]?.position ?? 0);
    next = best.index + 1;
  }

  const bounds = [0, ...chosen, sentences.length];
  return bounds.slice(1).map((end, index) => sentences.slice(bounds[index], end));
}

/**
 * Picks the best-scored candidate sentences of a passage until the summary
 * reaches 150 words, never passing 250. Returns them in article order, or
 * null when the passage cannot give the 80 words a summary needs.
 */
export function selectSentences(
  passage: readonly ArticleSentence[],
  scores: readonly number[],
): ArticleSentence[] | null {
  const candidates = passage
    .filter((sentence) => sentence.isCandidate)
    .sort((a, b) => (scores[b.index] ?? 0) - (scores[a.index] ?? 0) || a.index - b.index);
  const chosen: ArticleSentence[] = [];
  let words = 0;
  for (const sentence of candidates) {
    if (words + sentence.wordCount > MAX_SUMMARY_WORDS) continue;
    chosen.push(sentence);
    words += sentence.wordCount;
    if (words >= TARGET_SUMMARY_WORDS) break;
  }
  if (words < MIN_SUMMARY_WORDS) return null;

  return chosen.sort((a, b) => a.index - b.index);
}

/**
 * Partitions the article and selects each passage's sentences. A passage too
 * thin for a summary is merged into its smaller neighbour and the selection
 * runs again, so fewer, fuller insights come out instead of short ones.
 */
export function choosePassageSentences(
  sentences: readonly ArticleSentence[],
  blocks: readonly ArticleBlock[],
  scores: readonly number[],
  count: number,
): ArticleSentence[][] {
  const passages = partitionPassages(sentences, blocks, count);
  for (;;) {
    const selections = passages.map((passage) => selectSentences(passage, scores));
    const failed = selections.findIndex((selection) => selection === null);
    if (failed === -1) return selections.filter((selection) => selection !== null);
    if (passages.length === 1) return [];

    const before = passages[failed - 1];
    const after = passages[failed + 1];
    const mergeWithBefore = before !== undefined && (after === undefined || before.length <= after.length);
    const start = mergeWithBefore ? failed - 1 : failed;
    passages.splice(start, 2, [...(passages[start] ?? []), ...(passages[start + 1] ?? [])]);
  }
}
