import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { countBodyWords } from "@/lib/articles/count-article-words";
import { extractHtmlArticle } from "@/lib/articles/extract/extract-html-article";
import { prepareArticleFromText } from "@/lib/articles/prepare-article";
import { splitIntoPosts } from "@/lib/x/post-text";

// The real articles the tests use too (blog posts under their own licences),
// kept beside the repository rather than in it.
const DEFAULT_FIXTURES = fileURLToPath(new URL("../../../shared/fixtures/articles/", import.meta.url));

export interface FixtureArticle {
  name: string;
  title: string;
  /** Normalised Markdown, as the app stores it. */
  body: string;
}

function fixturesDirectory(): string {
  const directory = process.env.BENCH_FIXTURES_DIR ?? DEFAULT_FIXTURES;
  if (!existsSync(path.join(directory, "markdown")) || !existsSync(path.join(directory, "html"))) {
    throw new Error(
      `No article fixtures found in ${directory} (expected markdown/ and html/ folders). ` +
        "Set BENCH_FIXTURES_DIR to the folder that holds them.",
    );
  }

  return directory;
}

/** Loads every fixture article through the app's own import path: Readability for HTML, then normalisation. */
export function loadFixtureArticles(): FixtureArticle[] {
  const directory = fixturesDirectory();
  const articles: FixtureArticle[] = [];

  const markdownFolder = path.join(directory, "markdown");
  for (const file of readdirSync(markdownFolder)
    .filter((name) => name.endsWith(".md"))
    .sort()) {
    const prepared = prepareArticleFromText(readFileSync(path.join(markdownFolder, file), "utf8"));
    articles.push({ name: file, title: prepared.title, body: prepared.body });
  }

  const htmlFolder = path.join(directory, "html");
  const pages = readdirSync(htmlFolder, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const page of pages.sort((a, b) => a.name.localeCompare(b.name))) {
    const html = readFileSync(path.join(htmlFolder, page.name, "source.html"), "utf8");
    const extracted = extractHtmlArticle(html, `https://example.com/${page.name}`);
    const prepared = prepareArticleFromText(extracted.markdown, { title: extracted.title });
    articles.push({ name: page.name, title: prepared.title, body: prepared.body });
  }

  return articles;
}

const HEADING = /^ {0,3}#{1,6}\s/;

/** Cuts a body into sections, each a heading (if any) and the blocks up to the next heading. */
function splitSections(body: string): string[][] {
  const sections: string[][] = [];
  let current: string[] = [];
  for (const block of body.split(/\n{2,}/)) {
    if (HEADING.test(block) && current.length > 0) {
      sections.push(current);
      current = [];
    }
    if (block.trim() !== "") current.push(block);
  }
  if (current.length > 0) sections.push(current);

  return sections;
}

/**
 * Builds an English article of about `targetWords` words (as the app counts
 * them) from sections of the fixtures, taken in turn from each article.
 * Sections repeat only after all of them were used. The last section is cut
 * after the block that reaches the target.
 */
export function buildArticle(
  articles: readonly FixtureArticle[],
  targetWords: number,
): { body: string; words: number } {
  const perArticle = articles.map((article) => splitSections(article.body));
  const ordered: string[][] = [];
  const longest = Math.max(...perArticle.map((sections) => sections.length));
  for (let index = 0; index < longest; index += 1) {
    for (const sections of perArticle) {
      const section = sections[index];
      if (section) ordered.push(section);
    }
  }
  if (ordered.length === 0) throw new Error("The fixture articles contain no text.");

  const blocks: string[] = [];
  let words = 0;
  for (let index = 0; words < targetWords; index += 1) {
    for (const block of ordered[index % ordered.length]!) {
      blocks.push(block);
      words += countBodyWords(block, "en");
      if (words >= targetWords) break;
    }
  }
  const body = blocks.join("\n\n");

  return { body, words: countBodyWords(body, "en") };
}

/**
 * Every post the app's splitter makes from the fixture articles: real prose
 * with links, code and punctuation. A lower `maxWeightedLength` leaves room
 * for numbering labels.
 */
export function buildPostCorpus(articles: readonly FixtureArticle[], maxWeightedLength = 280): string[] {
  return articles.flatMap((article) => splitIntoPosts(article.body, { maxWeightedLength }));
}

/** The fixture bodies repeated and cut to exactly `length` UTF-16 code units. */
export function buildLongText(articles: readonly FixtureArticle[], length: number): string {
  const joined = articles.map((article) => article.body).join("\n\n");
  let text = "";
  while (text.length < length) text += `${joined}\n\n`;

  return text.slice(0, length);
}
