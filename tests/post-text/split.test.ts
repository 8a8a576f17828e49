import { describe, expect, it } from "vitest";
import { measurePost, normalizePostText, splitIntoPosts } from "@/lib/x/post-text";

const sentence = (index: number) => `Sentence number ${index} says something useful about the topic.`;
const paragraph = (from: number, count: number) =>
  Array.from({ length: count }, (_, offset) => sentence(from + offset)).join(" ");

function expectValidPosts(posts: string[], maxWeightedLength = 280) {
  for (const post of posts) {
    const measured = measurePost(post, { maxWeightedLength });
    expect(measured.valid, `invalid post: ${JSON.stringify(post)}`).toBe(true);
    expect(measured.text).toBe(post);
  }
}

const withoutSpace = (text: string) => text.replace(/\s+/gu, "");

describe("splitIntoPosts basics", () => {
  it("returns short text as one post", () => {
    expect(splitIntoPosts("Hello, world.")).toEqual(["Hello, world."]);
  });

  it("returns no posts for empty text", () => {
    expect(splitIntoPosts("")).toEqual([]);
    expect(splitIntoPosts(" \n\n\t")).toEqual([]);
  });

  it("normalises the text", () => {
    expect(splitIntoPosts("Cafe\u0301  \r\nnext line\r\n")).toEqual(["Café\nnext line"]);
  });

  it("numbers no single post", () => {
    expect(splitIntoPosts("Short.", { numbering: "suffix" })).toEqual(["Short."]);
  });

  it("is deterministic", () => {
    const text = `${paragraph(1, 12)}\n\n${paragraph(20, 7)}`;

    expect(splitIntoPosts(text, { numbering: "prefix" })).toEqual(
      splitIntoPosts(text, { numbering: "prefix" }),
    );
  });

  it("removes invalid characters", () => {
    const posts = splitIntoPosts(`a\uFEFFb c\uFFFE ${"word ".repeat(80)}\uFFFF`);

    expectValidPosts(posts);
    expect(posts[0]?.startsWith("ab c word")).toBe(true);
  });
});

describe("splitIntoPosts break preference", () => {
  it("breaks at a paragraph end", () => {
    const first = paragraph(1, 3);
    const second = paragraph(4, 3);
    const posts = splitIntoPosts(`${first}\n\n${second}`);

    expect(posts).toEqual([first, second]);
  });

  it("breaks at a sentence end", () => {
    const posts = splitIntoPosts(paragraph(1, 9));

    expectValidPosts(posts);
    for (const post of posts) expect(post.endsWith("topic.")).toBe(true);
  });

  it("breaks at a space otherwise", () => {
    const words = Array.from({ length: 120 }, (_, index) => `w${index}`).join(" ");
    const posts = splitIntoPosts(words);

    expectValidPosts(posts);
    expect(posts.join(" ")).toBe(words);
    expect(measurePost(posts[0] ?? "").weightedLength).toBeGreaterThan(270);
  });

  it("keeps line breaks inside a post", () => {
    const list = "Three things:\n- one\n- two\n- three";
    const posts = splitIntoPosts(`${list}\n\n${paragraph(1, 8)}`);

    expectValidPosts(posts);
    expect(posts[0]?.startsWith(`${list}\n\nSentence number 1`)).toBe(true);
  });

  it("forces a break at ---", () => {
    const posts = splitIntoPosts("First part.\n---\nSecond part.\n  ---  \n\nThird part.");

    expect(posts).toEqual(["First part.", "Second part.", "Third part."]);
  });

  it("keeps --- inside a line", () => {
    expect(splitIntoPosts("a --- b\n----\nc")).toEqual(["a --- b\n----\nc"]);
  });

  it("drops empty sections around ---", () => {
    expect(splitIntoPosts("---\n\nOnly.\n---\n---")).toEqual(["Only."]);
  });

  it("breaks Japanese at sentence ends", () => {
    const text = "今日は天気がとても良いので、公園まで散歩に出かけました。".repeat(12);
    const posts = splitIntoPosts(text, { locale: "ja" });

    expectValidPosts(posts);
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) expect(post.endsWith("。")).toBe(true);
    expect(posts.join("")).toBe(text);
  });

  it("breaks Chinese at sentence ends", () => {
    const text = "我们今天去了图书馆！你想一起来吗？明天我们还会再去。".repeat(12);
    const posts = splitIntoPosts(text, { locale: "zh" });

    expectValidPosts(posts);
    for (const post of posts) expect(post).toMatch(/[。！？]$/u);
    expect(posts.join("")).toBe(text);
  });

  it("breaks long Japanese sentences between words", () => {
    const text = `${"東京の大きな図書館で新しい本を読みながら静かな午後を過ごす".repeat(12)}。`;
    const posts = splitIntoPosts(text, { locale: "ja" });

    expectValidPosts(posts);
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.join("")).toBe(text);
    for (const post of posts.slice(1)) expect(post).not.toMatch(/^[。、ー]/u);
  });
});

describe("splitIntoPosts entities", () => {
  const filler = (count: number) => "x ".repeat(count);

  it.each([
    ["URL", "https://example.com/some/long/path?query=value"],
    ["bare domain", "docs.example.org/guide"],
    ["mention", "@someone_here"],
    ["hashtag", "#LongHashtagName"],
    ["cashtag", "$AAPL"],
  ])("never breaks a %s", (_name, entity) => {
    for (let count = 100; count < 150; count++) {
      const posts = splitIntoPosts(`${filler(count)}${entity} ${filler(60)}`);
      expectValidPosts(posts);
      expect(posts.some((post) => post.includes(entity))).toBe(true);
    }
  });

  it("never breaks a mention in Japanese", () => {
    const text = `${"日本語の文章です".repeat(16)}@someone_here${"続きの文章です".repeat(20)}`;
    const posts = splitIntoPosts(text, { locale: "ja" });

    expectValidPosts(posts);
    expect(posts.some((post) => post.includes("@someone_here"))).toBe(true);
  });

  it("counts a long URL as 23", () => {
    const url = `https://example.com/${"a".repeat(500)}`;
    const posts = splitIntoPosts(`${"word ".repeat(40)}${url} ${"word ".repeat(40)}`);

    expectValidPosts(posts);
    expect(posts.some((post) => post.includes(url))).toBe(true);
  });
});

describe("splitIntoPosts long words", () => {
  it("splits a word longer than a post", () => {
    const word = "a".repeat(400);
    const posts = splitIntoPosts(word);

    expectValidPosts(posts);
    expect(posts.join("")).toBe(word);
  });

  it("splits a long word at graphemes", () => {
    const word = "👍🏽🇯🇵👨‍👩‍👧‍👦".repeat(100);
    const posts = splitIntoPosts(word);

    expectValidPosts(posts);
    expect(posts.join("")).toBe(word);
    const graphemes = new Intl.Segmenter();
    for (const post of posts) {
      const pieces = [...graphemes.segment(post)].map(({ segment }) => segment);
      expect(pieces.every((piece) => ["👍🏽", "🇯🇵", "👨‍👩‍👧‍👦"].includes(piece))).toBe(true);
    }
  });

  it("starts a long word in the current post", () => {
    const posts = splitIntoPosts(`Before ${"x".repeat(400)}`);

    expectValidPosts(posts);
    expect(posts).toHaveLength(2);
    expect(posts[0]?.startsWith("Before x")).toBe(true);
  });

  it("splits a grapheme heavier than a post", () => {
    const heavy = `a${"\u0301\u0302".repeat(200)}`;
    const posts = splitIntoPosts(heavy);

    expectValidPosts(posts);
    expect(posts.join("")).toBe(normalizePostText(heavy));
  });
});

describe("splitIntoPosts numbering", () => {
  const text = paragraph(1, 30);

  it("adds suffix numbering", () => {
    const posts = splitIntoPosts(text, { numbering: "suffix" });

    expectValidPosts(posts);
    posts.forEach((post, index) => expect(post.endsWith(` ${index + 1}/${posts.length}`)).toBe(true));
  });

  it("adds prefix numbering", () => {
    const posts = splitIntoPosts(text, { numbering: "prefix" });

    expectValidPosts(posts);
    posts.forEach((post, index) => expect(post.startsWith(`${index + 1}/${posts.length} `)).toBe(true));
  });

  it("reserves width before packing", () => {
    const words = "abcd ".repeat(56 * 9).trim();
    const plain = splitIntoPosts(words);
    const numbered = splitIntoPosts(words, { numbering: "suffix" });

    expectValidPosts(numbered);
    expect(numbered.length).toBeGreaterThan(plain.length);
  });

  it("reserves width for two-digit totals", () => {
    // 138 one-letter words weigh 275, within the 276 that " 9/9" leaves, so 9 posts
    // hold 1242 words. One more needs a tenth post, and " 10/10" leaves room for 137 a post.
    const words = "a ".repeat(9 * 138 + 1).trim();
    const posts = splitIntoPosts(words, { numbering: "suffix" });

    expectValidPosts(posts);
    expect(posts).toHaveLength(10);
    posts.forEach((post, index) => expect(post.endsWith(` ${index + 1}/${posts.length}`)).toBe(true));
    expect(measurePost(posts[9] ?? "").weightedLength).toBeLessThanOrEqual(280);
  });

  it("uses one digit for nine posts", () => {
    const posts = splitIntoPosts("a ".repeat(9 * 138).trim(), { numbering: "suffix" });

    expectValidPosts(posts);
    expect(posts).toHaveLength(9);
    expect(posts.map((post) => measurePost(post).weightedLength)).toEqual(Array(9).fill(279));
  });

  it("keeps numbering outside entities", () => {
    const posts = splitIntoPosts(`${paragraph(1, 6)} https://example.com/end`, { numbering: "suffix" });

    expectValidPosts(posts);
    expect(posts.at(-1)).toMatch(/https:\/\/example\.com\/end \d+\/\d+$/u);
  });
});

describe("splitIntoPosts rebalancing", () => {
  it("avoids a very short last post", () => {
    const words = "word ".repeat(57).trim();
    const posts = splitIntoPosts(words);
    const weights = posts.map((post) => measurePost(post).weightedLength);

    expect(posts).toHaveLength(2);
    expect(Math.min(...weights)).toBeGreaterThan(100);
  });

  it("keeps a full last post", () => {
    const first = paragraph(1, 4);
    const second = paragraph(5, 4);
    const posts = splitIntoPosts(`${first}\n\n${second}`);

    expect(posts).toEqual([first, second]);
  });
});

describe("splitIntoPosts maxWeightedLength", () => {
  it("packs longer posts", () => {
    const text = paragraph(1, 60);
    const posts = splitIntoPosts(text, { maxWeightedLength: 1000 });

    expectValidPosts(posts, 1000);
    expect(posts.length).toBeLessThan(splitIntoPosts(text).length);
  });

  it("returns text under the raised limit whole", () => {
    const text = paragraph(1, 10);

    expect(splitIntoPosts(text, { maxWeightedLength: 25_000 })).toEqual([text]);
  });

  it("rejects a limit below 50", () => {
    expect(() => splitIntoPosts("text", { maxWeightedLength: 20 })).toThrow(RangeError);
  });

  it("rejects an invalid locale", () => {
    expect(() => splitIntoPosts(paragraph(1, 20), { locale: "not a locale" })).toThrow(/Invalid locale/u);
  });
});

describe("splitIntoPosts content", () => {
  it("loses and adds nothing", () => {
    const text = `${paragraph(1, 8)}\n\n日本語の文章です。${"🇯🇵 ".repeat(30)}\n${"z".repeat(300)}`;
    const posts = splitIntoPosts(text, { numbering: "prefix" });

    expectValidPosts(posts);
    const bodies = posts.map((post) => post.replace(/^\d+\/\d+ /u, ""));
    expect(withoutSpace(bodies.join(""))).toBe(withoutSpace(text));
  });
});
