import type { Metadata } from "next";
import Link from "next/link";
import { PasteImportForm } from "@/components/articles/paste-import-form";
import { UrlImportForm } from "@/components/articles/url-import-form";
import { requireUser } from "@/lib/auth/current-user";
import { fetchArticleAction, importTextAction, saveFetchedArticleAction } from "../actions";

export const metadata: Metadata = { title: "Import an article" };

export default async function ImportArticlePage() {
  await requireUser();

  return (
    <main className="max-w-3xl space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/articles" className="text-neutral-600 hover:text-ink">
          ← Articles
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Import an article</h1>
        <p className="text-neutral-700">
          InsightProse reads the article, picks its strongest sentences and groups them into insights, each
          one a click away from a thread draft. Nothing leaves this server to do it.
        </p>
      </header>

      <section
        aria-labelledby="from-url"
        className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-neutral-200"
      >
        <h2 id="from-url" className="text-lg font-semibold">
          From a URL
        </h2>
        <UrlImportForm fetchArticle={fetchArticleAction} saveArticle={saveFetchedArticleAction} />
      </section>

      <section
        aria-labelledby="from-text"
        className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-neutral-200"
      >
        <h2 id="from-text" className="text-lg font-semibold">
          Paste the text
        </h2>
        <PasteImportForm importText={importTextAction} />
      </section>
    </main>
  );
}
