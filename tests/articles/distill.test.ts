import { describe, expect, it } from "vitest";
import { distillArticle } from "@/lib/articles/distill/distill-article";
import { extractSentences } from "@/lib/articles/distill/sentences";
import { countWords } from "@/lib/articles/language";
import { PROSE_KINDS, splitArticleBlocks } from "@/lib/articles/markdown/blocks";
import { normalizeArticleMarkdown } from "@/lib/articles/markdown/normalize";
import { toPlainText } from "@/lib/articles/markdown/plain-text";
import { summarySentences } from "./helpers/article-text";
import { loadMarkdownFixtures } from "./helpers/fixtures";

const fixtures = loadMarkdownFixtures().map((fixture) => normalizeArticleMarkdown(fixture.markdown).body);

// Prose about one subject, so that every sentence ranks high when it is allowed to.
const TOPIC_SENTENCES = [
  "Queues let a service accept work quickly and finish it later at its own pace.",
  "A queue that grows without bound hides an overloaded service until it falls over.",
  "Backpressure tells the sender to slow down before the queue grows too long.",
  "Good queue metrics show the age of the oldest message, not only the queue length.",
  "Retries with jitter keep a recovering service from being flooded by its own clients.",
  "Dead-letter queues keep poisoned messages from blocking the rest of the queue.",
];

function topicParagraphs(count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_unused, index) =>
    [0, 1, 2, 3].map((step) => TOPIC_SENTENCES[(index + offset + step) % TOPIC_SENTENCES.length]).join(" "),
  );
}

// Blocks of the fixture posts, numbered per copy so that repeated copies stay distinct.
function longArticle(words: number): string {
  const parts: string[] = [];
  let total = 0;
  for (let copy = 0; total < words; copy++) {
    parts.push(`## Part ${copy + 1}`);
    for (const block of splitArticleBlocks(fixtures[copy % fixtures.length]!)) {
      if (total >= words) break;
      const text = block.markdown.replaceAll("the ", `the ${copy} `);
      parts.push(text);
      total += countWords(text, "en");
    }
  }

  return parts.join("\n\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeDistill(body: string): number {
  const started = performance.now();
  distillArticle({ body, language: "en", title: "Benchmark" });
  return performance.now() - started;
}

describe("distillArticle", () => {
  it("returns equal insights for equal input", () => {
    const article = { body: fixtures[0]!, language: "en", title: "Cargo" };

    expect(distillArticle(article)).toEqual(distillArticle(article));
  });

  it("keeps summaries within 80 to 250 words", () => {
    for (const body of fixtures) {
      for (const insight of distillArticle({ body, language: null, title: "" })) {
        const words = countWords(insight.summary, null);
        expect(words).toBeGreaterThanOrEqual(80);
        expect(words).toBeLessThanOrEqual(250);
      }
    }
  });

  it("grows insight count with length", () => {
    const counts = [300, 1_500, 3_000, 6_000].map(
      (words) => distillArticle({ body: longArticle(words), language: "en", title: "" }).length,
    );

    expect(counts[0]).toBe(1);
    expect(counts[3]).toBe(8);
    for (let index = 1; index < counts.length; index++)
      expect(counts[index]).toBeGreaterThan(counts[index - 1]!);
  });

  it("never shares a paragraph between insights", () => {
    const insights = distillArticle({ body: longArticle(6_000), language: "en", title: "" });
    const paragraphs = insights.flatMap((insight) => insight.paragraphs);

    expect(new Set(paragraphs).size).toBe(paragraphs.length);
  });

  it("takes summaries in article order", () => {
    const body = fixtures[1]!;
    const blocks = splitArticleBlocks(body);
    const text = blocks
      .filter((block) => PROSE_KINDS.has(block.kind))
      .map((block) => toPlainText(block.markdown))
      .join(" ");

    for (const insight of distillArticle({ body, language: null, title: "" })) {
      let cursor = 0;
      for (const sentence of summarySentences(insight.summary)) {
        const position = text.indexOf(sentence, cursor);
        expect(position, `"${sentence}" comes later in the article`).toBeGreaterThanOrEqual(0);
        cursor = position + sentence.length;
      }
    }
  });

  it("returns nothing for a short text", () => {
    expect(distillArticle({ body: "Too short to say much at all.", language: "en", title: "" })).toEqual([]);
  });

  it("skips code, tables, captions and links", () => {
    const decoy = "Queues with backpressure and dead-letter queues keep the queue metrics honest.";
    const body = [
      "# Queues",
      ...topicParagraphs(3),
      "```text",
      `${decoy} ${decoy}`,
      "```",
      `| Column | Note |\n| --- | --- |\n| ${decoy} | ${decoy} |`,
      `![A queue](https://example.com/queue.png)\n_${decoy}_`,
      `[${decoy}](https://example.com/queues)`,
      `- [${decoy}](https://example.com/more)\n- <https://example.com/queues>`,
      ...topicParagraphs(3, 2),
    ].join("\n\n");

    const insights = distillArticle({ body, language: "en", title: "Queues" });

    expect(insights.length).toBeGreaterThan(0);
    for (const insight of insights) {
      expect(insight.summary).not.toContain("dead-letter queues keep the queue metrics honest");
      expect(insight.keyQuote).not.toContain("dead-letter queues keep the queue metrics honest");
    }
  });

  it("splits Japanese sentences at 。", () => {
    const body =
      "東京は日本の首都です。大阪は商業の町として知られています。京都には古いお寺がたくさんあります。";
    const sentences = extractSentences(splitArticleBlocks(body), "ja");

    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "東京は日本の首都です。",
      "大阪は商業の町として知られています。",
      "京都には古いお寺がたくさんあります。",
    ]);
  });

  it("keeps abbreviations inside sentences", () => {
    const body = "Dr. Hopper wrote the first compiler in 1952. It translated symbols into machine code.";
    const sentences = extractSentences(splitArticleBlocks(body), "en").map((sentence) => sentence.text);

    expect(sentences).toEqual([
      "Dr. Hopper wrote the first compiler in 1952.",
      "It translated symbols into machine code.",
    ]);
  });

  it("keeps punctuation in code spans", () => {
    const body = "Types that are `!Send` stay on one thread, and `Arc::new()` shares data between threads.";
    const sentences = extractSentences(splitArticleBlocks(body), "en");

    expect(sentences).toHaveLength(1);
    expect(sentences[0]?.text).toBe(
      "Types that are !Send stay on one thread, and Arc::new() shares data between threads.",
    );
  });

  it("scales linearly with length", () => {
    const tenThousand = longArticle(10_000);
    const twentyThousand = longArticle(20_000);
    timeDistill(tenThousand);

    const shortTimes = [0, 1, 2, 3, 4].map(() => timeDistill(tenThousand));
    const longTimes = [0, 1, 2, 3, 4].map(() => timeDistill(twentyThousand));

    expect(median(longTimes)).toBeLessThanOrEqual(2.5 * median(shortTimes));
  });
});
