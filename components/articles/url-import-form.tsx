"use client";

import { type FormEvent, useState, useTransition } from "react";
import { ImportProgress, type ImportStep } from "./import-progress";
import type { FetchArticle, FetchedArticle, SaveFetchedArticle } from "./types";

type Phase = { step: "idle" } | { step: ImportStep } | { step: "confirm"; article: FetchedArticle };

/**
 * Imports an article by URL in two server calls, so the progress shown is
 * real: the first fetches and reads the page, the second distils and saves it. A page that does not look like an article waits for "Import anyway".
 */
export function UrlImportForm({
  fetchArticle,
  saveArticle,
}: {
  fetchArticle: FetchArticle;
  saveArticle: SaveFetchedArticle;
}) {
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function save(article: FetchedArticle) {
    setPhase({ step: "distil" });
    startTransition(async () => {
      const result = await saveArticle({
        title: article.title,
        body: article.body,
        sourceUrl: article.sourceUrl,
        byline: article.byline,
        language: article.language,
        publishedAt: article.publishedAt,
      });
      if (!result.ok) {
        setError(result.error);
        setPhase({ step: "idle" });
      }
    });
  }

  // onSubmit rather than a form action, because React resets a form after its action and the URL would be lost.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget).get("url") ?? "");
    setError(null);
    setPhase({ step: "fetch" });
    startTransition(async () => {
      const result = await fetchArticle({ url });
      if (!result.ok) {
        setError(result.error);
        setPhase({ step: "idle" });
        return;
      }
      if (result.data.looksLikeArticle) save(result.data);
      else setPhase({ step: "confirm", article: result.data });
    });
  }

  const isBusy = isPending || phase.step === "fetch" || phase.step === "distil";

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="article-url" className="block text-sm font-medium">
          Article URL
        </label>
        <input
          id="article-url"
          name="url"
          type="url"
          inputMode="url"
          required
          placeholder="https://example.com/my-essay"
          disabled={isBusy}
          className="w-full rounded-lg border border-neutral-300 bg-white px-3 py-2 disabled:bg-neutral-100"
        />
        <p className="text-sm text-neutral-600">
          A public web page, Markdown or plain-text file of up to 5 MB.
        </p>
      </div>

      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      )}

      {(phase.step === "fetch" || phase.step === "distil") && <ImportProgress current={phase.step} />}

      {phase.step === "confirm" ? (
        <div
          role="alert"
          className="space-y-3 rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <p>
            “{phase.article.title}” does not look like an article: InsightProse found{" "}
            {phase.article.wordCount.toLocaleString("en-US")} words of text, and insights need a page that is
            mostly prose.
          </p>
          <div className="flex gap-3">
            <button
              type="button"
              onClick={() => save(phase.article)}
              className="rounded-full bg-ink px-4 py-2 font-semibold text-white"
            >
              Import anyway
            </button>
            <button type="button" onClick={() => setPhase({ step: "idle" })} className="underline">
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="submit"
          disabled={isBusy}
          className="rounded-full bg-ink px-5 py-2 text-sm font-semibold text-white disabled:opacity-60"
        >
          {isBusy ? "Importing…" : "Import from URL"}
        </button>
      )}
    </form>
  );
}
