import fc from "fast-check";
import twitterText from "twitter-text";
import { describe, expect, it } from "vitest";
import { measurePost, normalizePostText, splitIntoPosts, type SplitOptions } from "@/lib/x/post-text";

const letters = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzéüßø");
const word = fc.string({ unit: letters, minLength: 1, maxLength: 12 });
const longWord = fc.string({ unit: letters, minLength: 250, maxLength: 700 });
const cjk = fc.string({
  unit: fc.constantFrom(..."日本語漢字東京大阪これはテストですー、。！？我们去图书馆"),
  minLength: 1,
  maxLength: 80,
});
const emoji = fc.constantFrom(
  "👍",
  "👍🏽",
  "🇯🇵",
  "🇺🇸",
  "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "1️⃣",
  "#️⃣",
  "❤️",
  "🐦‍⬛",
  "🧑‍🧑‍🧒",
  "🫱🏻‍🫲🏿",
  "🫠",
);
const url = fc.oneof(
  fc.constantFrom("https://example.com", "example.org/docs", "http://x.co/abc", "www.example.co.uk/a?b=c"),
  fc.string({ unit: letters, minLength: 1, maxLength: 400 }).map((path) => `https://example.com/${path}`),
);
const mention = fc
  .string({ unit: fc.constantFrom(..."abcxyz_019"), minLength: 1, maxLength: 15 })
  .map((name) => `@${name}`);
const hashtag = word.map((tag) => `#${tag}`);
const cashtag = fc
  .string({ unit: fc.constantFrom(..."ABCXYZ"), minLength: 1, maxLength: 6 })
  .map((symbol) => `$${symbol}`);
const longMixedWord = fc
  .array(fc.oneof(letters, emoji, fc.constantFrom("q\u0307\u0323", "日", "한", "\u0915\u094d\u0937")), {
    minLength: 100,
    maxLength: 300,
  })
  .map((pieces) => pieces.join(""));
const anyGraphemes = fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 });
const separator = fc.constantFrom(
  " ",
  " ",
  " ",
  " ",
  "  ",
  "\n",
  "\n\n",
  "\t",
  ". ",
  "! ",
  "? ",
  ", ",
  "\n---\n",
  "\r\n",
);

const token = fc.oneof(
  { arbitrary: word, weight: 10 },
  { arbitrary: longWord, weight: 1 },
  { arbitrary: longMixedWord, weight: 1 },
  { arbitrary: cjk, weight: 3 },
  { arbitrary: emoji, weight: 3 },
  { arbitrary: url, weight: 2 },
  { arbitrary: mention, weight: 1 },
  { arbitrary: hashtag, weight: 1 },
  { arbitrary: cashtag, weight: 1 },
  { arbitrary: anyGraphemes, weight: 1 },
);

const text = fc
  .array(fc.tuple(token, separator), { minLength: 1, maxLength: 120, size: "max" })
  .map((pairs) => pairs.map(([value, after]) => value + after).join(""));

const options: fc.Arbitrary<SplitOptions> = fc.record({
  numbering: fc.constantFrom("none", "prefix", "suffix") as fc.Arbitrary<SplitOptions["numbering"]>,
  maxWeightedLength: fc.constantFrom(50, 90, 280),
  locale: fc.constantFrom("en", "ja", "zh"),
});

const graphemeSegmenter = new Intl.Segmenter();
const isWhiteSpace = (value: string) => /^\p{White_Space}*$/u.test(value);
const nonSpaceGraphemes = (value: string) =>
  [...graphemeSegmenter.segment(value)]
    .map(({ segment }) => segment)
    .filter((segment) => !isWhiteSpace(segment));

/** The text the posts must carry: normalised, without invalid characters or `---` lines. */
function expectedContent(input: string): string {
  return normalizePostText(input.replace(/[\uFFFE\uFEFF\uFFFF]/gu, "")).replace(/^[ \t]*---[ \t]*$/gmu, "");
}

function stripNumbering(posts: string[], numbering: SplitOptions["numbering"]): string[] {
  if (numbering === "none" || posts.length < 2) return posts;

  return posts.map((post, index) => {
    const label = `${index + 1}/${posts.length}`;
    if (numbering === "prefix") {
      expect(post.startsWith(`${label} `)).toBe(true);
      return post.slice(label.length + 1);
    }
    expect(post.endsWith(` ${label}`)).toBe(true);
    return post.slice(0, -label.length - 1);
  });
}

const runs = { numRuns: 200 };

describe("splitIntoPosts properties", () => {
  it("makes only valid posts", () => {
    fc.assert(
      fc.property(text, options, (input, splitOptions) => {
        for (const post of splitIntoPosts(input, splitOptions)) {
          const measured = measurePost(post, { maxWeightedLength: splitOptions.maxWeightedLength });
          expect(measured.valid).toBe(true);
          expect(measured.text).toBe(post);
        }
      }),
      runs,
    );
  });

  it("keeps the words in order", () => {
    fc.assert(
      fc.property(text, options, (input, splitOptions) => {
        const bodies = stripNumbering(splitIntoPosts(input, splitOptions), splitOptions.numbering);
        const withoutSpace = (value: string) => value.replace(/\p{White_Space}+/gu, "");

        expect(withoutSpace(bodies.join(""))).toBe(withoutSpace(expectedContent(input)));
      }),
      runs,
    );
  });

  it("breaks no grapheme", () => {
    fc.assert(
      fc.property(text, options, (input, splitOptions) => {
        const bodies = stripNumbering(splitIntoPosts(input, splitOptions), splitOptions.numbering);

        expect(bodies.flatMap(nonSpaceGraphemes)).toEqual(nonSpaceGraphemes(expectedContent(input)));
      }),
      runs,
    );
  });

  it("breaks no URL or other entity", () => {
    fc.assert(
      fc.property(text, options, (input, splitOptions) => {
        const content = expectedContent(input);
        const bodies = stripNumbering(splitIntoPosts(input, splitOptions), splitOptions.numbering);
        const limit = splitOptions.maxWeightedLength ?? 280;
        const entities = twitterText
          .extractEntitiesWithIndices(content)
          .map(({ indices }) => content.slice(...indices));

        for (const entity of entities) {
          // Entities heavier than half a post may be cut like any long word.
          if (measurePost(entity).weightedLength > limit / 2 - 10) continue;
          expect(bodies.some((body) => body.includes(entity))).toBe(true);
        }
      }),
      runs,
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(text, options, (input, splitOptions) => {
        expect(splitIntoPosts(input, splitOptions)).toEqual(splitIntoPosts(input, splitOptions));
      }),
      { numRuns: 50 },
    );
  });
});
