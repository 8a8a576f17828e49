import twitterText, { type ParseTweetOptions } from "twitter-text";
import { graphemeStartAt } from "./segment";

/** X's limit for a standard account, in weighted characters. */
export const DEFAULT_MAX_WEIGHTED_LENGTH = 280;

/**
 * The lowest `maxWeightedLength` accepted, so that one URL (23) plus thread
 * numbering always fits in a post.
 */
export const MIN_MAX_WEIGHTED_LENGTH = 50;

export interface MeasureOptions {
  /** Limit in weighted characters; accounts allowed longer posts raise it above 280. */
  maxWeightedLength?: number;
}

export type InvalidPostReason = "empty" | "invalid_character" | "too_long";

export interface PostMeasurement {
  /** The normalised text that was counted: the exact string to store and send. */
  text: string;
  weightedLength: number;
  maxWeightedLength: number;
  /** `maxWeightedLength - weightedLength`; negative when the text is too long. */
  remaining: number;
  valid: boolean;
  /** Reason the text is invalid, or null. Empty text comes first, then invalid characters, then length. */
  invalidReason: InvalidPostReason | null;
  /**
   * Length, in UTF-16 code units of `text`, of the longest prefix that is within
   * the limit and free of invalid characters. It ends on a grapheme boundary, so
   * `text.slice(validPrefixLength)` is the part to highlight as overflow.
   */
  validPrefixLength: number;
}

type TwitterTextConfigs = { configs?: { version3?: ParseTweetOptions } };

function loadVersion3Config(): ParseTweetOptions {
  const config = (twitterText as unknown as TwitterTextConfigs).configs?.version3;
  if (!config || config.version !== 3) {
    throw new Error("twitter-text has no version 3 config. Install twitter-text 3.x.");
  }

  return config;
}

const VERSION_3_CONFIG = loadVersion3Config();

/** The weight of every URL, whatever its length. */
export const URL_WEIGHTED_LENGTH = VERSION_3_CONFIG.transformedURLLength ?? 23;

const configsByLimit = new Map<number, ParseTweetOptions>([[DEFAULT_MAX_WEIGHTED_LENGTH, VERSION_3_CONFIG]]);

/** Returns the version 3 config with the given limit, validating the limit. */
export function parseTweetConfig(maxWeightedLength: number): ParseTweetOptions {
  const cached = configsByLimit.get(maxWeightedLength);
  if (cached) return cached;

  if (!Number.isSafeInteger(maxWeightedLength) || maxWeightedLength < MIN_MAX_WEIGHTED_LENGTH) {
    throw new RangeError(
      `Invalid maxWeightedLength ${String(maxWeightedLength)}: use a whole number of at least ${MIN_MAX_WEIGHTED_LENGTH}.`,
    );
  }
  const config = { ...VERSION_3_CONFIG, maxWeightedTweetLength: maxWeightedLength };
  configsByLimit.set(maxWeightedLength, config);

  return config;
}

/** The characters twitter-text rejects in a post: U+FFFE, U+FEFF and U+FFFF. */
export const INVALID_CHARACTERS = /[\uFFFE\uFEFF\uFFFF]/;

/** Weight of a single code point outside any URL or emoji, as the version 3 config ranges give it. */
export function codePointWeight(codePoint: number): number {
  const scale = VERSION_3_CONFIG.scale ?? 1;
  for (const range of VERSION_3_CONFIG.ranges ?? []) {
    if (codePoint >= range.start && codePoint <= range.end) return range.weight / scale;
  }

  return (VERSION_3_CONFIG.defaultWeight ?? scale) / scale;
}

/** Checks whether a UTF-16 code unit is Unicode White_Space, which unlike JavaScript's `\s` leaves out U+FEFF. */
export function isWhiteSpace(codeUnit: number): boolean {
  if (codeUnit <= 0x20) return codeUnit === 0x20 || (codeUnit >= 0x09 && codeUnit <= 0x0d);
  if (codeUnit < 0x85) return false;

  return (
    codeUnit === 0x85 ||
    codeUnit === 0xa0 ||
    codeUnit === 0x1680 ||
    (codeUnit >= 0x2000 && codeUnit <= 0x200a) ||
    codeUnit === 0x2028 ||
    codeUnit === 0x2029 ||
    codeUnit === 0x202f ||
    codeUnit === 0x205f ||
    codeUnit === 0x3000
  );
}

const LINE_ENDINGS = /\r\n?|[\u0085\u2028\u2029]/g;

// True when the text has a line ending other than LF, white space before a
// line end or at the end, or a blank first line. A loop is several times
// faster than one regular expression here, which matters for per-keystroke counts.
function needsLineWork(text: string): boolean {
  const length = text.length;
  if (length === 0) return false;
  if (isWhiteSpace(text.charCodeAt(length - 1))) return true;

  for (let index = 0; index < length; index++) {
    const codeUnit = text.charCodeAt(index);
    if (codeUnit === 0x0a) return true;
    if (!isWhiteSpace(codeUnit)) break;
  }

  let previous = 0;
  for (let index = 0; index < length; index++) {
    const codeUnit = text.charCodeAt(index);
    if (codeUnit === 0x0d || codeUnit === 0x85 || codeUnit === 0x2028 || codeUnit === 0x2029) return true;
    if (codeUnit === 0x0a && previous !== 0x0a && isWhiteSpace(previous)) return true;
    previous = codeUnit;
  }

  return false;
}

function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && isWhiteSpace(line.charCodeAt(end - 1))) end--;

  return end === line.length ? line : line.slice(0, end);
}

/**
 * Normalises post text into the exact string that is counted, stored and sent.
 *
 * Lone surrogates become U+FFFD, as UTF-8 encoding would make them, and the
 * text is put in Unicode NFC. CR LF, CR, NEL, U+2028 and U+2029 become LF.
 * Trailing white space is removed from every line, not only the last, because
 * it is invisible and still counts. Blank lines at the start and end are
 * dropped, but the first line keeps its indentation. Invalid characters
 * (U+FFFE, U+FEFF, U+FFFF) are kept so that `measurePost` can report them.
 */
export function normalizePostText(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  const composed = wellFormed.normalize("NFC");
  if (!needsLineWork(composed)) return composed;

  const lines = composed.replace(LINE_ENDINGS, "\n").split("\n").map(trimLineEnd);
  let first = 0;
  while (first < lines.length && lines[first] === "") first++;
  let last = lines.length;
  while (last > first && lines[last - 1] === "") last--;

  return lines.slice(first, last).join("\n");
}

/** Measures text that is already normalised; `measurePost` and the splitter share it. */
export function measureNormalized(text: string, maxWeightedLength: number): PostMeasurement {
  const parsed = twitterText.parseTweet(text, parseTweetConfig(maxWeightedLength));
  const weightedLength = parsed.weightedLength;
  const remaining = maxWeightedLength - weightedLength;

  let invalidReason: InvalidPostReason | null = null;
  if (text.length === 0) invalidReason = "empty";
  else if (INVALID_CHARACTERS.test(text)) invalidReason = "invalid_character";
  else if (remaining < 0) invalidReason = "too_long";

  return {
    text,
    weightedLength,
    maxWeightedLength,
    remaining,
    valid: invalidReason === null,
    invalidReason,
    validPrefixLength:
      invalidReason === null ? text.length : findValidPrefixLength(text, parsed.validRangeEnd),
  };
}

// twitter-text's validRangeEnd is the inclusive index of the last code unit
// that fits, and also 0 when nothing fits, so index 0 needs its own check.
function findValidPrefixLength(text: string, validRangeEnd: number): number {
  if (text.length === 0 || INVALID_CHARACTERS.test(text.charAt(0))) return 0;

  const end = Math.min(validRangeEnd + 1, text.length);

  return end === text.length ? end : graphemeStartAt(text, end);
}

const CACHE_SIZE = 256;
const CACHE_MAX_TEXT_LENGTH = 4096;
const recentMeasurements = new Map<string, PostMeasurement>();

/**
 * Measures a post as X counts it: twitter-text 3.1 `parseTweet` with the
 * version 3 config, applied to `normalizePostText(text)`. Emoji sequences
 * newer than twitter-text's data count more than X counts them.
 *
 * The result is frozen and shared: the last 256 texts measured are cached, so
 * that re-measuring a thread after an edit to one post parses only that post.
 * Throws a RangeError when `maxWeightedLength` is not a whole number of at least 50.
 */
export function measurePost(text: string, options: MeasureOptions = {}): Readonly<PostMeasurement> {
  const maxWeightedLength = options.maxWeightedLength ?? DEFAULT_MAX_WEIGHTED_LENGTH;
  const cached = recentMeasurements.get(text);
  if (cached && cached.maxWeightedLength === maxWeightedLength) return cached;

  const measured = Object.freeze(measureNormalized(normalizePostText(text), maxWeightedLength));
  if (text.length <= CACHE_MAX_TEXT_LENGTH) {
    if (recentMeasurements.size >= CACHE_SIZE) {
      const oldest = recentMeasurements.keys().next();
      if (!oldest.done) recentMeasurements.delete(oldest.value);
    }
    recentMeasurements.set(text, measured);
  }

  return measured;
}
