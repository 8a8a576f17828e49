import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { distillArticle } from "@/lib/articles/distill/distill-article";
import { normalizeArticleMarkdown } from "@/lib/articles/markdown/normalize";
import { buildInsightThread } from "@/lib/articles/thread/insight-thread";
import { createAiWriter } from "@/lib/articles/writer/ai-writer";
import { getInsightWriter } from "@/lib/articles/writer/get-writer";
import { offlineWriter } from "@/lib/articles/writer/offline-writer";
import { loadMarkdownFixtures } from "./helpers/fixtures";

const fixture = loadMarkdownFixtures().find(
  (candidate) => candidate.name === "rust-fearless-concurrency.md",
)!;
const article = {
  title: "Fearless Concurrency with Rust",
  body: normalizeArticleMarkdown(fixture.markdown).body,
  language: "en",
  sourceUrl: "https://blog.example.com/fearless",
};
const offlineInsights = distillArticle(article);

function modelAnswering(answer: object | Error) {
  return new MockLanguageModelV3({
    doGenerate: async () => {
      if (answer instanceof Error) throw answer;
      return {
        content: [{ type: "text", text: JSON.stringify(answer) }],
        finishReason: { unified: "stop", raw: undefined },
        usage: {
          inputTokens: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 100, text: 100, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
}

function promptText(call: MockLanguageModelV3["doGenerateCalls"][number] | undefined): string {
  return JSON.stringify(call?.prompt ?? []);
}

// Model output that passes every check: the offline insights, retitled to tell them apart.
const goodInsights = offlineInsights.map((insight, index) => ({
  ...insight,
  title: `Model insight ${index + 1}`,
}));

describe("createAiWriter", () => {
  it("uses valid model insights", async () => {
    const model = modelAnswering({ insights: goodInsights });
    const writer = createAiWriter({ model, fallback: offlineWriter });

    expect(await writer.writeInsights(article)).toEqual(goodInsights);
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(promptText(model.doGenerateCalls[0])).toContain("[0] The Rust project was initiated");
  });

  it("falls back on invented quotes", async () => {
    const invented = goodInsights.map((insight) => ({
      ...insight,
      keyQuote: "Rust makes every program correct.",
    }));
    const writer = createAiWriter({ model: modelAnswering({ insights: invented }), fallback: offlineWriter });

    expect(await writer.writeInsights(article)).toEqual(offlineInsights);
  });

  it("falls back on short summaries", async () => {
    const short = goodInsights.map((insight) => ({ ...insight, summary: "Too short." }));
    const writer = createAiWriter({ model: modelAnswering({ insights: short }), fallback: offlineWriter });

    expect(await writer.writeInsights(article)).toEqual(offlineInsights);
  });

  it("falls back on shared paragraphs", async () => {
    const shared = goodInsights.map((insight) => ({ ...insight, paragraphs: goodInsights[0]!.paragraphs }));
    const writer = createAiWriter({ model: modelAnswering({ insights: shared }), fallback: offlineWriter });

    expect(await writer.writeInsights(article)).toEqual(offlineInsights);
  });

  it("falls back on malformed answers", async () => {
    const writer = createAiWriter({ model: modelAnswering({ unexpected: true }), fallback: offlineWriter });

    expect(await writer.writeInsights(article)).toEqual(offlineInsights);
  });

  it("falls back on model errors", async () => {
    const writer = createAiWriter({
      model: modelAnswering(new Error("endpoint down")),
      fallback: offlineWriter,
    });

    expect(await writer.writeInsights(article)).toEqual(offlineInsights);
  });

  it("uses a valid model thread", async () => {
    const posts = [
      "Rust checks your threads for you.",
      "Ownership rules out data races.",
      `More: ${article.sourceUrl}`,
    ];
    const writer = createAiWriter({ model: modelAnswering({ posts }), fallback: offlineWriter });

    expect(await writer.writeThread(offlineInsights[0]!, article)).toEqual(posts);
  });

  it("falls back on overlong posts", async () => {
    const posts = ["x".repeat(300), `More: ${article.sourceUrl}`];
    const writer = createAiWriter({ model: modelAnswering({ posts }), fallback: offlineWriter });

    expect(await writer.writeThread(offlineInsights[0]!, article)).toEqual(
      buildInsightThread(offlineInsights[0]!, article),
    );
  });

  it("falls back on code in posts", async () => {
    const posts = ["Use `Arc<Mutex<T>>` here.", `More: ${article.sourceUrl}`];
    const writer = createAiWriter({ model: modelAnswering({ posts }), fallback: offlineWriter });

    expect(await writer.writeThread(offlineInsights[0]!, article)).toEqual(
      buildInsightThread(offlineInsights[0]!, article),
    );
  });

  it("falls back without article link", async () => {
    const writer = createAiWriter({
      model: modelAnswering({ posts: ["A post without the link."] }),
      fallback: offlineWriter,
    });

    expect(await writer.writeThread(offlineInsights[0]!, article)).toEqual(
      buildInsightThread(offlineInsights[0]!, article),
    );
  });
});

describe("getInsightWriter", () => {
  it("stays offline by default", () => {
    expect(getInsightWriter()).toBe(offlineWriter);
  });
});
