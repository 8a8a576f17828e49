import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThreadFromInsight } from "@/lib/articles/create-insight-thread";
import { ArticleImportError } from "@/lib/articles/errors";
import { importArticleFromText, importArticleFromUrl } from "@/lib/articles/import-article";
import { countArticles, getOwnedArticle, listArticles } from "@/lib/articles/queries";
import { getDb, insight as insightTable } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { setupTestDatabase } from "../helpers/database";
import { createTestUser } from "../helpers/users";
import { loadMarkdownFixtures } from "./helpers/fixtures";
import { type LocalServer, startLocalServer } from "./helpers/local-server";

setupTestDatabase();

const fixture = loadMarkdownFixtures()[0]!;
const NAVIGATION_PAGE =
  '<html><head><title>Links</title></head><body><nav><a href="/a">Home</a> <a href="/b">Archive</a></nav><p>Welcome to the archive of this site.</p></body></html>';
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    if (request.url === "/nav") {
      response.writeHead(200, { "content-type": "text/html" }).end(NAVIGATION_PAGE);
      return;
    }
    response.writeHead(200, { "content-type": "text/markdown" }).end(fixture.markdown);
  });
});

afterAll(async () => {
  await server.close();
});

describe("article import", () => {
  it("stores article and insights", async () => {
    const writer = await createTestUser();

    const { article, insights } = await importArticleFromText({ userId: writer.id, text: fixture.markdown });
    const stored = await getOwnedArticle(writer.id, article.id);

    expect(stored?.article.body).toBe(article.body);
    expect(stored?.insights.map((insight) => insight.position)).toEqual(
      insights.map((_insight, index) => index),
    );
    expect(article.wordCount).toBeGreaterThan(1_000);
  });

  it("lists articles with insight counts", async () => {
    const writer = await createTestUser();
    const { insights } = await importArticleFromText({
      userId: writer.id,
      text: fixture.markdown,
      title: "Mine",
    });

    const listed = await listArticles(writer.id);

    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ title: "Mine", insightCount: insights.length });
  });

  it("asks before importing a non-article", async () => {
    const writer = await createTestUser();

    const outcome = await importArticleFromUrl({
      userId: writer.id,
      url: `${server.origin}/nav`,
      fetchOptions: { allowLoopback: true },
    });

    expect(outcome.status).toBe("not_an_article");
    expect(await countArticles(writer.id)).toBe(0);
  });

  it("refuses too-short text, storing nothing", async () => {
    const writer = await createTestUser();

    const error = await importArticleFromText({
      userId: writer.id,
      text: "Just a line or two of text.",
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ArticleImportError);
    expect((error as ArticleImportError).message).toBe(
      "The article has 7 words, too few for an 80-word insight, so nothing was saved; import a longer one.",
    );
    expect(await countArticles(writer.id)).toBe(0);
  });

  it("hides other users' articles", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const { article } = await importArticleFromText({ userId: owner.id, text: fixture.markdown });

    expect(await getOwnedArticle(stranger.id, article.id)).toBeNull();
    expect(await listArticles(stranger.id)).toEqual([]);
  });
});

describe("createThreadFromInsight", () => {
  it("creates a draft from an insight", async () => {
    const writer = await createTestUser();
    const { insights } = await importArticleFromUrl({
      userId: writer.id,
      url: `${server.origin}/post.md`,
      fetchOptions: { allowLoopback: true },
    }).then((outcome) => (outcome.status === "saved" ? outcome : { insights: [] }));
    const insight = insights[0]!;

    const thread = await createThreadFromInsight({ userId: writer.id, insightId: insight.id });

    expect(thread.status).toBe("draft");
    expect(thread.title).toBe(insight.title);
    expect(thread.insightId).toBe(insight.id);
    expect(thread.posts[0]?.text).toContain(insight.title);
    expect(thread.posts.at(-1)?.text).toBe(`Read the whole article: ${server.origin}/post.md`);
  });

  it("refuses another user's insight", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    await importArticleFromText({ userId: owner.id, text: fixture.markdown });
    const [insight] = await getDb()
      .select()
      .from(insightTable)
      .where(eq(insightTable.userId, owner.id))
      .limit(1);

    const error = await createThreadFromInsight({ userId: stranger.id, insightId: insight!.id }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
  });
});
