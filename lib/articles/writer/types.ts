import type { InsightDraft } from "../distill/distill-article";

/** The article fields a writer reads. */
export interface WriterArticle {
  title: string;
  body: string;
  language: string | null;
  sourceUrl: string | null;
}

/**
 * Writes insights from an article and thread posts from an insight. The
 * offline writer is extractive; the language-model writer falls back to it.
 */
export interface InsightWriter {
  writeInsights(article: WriterArticle): Promise<InsightDraft[]>;
  writeThread(insight: InsightDraft, article: WriterArticle): Promise<string[]>;
}
