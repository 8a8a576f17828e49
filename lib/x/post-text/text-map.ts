import twitterText from "twitter-text";
import {
  codePointWeight,
  DEFAULT_MAX_WEIGHTED_LENGTH,
  parseTweetConfig,
  URL_WEIGHTED_LENGTH,
} from "./measure";
import { forEachSegment, getSegmenter } from "./segment";

/** An entity X links as a whole: a URL, @mention or list, #hashtag or $cashtag (UTF-16 range). */
export interface EntityRange {
  start: number;
  end: number;
  weight: number;
}

/** Weights and grapheme boundaries of a normalised text, indexed by UTF-16 position. */
export interface TextMap {
  text: string;
  /** Weighted length of `text.slice(0, i)` at index `i`, for every `i` outside a URL or grapheme. */
  weightBefore: Int32Array;
  /** 1 where a grapheme boundary is, for positions 0 to `text.length`. */
  isGraphemeBoundary: Uint8Array;
  /** Entities sorted by start; they may overlap. */
  entities: EntityRange[];
}

const GRAPHEME_CHUNK_LENGTH = 256;

// Code units that can start or continue a grapheme together with a neighbour:
// combining and spacing marks, format characters (ZWJ, most Prepend),
// surrogates, unassigned code points, CR, the Prepend letter U+0D4E, the Thai
// and Lao SARA AM, and Hangul jamo.
const JOINING_CODE_UNIT =
  /[\p{Grapheme_Extend}\p{Mc}\p{Cf}\p{Cs}\p{Cn}\r\u0D4E\u0E33\u0EB3\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/u;

let standaloneWeights: Uint8Array | undefined;

/**
 * Returns, for every UTF-16 code unit, its weight when it cannot join a
 * neighbour into one grapheme, and 0 when it can. Between two code units with
 * non-zero entries there is always a grapheme boundary.
 */
function getStandaloneWeights(): Uint8Array {
  if (standaloneWeights) return standaloneWeights;

  const table = new Uint8Array(0x10000);
  for (let codeUnit = 0; codeUnit < 0x10000; codeUnit++) {
    if (codeUnit >= 0x20 && codeUnit < 0x7f) table[codeUnit] = 1;
    else if (!JOINING_CODE_UNIT.test(String.fromCharCode(codeUnit)))
      table[codeUnit] = codePointWeight(codeUnit);
  }
  standaloneWeights = table;

  return table;
}

function graphemeWeight(grapheme: string, cache: Map<string, number>): number {
  if (grapheme.length === 1) return codePointWeight(grapheme.charCodeAt(0));
  const codePoint = grapheme.codePointAt(0) ?? 0;
  if (grapheme.length === 2 && codePoint > 0xffff) return codePointWeight(codePoint);

  let weight = cache.get(grapheme);
  if (weight === undefined) {
    weight = twitterText.parseTweet(grapheme, parseTweetConfig(DEFAULT_MAX_WEIGHTED_LENGTH)).weightedLength;
    cache.set(grapheme, weight);
  }

  return weight;
}

function extractEntities(text: string): { urls: EntityRange[]; entities: EntityRange[] } {
  const toRange = ({ indices }: { indices: [number, number] }): EntityRange => ({
    start: indices[0],
    end: indices[1],
    weight: 0,
  });
  const urls = twitterText.extractUrlsWithIndices(text).map(toRange);
  const entities = [
    ...urls,
    ...twitterText.extractMentionsOrListsWithIndices(text).map(toRange),
    ...twitterText.extractHashtagsWithIndices(text).map(toRange),
    ...twitterText.extractCashtagsWithIndices(text).map(toRange),
  ];
  entities.sort((a, b) => a.start - b.start || a.end - b.end);

  return { urls, entities };
}

/**
 * Maps a normalised text in one linear pass. Weights follow `parseTweet`:
 * each URL counts 23 at its first code unit, and every grapheme counts what
 * `parseTweet` gives it alone. That can differ from the whole text's count
 * where twitter-text's emoji parser matches across a grapheme boundary (as in
 * odd runs of regional indicators) or a URL ends inside a grapheme, so callers
 * confirm the count of what they cut.
 */
export function mapText(text: string): TextMap {
  const length = text.length;
  const unitWeights = new Int32Array(length);
  const isGraphemeBoundary = new Uint8Array(length + 1);
  const table = getStandaloneWeights();
  const graphemeSegmenter = getSegmenter("grapheme");
  const cache = new Map<string, number>();
  isGraphemeBoundary[0] = 1;

  let index = 0;
  while (index < length) {
    const weight = table[text.charCodeAt(index)] ?? 0;
    if (weight !== 0 && (index + 1 === length || table[text.charCodeAt(index + 1)] !== 0)) {
      unitWeights[index] = weight;
      index++;
      isGraphemeBoundary[index] = 1;
      continue;
    }

    // A run where graphemes can span code units ends where two standalone code units meet.
    let runEnd = index + 1;
    while (
      runEnd < length &&
      (table[text.charCodeAt(runEnd - 1)] === 0 || table[text.charCodeAt(runEnd)] === 0)
    ) {
      runEnd++;
    }
    forEachSegment(graphemeSegmenter, text, index, runEnd, GRAPHEME_CHUNK_LENGTH, (start, end, data) => {
      unitWeights[start] = graphemeWeight(data.segment, cache);
      isGraphemeBoundary[end] = 1;
    });
    index = runEnd;
  }

  const { urls, entities } = extractEntities(text);
  for (const url of urls) {
    unitWeights.fill(0, url.start, url.end);
    unitWeights[url.start] = URL_WEIGHTED_LENGTH;
  }

  const weightBefore = new Int32Array(length + 1);
  for (let position = 0; position < length; position++) {
    weightBefore[position + 1] = (weightBefore[position] ?? 0) + (unitWeights[position] ?? 0);
  }
  for (const entity of entities) {
    entity.weight = (weightBefore[entity.end] ?? 0) - (weightBefore[entity.start] ?? 0);
  }

  return { text, weightBefore, isGraphemeBoundary, entities };
}
