import type { FetchArticleOptions } from "./fetch/fetch-article-url";
import { type PreparedArticle, prepareArticleFromText, prepareArticleFromUrl } from "./prepare-article";
import type { Article, Insight } from "./queries";
import { saveArticle } from "./save-article";
import { getInsightWriter } from "./writer/get-writer";
import type { InsightWriter } from "./writer/types";

export type ImportOutcome =
  | { status: "saved"; article: Article; insights: Insight[] }
  /** The page does not look like an article; nothing was stored and the writer may import it anyway. */
  | { status: "not_an_article"; prepared: PreparedArticle };

/**
 * Imports an article from a URL: fetch, extract, distil, store. A page that
 * does not look like an article is stored only with `importAnyway`. Refusals
 * throw an ArticleImportError and store nothing.
 */
export async function importArticleFromUrl(input: {
  userId: string;
  url: string;
  importAnyway?: boolean;
  fetchOptions?: FetchArticleOptions;
  writer?: InsightWriter;
}): Promise<ImportOutcome> {
  const prepared = await prepareArticleFromUrl(input.url, input.fetchOptions);
  if (!prepared.looksLikeArticle && !input.importAnyway) return { status: "not_an_article", prepared };

  const saved = await saveArticle({
    userId: input.userId,
    article: prepared,
    writer: input.writer ?? getInsightWriter(),
  });
  return { status: "saved", ...saved };
}

/** Imports pasted Markdown or plain text, with an optional title; throws an ArticleImportError when it is too short. */
export async function importArticleFromText(input: {
  userId: string;
  text: string;
  title?: string | null;
  writer?: InsightWriter;
}): Promise<{ article: Article; insights: Insight[] }> {
  const prepared = prepareArticleFromText(input.text, { title: input.title }, { isPlainText: true });

  return saveArticle({ userId: input.userId, article: prepared, writer: input.writer ?? getInsightWriter() });
}
