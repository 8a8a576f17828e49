"use client";

import { type FormEvent, useState, useTransition } from "react";
import type { FormAction } from "./types";

/** Writes a thread draft from an insight; the server action opens the composer when it is done. */
export function CreateThreadButton({
  insightId,
  createThread,
}: {
  insightId: string;
  createThread: FormAction;
}) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await createThread(formData);
      if (!result.ok) setError(result.error);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      <input type="hidden" name="insightId" value={insightId} />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        {isPending ? "Creating thread…" : "Create thread"}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
