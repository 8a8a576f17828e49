"use client";

import { useState, useTransition } from "react";
import { deleteThreadAction, duplicateThreadAction } from "../actions";

/** Duplicate and delete, with a confirmation before deleting. */
export function ThreadActions({ threadId }: { threadId: string }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function run(action: typeof duplicateThreadAction) {
    setError(null);
    startTransition(async () => {
      const result = await action({ id: threadId });
      if (result && !result.ok) setError(result.error);
    });
  }

  return (
    <div className="flex items-center gap-3">
      {error && (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      )}
      <button
        type="button"
        disabled={isPending}
        onClick={() => run(duplicateThreadAction)}
        className="underline-offset-2 hover:underline"
      >
        Duplicate
      </button>
      {isConfirming ? (
        <>
          <span>Delete this thread? Posts already on X stay there.</span>
          <button
            type="button"
            disabled={isPending}
            onClick={() => run(deleteThreadAction)}
            className="font-semibold text-red-700"
          >
            Yes, delete
          </button>
          <button type="button" onClick={() => setIsConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={() => setIsConfirming(true)}
          className="text-red-700 underline-offset-2 hover:underline"
        >
          Delete
        </button>
      )}
    </div>
  );
}
