import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/articles/article-body";
import { InsightPanel } from "@/components/articles/insight-panel";
import { splitArticleBlocks } from "@/lib/articles/markdown/blocks";
import { getOwnedArticle } from "@/lib/articles/queries";
import { articleIdSchema } from "@/lib/articles/schemas";
import { requireUser } from "@/lib/auth/current-user";
import { createThreadAction } from "../actions";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!articleIdSchema.safeParse(id).success) notFound();

  const found = await getOwnedArticle(user.id, id);
  if (!found) notFound();
  const { article, insights } = found;
  const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: user.timezone });
  const details = [
    article.byline,
    article.publishedAt ? dateFormat.format(article.publishedAt) : null,
    `${article.wordCount.toLocaleString("en-US")} words`,
  ].filter(Boolean);

  return (
    <main className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/articles" className="text-neutral-600 hover:text-ink">
          ← Articles
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">{article.title}</h1>
        <p className="text-sm text-neutral-600">
          {details.join(" · ")}
          {article.sourceUrl && (
            <>
              {" · "}
              <a
                href={article.sourceUrl}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="underline"
              >
                Original
              </a>
            </>
          )}
        </p>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <article lang={article.language ?? undefined} aria-label="Article text" className="pl-8">
          <ArticleBody blocks={splitArticleBlocks(article.body)} />
        </article>
        <aside
          aria-labelledby="insights-heading"
          className="lg:sticky lg:top-6 lg:max-h-[calc(100vh-3rem)] lg:self-start lg:overflow-y-auto"
        >
          <h2 id="insights-heading" className="mb-3 text-lg font-semibold">
            {insights.length} {insights.length === 1 ? "insight" : "insights"}
          </h2>
          <InsightPanel
            insights={insights.map(({ id: insightId, title, summary, keyQuote, paragraphs }) => ({
              id: insightId,
              title,
              summary,
              keyQuote,
              paragraphs,
            }))}
            createThread={createThreadAction}
          />
        </aside>
      </div>
    </main>
  );
}
