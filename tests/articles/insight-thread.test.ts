import { describe, expect, it } from "vitest";
import type { InsightDraft } from "@/lib/articles/distill/distill-article";
import { buildInsightThread } from "@/lib/articles/thread/insight-thread";
import { findThreadProblems } from "@/lib/articles/writer/checks";
import { measurePost } from "@/lib/x/post-text";

const insight: InsightDraft = {
  title: "Backpressure keeps queues honest",
  summary: [
    "Queues let a service accept work quickly and finish it later at its own pace. A queue that grows without bound hides an overloaded service until it falls over.",
    "Backpressure tells the sender to slow down before the queue grows too long. Good queue metrics show the age of the oldest message, not only the queue length.",
    "Retries with jitter keep a recovering service from being flooded by its own clients. Dead-letter queues keep poisoned messages from blocking the rest of the queue, and they give operators one place to look when something goes wrong.",
  ].join("\n\n"),
  keyQuote: "Backpressure tells the sender to slow down before the queue grows too long.",
  paragraphs: [2, 3, 5],
};

describe("buildInsightThread", () => {
  it("opens with title and quote", () => {
    const [hook] = buildInsightThread(insight, { sourceUrl: null, language: "en" });

    expect(hook).toBe(`${insight.title}\n\n“${insight.keyQuote}”`);
  });

  it("keeps every post valid", () => {
    const posts = buildInsightThread(insight, { sourceUrl: "https://example.com/queues", language: "en" });

    expect(posts.length).toBeGreaterThan(2);
    for (const post of posts) expect(measurePost(post).valid).toBe(true);
    expect(findThreadProblems(posts, { sourceUrl: "https://example.com/queues" })).toEqual([]);
  });

  it("links the article last", () => {
    const posts = buildInsightThread(insight, { sourceUrl: "https://example.com/queues", language: "en" });

    expect(posts.at(-1)).toBe("Read the whole article: https://example.com/queues");
  });

  it("adds no link without URL", () => {
    const posts = buildInsightThread(insight, { sourceUrl: null, language: "en" });

    expect(posts.join("\n")).not.toContain("http");
  });

  it("quotes the key sentence once", () => {
    const posts = buildInsightThread(insight, { sourceUrl: null, language: "en" });

    expect(posts.join("\n").split(insight.keyQuote)).toHaveLength(2);
  });

  it("shortens an overlong hook", () => {
    const longTitle = "Backpressure ".repeat(30).trim();
    const [hook] = buildInsightThread({ ...insight, title: longTitle }, { sourceUrl: null, language: "en" });

    expect(measurePost(hook!).valid).toBe(true);
    expect(longTitle.startsWith(hook!.replace(/…$/, ""))).toBe(true);
  });
});
