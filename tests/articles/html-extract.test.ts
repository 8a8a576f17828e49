import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractHtmlArticle } from "@/lib/articles/extract/extract-html-article";
import { splitArticleBlocks } from "@/lib/articles/markdown/blocks";
import { normalizeArticleMarkdown } from "@/lib/articles/markdown/normalize";
import { prepareArticleFromUrl } from "@/lib/articles/prepare-article";
import { loadHtmlFixtures } from "./helpers/fixtures";
import { type LocalServer, startLocalServer } from "./helpers/local-server";

const fixtures = loadHtmlFixtures();
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    if (request.url === "/nav") {
      response
        .writeHead(200, { "content-type": "text/html" })
        .end(
          '<html><body><nav><a href="/a">Home</a> <a href="/b">About</a></nav><p>Welcome.</p></body></html>',
        );
      return;
    }
    response.writeHead(200, { "content-type": "text/plain" }).end("tracked");
  });
});

afterAll(async () => {
  await server.close();
});

function articlePage(extra: string): string {
  const paragraphs = Array.from(
    { length: 12 },
    (_unused, index) =>
      `<p>Paragraph ${index + 1} explains one more detail of the release process, with enough words to count as prose for Readability.</p>`,
  ).join("");

  return `<!doctype html><html lang="en"><head><title>Release notes</title>${extra}</head><body><article><h1>Release notes</h1>${paragraphs}</article></body></html>`;
}

describe("extractHtmlArticle", () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    "keeps metadata of %s",
    (_name, fixture) => {
      const extracted = extractHtmlArticle(fixture.html, "https://example.com/post");

      expect(extracted.title).toBe(fixture.expected.title);
      expect(extracted.byline).toBe(fixture.expected.byline?.replace(/\s+/g, " ") ?? null);
      expect(extracted.isReaderable).toBe(true);
      expect(extracted.publishedAt?.getTime() ?? null).toBe(
        fixture.expected.publishedTime ? new Date(fixture.expected.publishedTime).getTime() : null,
      );
    },
  );

  it("converts code to fenced blocks", () => {
    const v8 = fixtures.find((fixture) => fixture.name === "v8-blog")!;
    const { body } = normalizeArticleMarkdown(extractHtmlArticle(v8.html, "https://v8.dev/blog").markdown);
    const code = splitArticleBlocks(body).filter((block) => block.kind === "code");

    expect(code.length).toBeGreaterThan(5);
    expect(code.some((block) => block.markdown.includes("int add(int x, int y) {\n"))).toBe(true);
  });

  it("converts tables and figures", () => {
    const html = articlePage("").replace(
      "</article>",
      '<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Free</td><td>0</td></tr></table><figure><img src="https://example.com/a.png" alt="Graph"><figcaption>Requests per second</figcaption></figure></article>',
    );
    const blocks = splitArticleBlocks(
      normalizeArticleMarkdown(extractHtmlArticle(html, "https://example.com/").markdown).body,
    );

    expect(blocks.find((block) => block.kind === "table")?.markdown).toBe(
      "| Plan | Price |\n| --- | --- |\n| Free | 0 |",
    );
    expect(blocks.find((block) => block.kind === "figure")?.markdown).toBe(
      "![Graph](https://example.com/a.png)\n_Requests per second_",
    );
  });

  it("runs no page scripts", () => {
    const html = articlePage("<script>document.title = 'Changed by a script';</script>");

    expect(extractHtmlArticle(html, "https://example.com/").title).toBe("Release notes");
  });

  it("loads no sub-resources", async () => {
    const html = articlePage(
      `<link rel="stylesheet" href="${server.origin}/style.css"><script src="${server.origin}/app.js"></script>`,
    ).replace(
      "</article>",
      `<img src="${server.origin}/pixel.png"><iframe src="${server.origin}/frame"></iframe></article>`,
    );

    extractHtmlArticle(html, "https://example.com/");
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(server.requests.filter((request) => request.path !== "/nav")).toEqual([]);
  });

  it("flags a page that is no article", async () => {
    const prepared = await prepareArticleFromUrl(`${server.origin}/nav`, { allowLoopback: true });

    expect(prepared.looksLikeArticle).toBe(false);
  });
});
