import type { Metadata } from "next";
import Link from "next/link";
import { listArticles } from "@/lib/articles/queries";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Articles" };

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export default async function ArticlesPage() {
  const user = await requireUser();
  const articles = await listArticles(user.id);
  const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: user.timezone });

  return (
    <main className="space-y-6">
      <header className="flex items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-semibold">Articles</h1>
        <Link href="/articles/new" className="rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white">
          Import an article
        </Link>
      </header>

      {articles.length === 0 ? (
        <section className="rounded-xl border-2 border-dashed border-neutral-300 p-10 text-center">
          <h2 className="font-serif text-xl font-semibold">No articles yet</h2>
          <p className="mx-auto mt-2 max-w-md text-neutral-700">
            Import a long-form article by URL or paste its text. InsightProse turns it into insights you can
            post as threads.
          </p>
          <Link
            href="/articles/new"
            className="mt-6 inline-block rounded-full bg-accent px-4 py-2 text-sm font-semibold text-white"
          >
            Import your first article
          </Link>
        </section>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-xl bg-white ring-1 ring-neutral-200">
          {articles.map((article) => {
            const host = hostOf(article.sourceUrl);
            return (
              <li key={article.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-5 py-4">
                <Link href={`/articles/${article.id}`} className="font-medium hover:underline">
                  {article.title}
                </Link>
                <span className="text-sm text-neutral-600">
                  {[
                    host ?? "Pasted",
                    `${article.wordCount.toLocaleString("en-US")} words`,
                    `${article.insightCount} ${article.insightCount === 1 ? "insight" : "insights"}`,
                    `imported ${dateFormat.format(article.createdAt)}`,
                  ].join(" · ")}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
