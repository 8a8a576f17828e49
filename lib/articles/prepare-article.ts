import { countBodyWords } from "./count-article-words";
import { ArticleImportError } from "./errors";
import { canonicalLanguage, extractHtmlArticle } from "./extract/extract-html-article";
import { fetchArticleUrl, type FetchArticleOptions } from "./fetch/fetch-article-url";
import { normalizeArticleMarkdown } from "./markdown/normalize";
import { toPlainText } from "./markdown/plain-text";

/** An article ready to be distilled and stored, not yet saved. */
export interface PreparedArticle {
  title: string;
  sourceUrl: string | null;
  byline: string | null;
  language: string | null;
  publishedAt: Date | null;
  /** Normalised Markdown. */
  body: string;
  wordCount: number;
  /** False when the page does not look like an article, so importing it needs the writer's confirmation. */
  looksLikeArticle: boolean;
}

export interface ArticleMetadata {
  title?: string | null;
  sourceUrl?: string | null;
  byline?: string | null;
  language?: string | null;
  publishedAt?: Date | null;
}

/**
 * Maximum length of a stored article body, in characters (about 50,000 English words).
 * It keeps the body under Next.js's 1 MB limit for server action input even
 * in scripts of three UTF-8 bytes per character.
 */
export const MAX_ARTICLE_CHARS = 300_000;
/** Fewer words than this and a page does not look like an article. */
export const MIN_ARTICLE_WORDS = 150;
export const MAX_TITLE_LENGTH = 200;
const TITLE_WORDS_FROM_TEXT = 10;

function titleFromBody(body: string): string | null {
  const heading = /^ {0,3}#{1,6}\s+(.+)$/m.exec(body)?.[1];
  if (heading) return toPlainText(heading.replace(/\s+#+\s*$/, ""));

  const firstLine = body.split("\n").find((line) => /[\p{L}\p{N}]/u.test(line));
  if (!firstLine) return null;
  const words = toPlainText(firstLine).split(/\s+/);

  return words.length > TITLE_WORDS_FROM_TEXT
    ? `${words.slice(0, TITLE_WORDS_FROM_TEXT).join(" ")}…`
    : words.join(" ");
}

// Plain text often puts one paragraph per line with no blank line between,
// which Markdown would join into one paragraph.
function separateLines(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const hasBlankLine = lines.some((line) => line.trim() === "");

  return hasBlankLine || lines.length < 3 ? text : lines.join("\n\n");
}

/**
 * Normalises pasted or fetched Markdown or plain text into an article.
 * Metadata given by the caller wins over front matter, which wins over what
 * the body suggests (its first heading or first words for the title).
 */
export function prepareArticleFromText(
  text: string,
  metadata: ArticleMetadata = {},
  options: { isPlainText?: boolean } = {},
): PreparedArticle {
  const { body, frontMatter } = normalizeArticleMarkdown(options.isPlainText ? separateLines(text) : text);
  if (!/[\p{L}\p{N}]/u.test(body)) {
    throw new ArticleImportError("no_content", "The article has no text to import, so nothing was saved.");
  }
  if (body.length > MAX_ARTICLE_CHARS) {
    throw new ArticleImportError(
      "too_large",
      `The article is longer than ${MAX_ARTICLE_CHARS.toLocaleString("en-US")} characters, so it was not imported; import a part of it.`,
    );
  }

  const language = canonicalLanguage(metadata.language ?? frontMatter.language);
  const wordCount = countBodyWords(body, language);
  const title = (
    metadata.title?.trim() ||
    frontMatter.title ||
    titleFromBody(body) ||
    "Untitled article"
  ).slice(0, MAX_TITLE_LENGTH);

  return {
    title,
    sourceUrl: metadata.sourceUrl ?? null,
    byline: metadata.byline ?? frontMatter.byline,
    language,
    publishedAt: metadata.publishedAt ?? frontMatter.publishedAt,
    body,
    wordCount,
    looksLikeArticle: wordCount >= MIN_ARTICLE_WORDS,
  };
}

/**
 * Fetches a URL and turns it into an article: HTML through Readability and
 * Markdown conversion, Markdown and plain text as they are. Throws an
 * ArticleImportError, with one sentence for the writer, when the URL is
 * refused or the fetch fails.
 */
export async function prepareArticleFromUrl(
  url: string,
  options: FetchArticleOptions = {},
): Promise<PreparedArticle> {
  const fetched = await fetchArticleUrl(url, options);
  if (fetched.kind !== "html") {
    return prepareArticleFromText(
      fetched.text,
      { sourceUrl: fetched.url },
      { isPlainText: fetched.kind === "text" },
    );
  }

  const extracted = extractHtmlArticle(fetched.text, fetched.url);
  const prepared = prepareArticleFromText(extracted.markdown, {
    title: extracted.title,
    sourceUrl: fetched.url,
    byline: extracted.byline,
    language: extracted.language,
    publishedAt: extracted.publishedAt,
  });

  return { ...prepared, looksLikeArticle: prepared.looksLikeArticle && extracted.isReaderable };
}
