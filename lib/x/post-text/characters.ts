// Scripts written without spaces between words, where posts may end between
// two words that the word segmenter finds.
const UNSPACED_SCRIPT =
  /[\p{scx=Hani}\p{scx=Hira}\p{scx=Kana}\p{scx=Thai}\p{scx=Laoo}\p{scx=Khmr}\p{scx=Mymr}]/u;
export const UNSPACED_RUNS =
  /[\p{scx=Hani}\p{scx=Hira}\p{scx=Kana}\p{scx=Thai}\p{scx=Laoo}\p{scx=Khmr}\p{scx=Mymr}]+/gu;
// A post neither starts with closing punctuation or a prolonged sound mark nor ends with opening punctuation.
const CANNOT_START_POST = /[\p{Pe}\p{Pf}\p{Po}\p{Lm}]/u;
const CANNOT_END_POST = /[\p{Ps}\p{Pi}]/u;

const UNSPACED = 1;
const CANNOT_START = 2;
const CANNOT_END = 4;
const COMPUTED = 8;
let bmpFlags: Uint8Array | undefined;

function computeFlags(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  let flags = COMPUTED;
  if (UNSPACED_SCRIPT.test(character)) flags |= UNSPACED;
  if (CANNOT_START_POST.test(character)) flags |= CANNOT_START;
  if (CANNOT_END_POST.test(character)) flags |= CANNOT_END;

  return flags;
}

// Cached for the BMP because the splitter looks up both sides of every word boundary.
function characterFlags(codePoint: number): number {
  if (codePoint > 0xffff) return computeFlags(codePoint);

  bmpFlags ??= new Uint8Array(0x10000);
  let flags = bmpFlags[codePoint] ?? 0;
  if (flags === 0) {
    flags = computeFlags(codePoint);
    bmpFlags[codePoint] = flags;
  }

  return flags;
}

/** Checks whether the code point belongs to a script written without spaces between words (CJK, Thai and others). */
export function isUnspacedScript(codePoint: number): boolean {
  return (characterFlags(codePoint) & UNSPACED) !== 0;
}

/** Checks whether a post may start with the code point. */
export function canStartPost(codePoint: number): boolean {
  return (characterFlags(codePoint) & CANNOT_START) === 0;
}

/** Checks whether a post may end with the code point. */
export function canEndPost(codePoint: number): boolean {
  return (characterFlags(codePoint) & CANNOT_END) === 0;
}

/** Returns the code point that ends at `position`, a UTF-16 index into `text`. */
export function codePointBefore(text: string, position: number): number {
  const low = text.charCodeAt(position - 1);
  const isPair = low >= 0xdc00 && low <= 0xdfff && position >= 2;

  return text.codePointAt(isPair ? position - 2 : position - 1) ?? 0;
}
