type Granularity = "grapheme" | "word" | "sentence";

const segmenters = new Map<string, Intl.Segmenter>();

/** Returns a cached `Intl.Segmenter`; throws a RangeError naming an invalid locale. */
export function getSegmenter(granularity: Granularity, locale?: string): Intl.Segmenter {
  const key = `${granularity} ${locale ?? ""}`;
  const cached = segmenters.get(key);
  if (cached) return cached;

  if (locale !== undefined) {
    try {
      Intl.getCanonicalLocales(locale);
    } catch {
      throw new RangeError(`Invalid locale "${locale}": use a BCP 47 language tag such as "en" or "ja".`);
    }
  }
  const segmenter = new Intl.Segmenter(locale, { granularity });
  segmenters.set(key, segmenter);

  return segmenter;
}

/**
 * Calls `visit` with the start and end (UTF-16 indices into `text`) of each
 * segment of `text.slice(start, end)`, where `start` must be a boundary.
 *
 * Iterating the segments of one long string costs time quadratic in its length
 * in V8 (measured on Node 20: 80,000 graphemes take over a second), so this
 * segments slices of about `chunkLength` code units. Each slice after the first
 * starts at the last segment of the one before, which the slice end may have
 * cut short. Graphemes come out exactly as for the whole text. Word and
 * sentence boundaries next to a slice end can differ, because their rules may
 * look further ahead than the slice reaches.
 */
export function forEachSegment(
  segmenter: Intl.Segmenter,
  text: string,
  start: number,
  end: number,
  chunkLength: number,
  visit: (segmentStart: number, segmentEnd: number, data: Intl.SegmentData) => void,
): void {
  let chunkStart = start;
  let length = chunkLength;

  while (chunkStart < end) {
    const chunkEnd = Math.min(end, chunkStart + length);
    let pending: Intl.SegmentData | undefined;
    let pendingStart = chunkStart;
    let count = 0;

    for (const data of segmenter.segment(text.slice(chunkStart, chunkEnd))) {
      if (pending) visit(pendingStart, pendingStart + pending.segment.length, pending);
      pending = data;
      pendingStart = chunkStart + data.index;
      count++;
    }

    if (chunkEnd === end) {
      if (pending) visit(pendingStart, pendingStart + pending.segment.length, pending);
      return;
    }
    if (count <= 1) {
      length *= 2;
      continue;
    }
    chunkStart = pendingStart;
    length = chunkLength;
  }
}

const SCAN_BACK_LIMIT = 64;

function isPlainAscii(codeUnit: number): boolean {
  return codeUnit < 0x80 && codeUnit !== 0x0d;
}

function isAsciiPairBoundary(text: string, position: number): boolean {
  return (
    position > 0 && isPlainAscii(text.charCodeAt(position - 1)) && isPlainAscii(text.charCodeAt(position))
  );
}

/** Returns the start of the grapheme that contains `index` (a UTF-16 index into `text`). */
export function graphemeStartAt(text: string, index: number): number {
  // Between two ASCII characters other than CR LF there is always a grapheme
  // boundary, so segmenting can start there instead of at the text's start.
  let from = index;
  const lowest = Math.max(1, index - SCAN_BACK_LIMIT);
  while (from > lowest && !isAsciiPairBoundary(text, from)) from--;
  if (!isAsciiPairBoundary(text, from)) from = 0;

  // The slice must hold the whole code point at `index`, because half a surrogate pair joins nothing.
  const end = index + ((text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
  const segment = getSegmenter("grapheme")
    .segment(text.slice(from, end))
    .containing(index - from);

  return segment ? from + segment.index : index;
}
