import { and, asc, count, desc, eq } from "drizzle-orm";
import { article, getDb, insight } from "@/lib/db";

export type Article = typeof article.$inferSelect;
export type Insight = typeof insight.$inferSelect;
export type ArticleSummary = Pick<
  Article,
  "id" | "title" | "sourceUrl" | "byline" | "wordCount" | "createdAt"
> & {
  insightCount: number;
};

/** Lists a user's articles, newest first, with how many insights each has. */
export async function listArticles(userId: string): Promise<ArticleSummary[]> {
  return getDb()
    .select({
      id: article.id,
      title: article.title,
      sourceUrl: article.sourceUrl,
      byline: article.byline,
      wordCount: article.wordCount,
      createdAt: article.createdAt,
      insightCount: count(insight.id),
    })
    .from(article)
    .leftJoin(insight, eq(insight.articleId, article.id))
    .where(eq(article.userId, userId))
    .groupBy(article.id)
    .orderBy(desc(article.createdAt), desc(article.id));
}

/** Loads an article with its insights in order if the user owns it; another user's article is reported as missing. */
export async function getOwnedArticle(
  userId: string,
  articleId: string,
): Promise<{ article: Article; insights: Insight[] } | null> {
  const db = getDb();
  const [row] = await db
    .select()
    .from(article)
    .where(and(eq(article.id, articleId), eq(article.userId, userId)))
    .limit(1);
  if (!row) return null;

  const insights = await db
    .select()
    .from(insight)
    .where(eq(insight.articleId, row.id))
    .orderBy(asc(insight.position));

  return { article: row, insights };
}

/** Loads an insight and its article if the user owns them. */
export async function getOwnedInsight(
  userId: string,
  insightId: string,
): Promise<{ insight: Insight; article: Article } | null> {
  const [row] = await getDb()
    .select({ insight, article })
    .from(insight)
    .innerJoin(article, eq(article.id, insight.articleId))
    .where(and(eq(insight.id, insightId), eq(insight.userId, userId)))
    .limit(1);

  return row ?? null;
}

/** Counts a user's articles; tests use it to show that a refused import stored nothing. */
export async function countArticles(userId: string): Promise<number> {
  const [row] = await getDb().select({ total: count() }).from(article).where(eq(article.userId, userId));

  return row?.total ?? 0;
}
