import twitterText from "twitter-text";
import { describe, expect, it } from "vitest";
import { measurePost, normalizePostText } from "@/lib/x/post-text";

interface Case {
  name: string;
  text: string;
  weightedLength: number;
  valid: boolean;
}

const longUrl = `https://example.com/${"a".repeat(200)}`;

const cases: Case[] = [
  { name: "URL with scheme", text: "https://example.com", weightedLength: 23, valid: true },
  { name: "URL of 220 characters", text: longUrl, weightedLength: 23, valid: true },
  { name: "bare domain", text: "example.com", weightedLength: 23, valid: true },
  { name: "bare domain in a sentence", text: "see example.com now", weightedLength: 4 + 23 + 4, valid: true },
  { name: "bare domain with path", text: "www.example.co.uk/path", weightedLength: 23, valid: true },
  { name: "short country-code domain", text: "x.co", weightedLength: 23, valid: true },
  { name: "unknown TLD is plain text", text: "foo.notatld", weightedLength: 11, valid: true },
  { name: "email address is plain text", text: "user@example.com", weightedLength: 16, valid: true },
  { name: "domain right after CJK", text: "日本語example.com", weightedLength: 6 + 23, valid: true },
  { name: "emoji", text: "👍", weightedLength: 2, valid: true },
  { name: "emoji with skin tone", text: "👍🏽", weightedLength: 2, valid: true },
  { name: "flag", text: "🇯🇵", weightedLength: 2, valid: true },
  { name: "subdivision flag", text: "🏴󠁧󠁢󠁳󠁣󠁴󠁿", weightedLength: 2, valid: true },
  { name: "ZWJ family", text: "👨‍👩‍👧‍👦", weightedLength: 2, valid: true },
  { name: "ZWJ rainbow flag", text: "🏳️‍🌈", weightedLength: 2, valid: true },
  { name: "keycap digit", text: "1️⃣", weightedLength: 2, valid: true },
  { name: "keycap number sign", text: "#️⃣", weightedLength: 2, valid: true },
  { name: "emoji presentation selector", text: "❤️", weightedLength: 2, valid: true },
  { name: "newer single emoji", text: "🫠", weightedLength: 2, valid: true },
  // Sequences newer than twitter-text's emoji data count per part (X counts 2 each).
  { name: "newer ZWJ black bird", text: "🐦‍⬛", weightedLength: 2 + 1 + 2, valid: true },
  { name: "newer ZWJ heart on fire", text: "❤️‍🔥", weightedLength: 2 + 1 + 2, valid: true },
  { name: "newer ZWJ family", text: "🧑‍🧑‍🧒", weightedLength: 2 + 1 + 2 + 1 + 2, valid: true },
  { name: "CJK at 140 characters", text: "日".repeat(140), weightedLength: 280, valid: true },
  { name: "CJK at 141 characters", text: "日".repeat(141), weightedLength: 282, valid: false },
  { name: "Hangul syllables", text: "한국어", weightedLength: 6, valid: true },
  { name: "Latin accents", text: "Crème brûlée", weightedLength: 12, valid: true },
  { name: "punctuation in light ranges", text: "—’", weightedLength: 2, valid: true },
  { name: "ellipsis and euro are heavy", text: "…€", weightedLength: 4, valid: true },
  { name: "280 ASCII characters", text: "a".repeat(280), weightedLength: 280, valid: true },
  { name: "281 ASCII characters", text: "a".repeat(281), weightedLength: 281, valid: false },
  { name: "279 characters and a newline", text: `${"a".repeat(279)}\n`, weightedLength: 279, valid: true },
  { name: "U+FFFE", text: "abc\uFFFEdef", weightedLength: 8, valid: false },
  { name: "U+FEFF", text: "abc\uFEFFdef", weightedLength: 8, valid: false },
  { name: "U+FFFF", text: "abc\uFFFFdef", weightedLength: 8, valid: false },
  { name: "empty text", text: "", weightedLength: 0, valid: false },
  { name: "white space only", text: " \n\t ", weightedLength: 0, valid: false },
];

describe("measurePost table", () => {
  it.each(cases)("$name", ({ text, weightedLength, valid }) => {
    const measured = measurePost(text);

    expect(measured.weightedLength).toBe(weightedLength);
    expect(measured.valid).toBe(valid);
    expect(measured.remaining).toBe(280 - weightedLength);
    expect(measured.maxWeightedLength).toBe(280);
  });

  it.each(cases.filter(({ text }) => text === normalizePostText(text)))(
    "$name matches parseTweet",
    ({ text }) => {
      const parsed = twitterText.parseTweet(text);

      expect(measurePost(text).weightedLength).toBe(parsed.weightedLength);
      expect(measurePost(text).valid).toBe(parsed.valid);
    },
  );
});

describe("measurePost reasons", () => {
  it("reports empty text", () => {
    expect(measurePost("").invalidReason).toBe("empty");
    expect(measurePost("  \n").invalidReason).toBe("empty");
  });

  it.each(["\uFFFE", "\uFEFF", "\uFFFF"])("reports invalid character %j", (character) => {
    const measured = measurePost(`abc${character}def`);

    expect(measured.invalidReason).toBe("invalid_character");
    expect(measured.validPrefixLength).toBe(3);
  });

  it("reports invalid character at start", () => {
    expect(measurePost("\uFEFFabc").validPrefixLength).toBe(0);
  });

  it("keeps trailing invalid character", () => {
    const measured = measurePost("abc\uFEFF");

    expect(measured.text).toBe("abc\uFEFF");
    expect(measured.valid).toBe(false);
  });

  it("reports too long text", () => {
    const measured = measurePost("a".repeat(300));

    expect(measured.invalidReason).toBe("too_long");
    expect(measured.remaining).toBe(-20);
  });
});

describe("measurePost validPrefixLength", () => {
  it("is the whole text when valid", () => {
    expect(measurePost("hello 👍🏽").validPrefixLength).toBe("hello 👍🏽".length);
  });

  it("stops before CJK overflow", () => {
    expect(measurePost("日".repeat(141)).validPrefixLength).toBe(140);
  });

  it("keeps an emoji that does not fit out", () => {
    expect(measurePost(`${"a".repeat(279)}👍`).validPrefixLength).toBe(279);
  });

  it("keeps a URL that does not fit out", () => {
    expect(measurePost(`${"a".repeat(260)} https://example.com`).validPrefixLength).toBe(261);
  });

  it("never ends inside a grapheme", () => {
    // The bird and the joiner fit (277 + 2 + 1), the black square does not.
    const measured = measurePost(`${"a".repeat(277)}🐦‍⬛`);

    expect(measured.weightedLength).toBe(282);
    expect(measured.validPrefixLength).toBe(277);
  });

  it("counts UTF-16 units of normalised text", () => {
    const nfd = `${"e\u0301".repeat(281)}`;
    const measured = measurePost(nfd);

    expect(measured.text.length).toBe(281);
    expect(measured.validPrefixLength).toBe(280);
  });
});

describe("measurePost normalisation", () => {
  it("counts NFC and NFD alike", () => {
    const nfc = "Crème brûlée, naïve café, 한국어".normalize("NFC");
    const nfd = nfc.normalize("NFD");

    expect(nfd).not.toBe(nfc);
    expect(measurePost(nfd).weightedLength).toBe(measurePost(nfc).weightedLength);
    expect(measurePost(nfd).text).toBe(nfc);
  });

  it("counts NFD Hangul as syllables", () => {
    // Decomposed jamo sit in the light range (weight 1), composed syllables do not (weight 2).
    expect(measurePost("한국어".normalize("NFD")).weightedLength).toBe(6);
  });

  it("accepts 279 characters plus newline", () => {
    const measured = measurePost(`${"a".repeat(279)}\n`);

    expect(measured.text).toBe("a".repeat(279));
    expect(measured.remaining).toBe(1);
  });
});

describe("measurePost maxWeightedLength", () => {
  it("raises the limit", () => {
    const text = "a".repeat(1000);

    expect(measurePost(text).valid).toBe(false);
    expect(measurePost(text, { maxWeightedLength: 25_000 }).valid).toBe(true);
    expect(measurePost(text, { maxWeightedLength: 25_000 }).remaining).toBe(24_000);
  });

  it("still counts URLs as 23", () => {
    const measured = measurePost(`${longUrl} ${"a".repeat(300)}`, { maxWeightedLength: 4000 });

    expect(measured.weightedLength).toBe(23 + 1 + 300);
  });

  it.each([0, 49, 280.5, Number.NaN])("rejects limit %s", (maxWeightedLength) => {
    expect(() => measurePost("a", { maxWeightedLength })).toThrow(RangeError);
  });
});

describe("normalizePostText", () => {
  it("unifies line endings", () => {
    expect(normalizePostText("a\r\nb\rc\u2028d\u2029e\u0085f")).toBe("a\nb\nc\nd\ne\nf");
  });

  it("trims white space at line ends", () => {
    expect(normalizePostText("one \t\ntwo\u00a0\nthree\u3000")).toBe("one\ntwo\nthree");
  });

  it("drops blank lines at both ends", () => {
    expect(normalizePostText(" \n\n  indented\n\nlast\n \n")).toBe("  indented\n\nlast");
  });

  it("keeps blank lines inside", () => {
    expect(normalizePostText("a\n\n\nb")).toBe("a\n\n\nb");
  });

  it("composes to NFC", () => {
    expect(normalizePostText("e\u0301")).toBe("\u00e9");
  });

  it("replaces lone surrogates", () => {
    expect(normalizePostText("a\uD800b")).toBe("a\uFFFDb");
  });

  it("returns normalised text unchanged", () => {
    const text = "Hello 👋\n\nSecond paragraph.";

    expect(normalizePostText(text)).toBe(text);
  });

  it("is idempotent", () => {
    const once = normalizePostText(" x \r\n\r\n y\u2028 ");

    expect(normalizePostText(once)).toBe(once);
  });
});

describe("measurePost cache", () => {
  it("returns the cached result", () => {
    const text = "cached text 👍";

    expect(measurePost(text)).toBe(measurePost(text));
    expect(Object.isFrozen(measurePost(text))).toBe(true);
  });

  it("keys results by limit", () => {
    const text = "a".repeat(300);

    expect(measurePost(text).valid).toBe(false);
    expect(measurePost(text, { maxWeightedLength: 1000 }).valid).toBe(true);
    expect(measurePost(text).valid).toBe(false);
  });
});
