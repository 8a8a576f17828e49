import { canEndPost, canStartPost, codePointBefore, isUnspacedScript, UNSPACED_RUNS } from "./characters";
import { isWhiteSpace } from "./measure";
import { forEachSegment, getSegmenter } from "./segment";
import type { TextMap } from "./text-map";

/** Rank of a break as a place to end a post; a higher rank is a better place. */
export const BreakLevel = { word: 1, line: 2, sentence: 3, paragraph: 4 } as const;

/** A place to end a post: the post ends at `end` and the next one starts at `next` (UTF-16 indices). */
export interface BreakCandidate {
  end: number;
  next: number;
  level: number;
}

/** A stretch of text between forced breaks, without white space at either end. */
export interface Section {
  start: number;
  end: number;
}

const FORCED_BREAK_LINE = /^[ \t]*---[ \t]*$/gm;
const SEGMENT_CHUNK_LENGTH = 512;
const MAX_GAP_IN_SPAN = 256;

/** Splits the text at lines holding only `---`, which force a new post, and drops empty sections. */
export function findSections(text: string): Section[] {
  const sections: Section[] = [];
  const addSection = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) sections.push({ start, end });
  };

  let from = 0;
  for (const match of text.matchAll(FORCED_BREAK_LINE)) {
    addSection(from, match.index);
    from = match.index + match[0].length;
  }
  addSection(from, text.length);

  return sections;
}

function isNoBreakSpace(codeUnit: number): boolean {
  return codeUnit === 0xa0 || codeUnit === 0x2007 || codeUnit === 0x202f;
}

// Runs of white space that hold at least one breaking space, each level by its line feeds.
function findSpaceBreaks(map: TextMap): BreakCandidate[] {
  const { text, isGraphemeBoundary } = map;
  const breaks: BreakCandidate[] = [];

  let index = 0;
  while (index < text.length) {
    if (!isWhiteSpace(text.charCodeAt(index))) {
      index++;
      continue;
    }

    const start = index;
    let lineFeeds = 0;
    let canBreak = false;
    while (index < text.length && isWhiteSpace(text.charCodeAt(index))) {
      const codeUnit = text.charCodeAt(index);
      if (codeUnit === 0x0a) lineFeeds++;
      if (!isNoBreakSpace(codeUnit)) canBreak = true;
      index++;
    }
    if (!canBreak || isGraphemeBoundary[start] !== 1 || isGraphemeBoundary[index] !== 1) continue;

    let level: number = BreakLevel.word;
    if (lineFeeds === 1) level = BreakLevel.line;
    if (lineFeeds >= 2) level = BreakLevel.paragraph;
    breaks.push({ end: start, next: index, level });
  }

  return breaks;
}

/** Checks whether a post may end at `position`, between two characters that are not white space. */
function canBreakBetweenWords(map: TextMap, position: number): boolean {
  const { text } = map;
  if (position <= 0 || position >= text.length || map.isGraphemeBoundary[position] !== 1) return false;
  if (isWhiteSpace(text.charCodeAt(position - 1)) || isWhiteSpace(text.charCodeAt(position))) return false;

  return canEndPost(codePointBefore(text, position)) && canStartPost(text.codePointAt(position) ?? 0);
}

function isUnspacedAround(text: string, position: number): boolean {
  return (
    isUnspacedScript(codePointBefore(text, position)) || isUnspacedScript(text.codePointAt(position) ?? 0)
  );
}

// Finds sentence ends that no white space marks, as after "。" in Japanese,
// and raises the level of white-space breaks at other sentence ends.
function findSentenceBreaks(
  map: TextMap,
  spaceBreaks: BreakCandidate[],
  locale: string | undefined,
): number[] {
  const { text } = map;
  const positions: number[] = [];
  // Line feeds count as spaces here, so a line wrapped inside a sentence is no sentence end.
  const sentenceText = text.replaceAll("\n", " ");
  let spaceIndex = 0;

  forEachSegment(
    getSegmenter("sentence", locale),
    sentenceText,
    0,
    text.length,
    SEGMENT_CHUNK_LENGTH,
    (start) => {
      if (start === 0) return;
      if (!isWhiteSpace(text.charCodeAt(start - 1))) {
        if (canBreakBetweenWords(map, start)) positions.push(start);
        return;
      }
      while (spaceIndex < spaceBreaks.length && (spaceBreaks[spaceIndex]?.next ?? 0) < start) spaceIndex++;
      const candidate = spaceBreaks[spaceIndex];
      if (candidate && candidate.next === start)
        candidate.level = Math.max(candidate.level, BreakLevel.sentence);
    },
  );

  return positions;
}

// Word boundaries inside runs of scripts written without spaces.
function findUnspacedWordBreaks(map: TextMap, locale: string | undefined): number[] {
  const { text } = map;
  const positions: number[] = [];
  const segmenter = getSegmenter("word", locale);
  const addBoundary = (position: number) => {
    if (
      position !== positions.at(-1) &&
      canBreakBetweenWords(map, position) &&
      isUnspacedAround(text, position)
    ) {
      positions.push(position);
    }
  };

  const segmentSpan = (spanStart: number, spanEnd: number) => {
    forEachSegment(
      segmenter,
      text,
      backToGrapheme(map, spanStart),
      spanEnd,
      SEGMENT_CHUNK_LENGTH,
      (start, end) => {
        addBoundary(start);
        addBoundary(end);
      },
    );
  };

  // Runs close together are segmented as one span, because each call to the segmenter has a fixed cost.
  let spanStart = -1;
  let spanEnd = -1;
  for (const run of text.matchAll(UNSPACED_RUNS)) {
    if (spanStart >= 0 && run.index - spanEnd > MAX_GAP_IN_SPAN) {
      segmentSpan(spanStart, spanEnd);
      spanStart = -1;
    }
    if (spanStart < 0) spanStart = run.index;
    spanEnd = run.index + run[0].length;
  }
  if (spanStart >= 0) segmentSpan(spanStart, spanEnd);

  return positions;
}

function backToGrapheme(map: TextMap, position: number): number {
  let start = position;
  while (start > 0 && map.isGraphemeBoundary[start] !== 1) start--;

  return start;
}

function isInsideEntity(map: TextMap, position: number, fromIndex: { value: number }): boolean {
  const { entities } = map;
  while (fromIndex.value < entities.length && (entities[fromIndex.value]?.end ?? 0) <= position)
    fromIndex.value++;
  for (let index = fromIndex.value; index < entities.length; index++) {
    const entity = entities[index];
    if (!entity || entity.start >= position) break;
    if (entity.end > position) return true;
  }

  return false;
}

/**
 * Finds every place where a post may end, sorted by position: runs of white
 * space (paragraph, line or word breaks), sentence ends from `Intl.Segmenter`,
 * and word boundaries inside text in scripts written without spaces. No break
 * falls inside a grapheme or an entity.
 */
export function findBreakCandidates(map: TextMap, locale: string | undefined): BreakCandidate[] {
  const spaceBreaks = findSpaceBreaks(map);
  const sentenceBreaks = findSentenceBreaks(map, spaceBreaks, locale);
  const wordBreaks = findUnspacedWordBreaks(map, locale);

  const unspacedBreaks: BreakCandidate[] = [];
  const entityIndex = { value: 0 };
  let sentence = 0;
  let word = 0;
  while (sentence < sentenceBreaks.length || word < wordBreaks.length) {
    const sentencePosition = sentenceBreaks[sentence] ?? Infinity;
    const wordPosition = wordBreaks[word] ?? Infinity;
    const position = Math.min(sentencePosition, wordPosition);
    if (sentencePosition === position) sentence++;
    if (wordPosition === position) word++;
    if (isInsideEntity(map, position, entityIndex)) continue;

    const level = sentencePosition === position ? BreakLevel.sentence : BreakLevel.word;
    unspacedBreaks.push({ end: position, next: position, level });
  }

  return mergeByPosition(spaceBreaks, unspacedBreaks);
}

function mergeByPosition(first: BreakCandidate[], second: BreakCandidate[]): BreakCandidate[] {
  const merged: BreakCandidate[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    const a = first[i];
    const b = second[j];
    if (a && (!b || a.end <= b.end)) {
      merged.push(a);
      i++;
    } else if (b) {
      merged.push(b);
      j++;
    }
  }

  return merged;
}
