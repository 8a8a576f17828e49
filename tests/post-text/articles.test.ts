import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { measurePost, normalizePostText, splitIntoPosts, type SplitOptions } from "@/lib/x/post-text";

const articlesDirectory = new URL("../../../shared/fixtures/articles/", import.meta.url);

const namedEntities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
};

// A crude tag stripper: good enough to get real prose with real punctuation, not a reader view.
function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/gu, " ")
    .replace(/<(script|style|noscript|svg|template)\b[\s\S]*?<\/\1>/giu, " ")
    .replace(/<\/(p|div|h[1-6]|li|pre|blockquote|tr|section|article)>|<br\s*\/?>/giu, "\n\n")
    .replace(/<[^>]*>/gu, " ")
    .replace(/&#x([0-9a-f]+);/giu, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/gu, (_, decimal: string) => String.fromCodePoint(Number.parseInt(decimal, 10)))
    .replace(/&([a-z]+);/giu, (entity, name: string) => namedEntities[name.toLowerCase()] ?? entity);
}

interface Article {
  name: string;
  text: string;
  locale?: string;
}

function loadArticles(): Article[] {
  const markdownDirectory = new URL("markdown/", articlesDirectory);
  const markdown = readdirSync(markdownDirectory)
    .filter((file) => file.endsWith(".md"))
    .map((file) => ({
      name: file,
      text: readFileSync(new URL(file, markdownDirectory), "utf8"),
      locale: "en",
    }));

  const htmlDirectory = new URL("html/", articlesDirectory);
  const html = readdirSync(htmlDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => {
      const pageDirectory = new URL(`${name}/`, htmlDirectory);
      const metadata = JSON.parse(readFileSync(new URL("expected-metadata.json", pageDirectory), "utf8")) as {
        lang?: string;
      };

      return {
        name: `${name}.html`,
        text: htmlToText(readFileSync(new URL("source.html", pageDirectory), "utf8")),
        locale: metadata.lang,
      };
    });

  return [...markdown, ...html];
}

const articles = loadArticles();
const withoutSpace = (value: string) => value.replace(/\p{White_Space}+/gu, "");
const numberings: NonNullable<SplitOptions["numbering"]>[] = ["none", "suffix", "prefix"];

describe("splitIntoPosts on real articles", () => {
  it("finds the fixtures", () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(articles)("$name", ({ text, locale }) => {
    it.each(numberings)("makes valid posts with numbering %s", (numbering) => {
      const posts = splitIntoPosts(text, { locale, numbering });

      expect(posts.length).toBeGreaterThan(1);
      for (const post of posts) {
        const measured = measurePost(post);
        expect(measured.valid, `invalid post: ${JSON.stringify(post)}`).toBe(true);
        expect(measured.text).toBe(post);
      }
    });

    it("keeps all the text", () => {
      const posts = splitIntoPosts(text, { locale });
      const expected = normalizePostText(text.replace(/[\uFFFE\uFEFF\uFFFF]/gu, "")).replace(
        /^[ \t]*---[ \t]*$/gmu,
        "",
      );

      expect(withoutSpace(posts.join(""))).toBe(withoutSpace(expected));
    });

    it("fills posts well", () => {
      const posts = splitIntoPosts(text, { locale });
      const weights = posts.map((post) => measurePost(post).weightedLength);
      const mean = weights.reduce((sum, weight) => sum + weight, 0) / weights.length;

      expect(mean).toBeGreaterThan(0.7 * 280);
    });
  });
});
