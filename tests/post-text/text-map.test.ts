import fc from "fast-check";
import twitterText from "twitter-text";
import { describe, expect, it } from "vitest";
import { forEachSegment, getSegmenter, graphemeStartAt } from "@/lib/x/post-text/segment";
import { mapText } from "@/lib/x/post-text/text-map";

// Characters that join into graphemes in different ways, plus plain ones between them.
const trickyUnits = fc.constantFrom(
  "a",
  " ",
  "\n",
  "\r",
  "\u00a9",
  "\u0301",
  "\u0323",
  "\u200d",
  "\ufe0f",
  "\u20e3",
  "\u0600",
  "\u0d4e",
  "\u0e01",
  "\u0e33",
  "\u0915",
  "\u094d",
  "\u1100",
  "\u1161",
  "\u11a8",
  "\uac00",
  "\u65e5",
  "\u3099",
  "👍",
  "🏽",
  "🇯",
  "🇵",
  "👨",
  "⬛",
  "🐦",
);
const trickyText = fc
  .array(trickyUnits, { minLength: 1, maxLength: 60 })
  .map((units) => units.join("").normalize("NFC"));

function segmenterBoundaries(text: string): number[] {
  return [...new Intl.Segmenter().segment(text)].map(({ index }) => index).concat(text.length);
}

function mapBoundaries(text: string): number[] {
  const { isGraphemeBoundary } = mapText(text);

  return [...isGraphemeBoundary.keys()].filter((index) => isGraphemeBoundary[index] === 1);
}

describe("mapText", () => {
  it("finds the segmenter's graphemes", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expect(mapBoundaries(text)).toEqual(segmenterBoundaries(text));
      }),
      { numRuns: 500 },
    );
  });

  it("weighs text as parseTweet does", () => {
    const samples = [
      "Hello world, see https://example.com/path and example.org today.",
      "日本語のテキスト。한국어 텍스트. Crème brûlée… €5",
      "Emoji 👍🏽 🇯🇵 👨‍👩‍👧‍👦 1️⃣ ❤️ 🐦‍⬛ 🧑‍🧑‍🧒 and q\u0307\u0323 marks",
      "@mention #hashtag $CASH\n\nnew paragraph\twith tab",
    ];
    for (const text of samples) {
      expect(mapText(text).weightBefore[text.length]).toBe(twitterText.parseTweet(text).weightedLength);
    }
  });

  it("records entities with weights", () => {
    const text = "Visit https://example.com/a-long-path with @someone";
    const { entities } = mapText(text);

    expect(entities.map(({ start, end, weight }) => [text.slice(start, end), weight])).toEqual([
      ["https://example.com/a-long-path", 23],
      ["@someone", 8],
    ]);
  });
});

describe("forEachSegment", () => {
  it("matches whole-text graphemes", () => {
    const text = "👨‍👩‍👧‍👦q\u0307\u0323🇯🇵".repeat(40);
    const chunked: number[] = [];
    forEachSegment(getSegmenter("grapheme"), text, 0, text.length, 16, (start) => chunked.push(start));

    expect(chunked.concat(text.length)).toEqual(segmenterBoundaries(text));
  });

  it("widens for a long grapheme", () => {
    const text = `a${"\u0301".repeat(100)}b`;
    const segments: string[] = [];
    forEachSegment(getSegmenter("grapheme"), text, 0, text.length, 8, (start, end) =>
      segments.push(text.slice(start, end)),
    );

    expect(segments).toEqual([text.slice(0, 101), "b"]);
  });
});

describe("graphemeStartAt", () => {
  it("finds the start inside an emoji", () => {
    const text = "ab👨‍👩‍👧‍👦cd";

    expect(graphemeStartAt(text, 5)).toBe(2);
    expect(graphemeStartAt(text, 13)).toBe(13);
  });

  it("scans back past long runs", () => {
    const text = `${"日".repeat(100)}👍🏽`;

    expect(graphemeStartAt(text, 102)).toBe(100);
  });
});
