import { article as articleTable, getDb, insight as insightTable } from "@/lib/db";
import { ArticleImportError } from "./errors";
import type { PreparedArticle } from "./prepare-article";
import type { Article, Insight } from "./queries";
import type { InsightWriter } from "./writer/types";

/**
 * Distils a prepared article and stores it with its insights in one
 * transaction. Throws an ArticleImportError, storing nothing, when the
 * article has too little prose for a single insight.
 */
export async function saveArticle(input: {
  userId: string;
  article: PreparedArticle;
  writer: InsightWriter;
}): Promise<{ article: Article; insights: Insight[] }> {
  const { userId, article, writer } = input;
  const drafts = await writer.writeInsights(article);
  if (drafts.length === 0) {
    throw new ArticleImportError(
      "too_short",
      `The article has ${article.wordCount} words, too few for an 80-word insight, so nothing was saved; import a longer one.`,
    );
  }

  return getDb().transaction(async (tx) => {
    const [stored] = await tx
      .insert(articleTable)
      .values({
        userId,
        title: article.title,
        sourceUrl: article.sourceUrl,
        byline: article.byline,
        language: article.language,
        publishedAt: article.publishedAt,
        body: article.body,
        wordCount: article.wordCount,
      })
      .returning();
    if (!stored) throw new Error("Inserting an article returned no row.");

    const insights = await tx
      .insert(insightTable)
      .values(drafts.map((draft, position) => ({ ...draft, articleId: stored.id, userId, position })))
      .returning();

    return { article: stored, insights: insights.sort((a, b) => a.position - b.position) };
  });
}
