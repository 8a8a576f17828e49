"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/authed-action";
import { resumeThreadAction } from "@/lib/publishing/actions";

type State = ActionResult | null;

/** Resumes a partial thread from its first post not yet on X. */
export function ResumeThreadButton({ threadId }: { threadId: string }) {
  const [state, formAction, isPending] = useActionState<State, FormData>(
    (_previous, formData) => resumeThreadAction(formData),
    null,
  );

  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={threadId} />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-full bg-ink px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
      >
        {isPending ? "Resuming…" : "Resume"}
      </button>
      {state?.ok && (
        <p className="text-sm text-neutral-700">Resumed: the remaining posts go out in a moment.</p>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
