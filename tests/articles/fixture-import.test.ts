import { JSDOM, VirtualConsole } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThreadFromInsight } from "@/lib/articles/create-insight-thread";
import { importArticleFromText, importArticleFromUrl } from "@/lib/articles/import-article";
import { PROSE_KINDS, splitArticleBlocks } from "@/lib/articles/markdown/blocks";
import { toPlainText } from "@/lib/articles/markdown/plain-text";
import type { Article, Insight } from "@/lib/articles/queries";
import { findInsightProblems } from "@/lib/articles/writer/checks";
import { measurePost } from "@/lib/x/post-text";
import { setupTestDatabase } from "../helpers/database";
import { createTestUser } from "../helpers/users";
import { codeLines, summarySentences, wordSequence } from "./helpers/article-text";
import { loadHtmlFixtures, loadMarkdownFixtures } from "./helpers/fixtures";
import { type LocalServer, startLocalServer } from "./helpers/local-server";

setupTestDatabase();

const htmlFixtures = loadHtmlFixtures();
const markdownFixtures = loadMarkdownFixtures();
const fetchOptions = { allowLoopback: true };
let server: LocalServer;
let userId: string;

beforeAll(async () => {
  const routes = new Map<string, { type: string; body: string }>();
  for (const fixture of htmlFixtures)
    routes.set(`/html/${fixture.name}`, { type: "text/html; charset=utf-8", body: fixture.html });
  for (const fixture of markdownFixtures) {
    routes.set(`/markdown/${fixture.name}`, { type: "text/markdown; charset=utf-8", body: fixture.markdown });
  }
  server = await startLocalServer((request, response) => {
    const route = routes.get(request.url ?? "");
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": route.type }).end(route.body);
  });
  userId = (await createTestUser()).id;
});

afterAll(async () => {
  await server.close();
});

// Footnote numbers sit between words on a page but are dropped from the article.
function withoutFootnoteNumbers(words: string): string {
  return words.replace(/(^| )\d{1,3}(?= |$)/g, "$1").replace(/ {2,}/g, " ");
}

/** Returns the words a reader sees on an HTML page, with line breaks as word breaks. */
function pageWords(html: string): string {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const document = dom.window.document;
  document.querySelectorAll("script, style, noscript, template").forEach((element) => element.remove());
  document.querySelectorAll("br").forEach((element) => element.replaceWith(" "));
  const text = document.body.textContent ?? "";
  dom.window.close();

  return withoutFootnoteNumbers(wordSequence(text));
}

/** Returns the words of a Markdown source without link targets, reference labels or character references. */
function markdownWords(markdown: string): string {
  const text = markdown
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/\]\[[^\]]*\]/g, "]")
    .replace(/&mdash;/g, "—");

  return withoutFootnoteNumbers(wordSequence(text));
}

function expectContains(haystack: string, needle: string, message: string) {
  expect(haystack.includes(needle), message).toBe(true);
}

async function expectSoundInsights(article: Article, insights: Insight[], sourceWords: string) {
  const blocks = splitArticleBlocks(article.body);
  const articleWords = wordSequence(
    blocks
      .filter((block) => PROSE_KINDS.has(block.kind))
      .map((block) => toPlainText(block.markdown))
      .join(" "),
  );
  const code = codeLines(article.body);

  expect(insights.length).toBeGreaterThanOrEqual(1);
  expect(insights.length).toBeLessThanOrEqual(8);
  expect(findInsightProblems(insights, article)).toEqual([]);
  for (const insight of insights) {
    for (const paragraph of insight.paragraphs) {
      const block = blocks[paragraph];
      expect(block, `paragraph ${paragraph} of "${insight.title}"`).toBeDefined();
      expect(PROSE_KINDS.has(block!.kind), `paragraph ${paragraph} is prose`).toBe(true);
    }
    for (const sentence of summarySentences(insight.summary)) {
      expectContains(articleWords, wordSequence(sentence), `"${sentence}" is in the article`);
      expectContains(
        sourceWords,
        withoutFootnoteNumbers(wordSequence(sentence)),
        `"${sentence}" is in the source`,
      );
    }

    const thread = await createThreadFromInsight({ userId, insightId: insight.id });
    expect(thread.insightId).toBe(insight.id);
    for (const post of thread.posts) {
      expect(measurePost(post.text).valid, `post "${post.text}"`).toBe(true);
      expect(post.text).not.toContain("`");
      for (const line of code) expect(post.text).not.toContain(line);
    }
    if (article.sourceUrl) expect(thread.posts.at(-1)?.text).toContain(article.sourceUrl);
  }
}

describe("fixture articles imported by URL", () => {
  it.each(htmlFixtures.map((fixture) => [fixture.name, fixture] as const))(
    "html page %s",
    async (name, fixture) => {
      const outcome = await importArticleFromUrl({
        userId,
        url: `${server.origin}/html/${name}`,
        fetchOptions,
      });

      expect(outcome.status).toBe("saved");
      if (outcome.status !== "saved") return;
      expect(outcome.article.title).toBe(fixture.expected.title);
      expect(outcome.article.byline).toBe(fixture.expected.byline?.replace(/\s+/g, " ") ?? null);
      expect(outcome.article.language ?? undefined).toBe(
        fixture.expected.lang ? Intl.getCanonicalLocales(fixture.expected.lang)[0] : undefined,
      );
      expect(outcome.article.sourceUrl).toBe(`${server.origin}/html/${name}`);
      await expectSoundInsights(outcome.article, outcome.insights, pageWords(fixture.html));
    },
  );

  it.each(markdownFixtures.map((fixture) => [fixture.name, fixture] as const))(
    "markdown post %s",
    async (name, fixture) => {
      const outcome = await importArticleFromUrl({
        userId,
        url: `${server.origin}/markdown/${name}`,
        fetchOptions,
      });

      expect(outcome.status).toBe("saved");
      if (outcome.status !== "saved") return;
      expect(outcome.article.title).toBe(/^title = "(.*)"$/m.exec(fixture.markdown)?.[1]);
      await expectSoundInsights(outcome.article, outcome.insights, markdownWords(fixture.markdown));
    },
  );
});

describe("fixture articles pasted", () => {
  it.each(markdownFixtures.map((fixture) => [fixture.name, fixture] as const))(
    "markdown post %s",
    async (_name, fixture) => {
      const { article, insights } = await importArticleFromText({ userId, text: fixture.markdown });

      expect(article.sourceUrl).toBeNull();
      await expectSoundInsights(article, insights, markdownWords(fixture.markdown));
    },
  );

  it.each(htmlFixtures.map((fixture) => [fixture.name, fixture] as const))(
    "text of html page %s",
    async (name, fixture) => {
      const imported = await importArticleFromUrl({
        userId,
        url: `${server.origin}/html/${name}`,
        fetchOptions,
      });
      if (imported.status !== "saved") throw new Error(`${name} was not imported.`);
      // What a reader copies from the page: the text of each block, one line each.
      const copied = splitArticleBlocks(imported.article.body)
        .filter((block) => block.kind !== "code")
        .map((block) => toPlainText(block.markdown))
        .join("\n");

      const { article, insights } = await importArticleFromText({
        userId,
        text: copied,
        title: fixture.expected.title,
      });

      expect(article.title).toBe(fixture.expected.title);
      await expectSoundInsights(article, insights, pageWords(fixture.html));
    },
  );
});
