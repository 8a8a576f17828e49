"use client";

import { type FormEvent, useState, useTransition } from "react";
import { ImportProgress } from "./import-progress";
import type { FormAction } from "./types";

/** Imports pasted Markdown or plain text; the text stays in the form when the import fails. */
export function PasteImportForm({ importText }: { importText: FormAction }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await importText(formData);
      if (!result.ok) setError(result.error);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="article-title" className="block text-sm font-medium">
          Title <span className="font-normal text-neutral-500">(optional)</span>
        </label>
        <input
          id="article-title"
          name="title"
          maxLength={200}
          disabled={isPending}
          className="w-full rounded-lg border border-neutral-300 bg-white px-3 py-2 disabled:bg-neutral-100"
        />
        <p className="text-sm text-neutral-600">
          Left empty, the first heading or the first words become the title.
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor="article-text" className="block text-sm font-medium">
          Article text
        </label>
        <textarea
          id="article-text"
          name="text"
          required
          rows={14}
          disabled={isPending}
          placeholder="Paste Markdown or plain text here."
          className="w-full rounded-lg border border-neutral-300 bg-white px-3 py-2 font-mono text-sm disabled:bg-neutral-100"
        />
      </div>

      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      )}
      {isPending && <ImportProgress current="distil" steps={["distil"]} />}

      <button
        type="submit"
        disabled={isPending}
        className="rounded-full bg-ink px-5 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        {isPending ? "Importing…" : "Import text"}
      </button>
    </form>
  );
}
