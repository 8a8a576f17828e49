"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/authed-action";
import { deleteAccountAction, disconnectXAction } from "./actions";

type State = ActionResult | null;

export function DisconnectXForm({ scheduledCount }: { scheduledCount: number }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [state, formAction, isPending] = useActionState<State, FormData>(
    (_previous, formData) => disconnectXAction(formData),
    null,
  );

  if (!isConfirming) {
    return (
      <button
        type="button"
        onClick={() => setIsConfirming(true)}
        className="mt-6 rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-neutral-300 hover:bg-neutral-50"
      >
        Disconnect X
      </button>
    );
  }

  return (
    <form action={formAction} className="mt-6 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
      <p className="text-amber-900">
        {scheduledCount === 0
          ? "You have no scheduled threads."
          : `Your ${scheduledCount} scheduled ${scheduledCount === 1 ? "thread" : "threads"} will not be posted while X is disconnected; they wait until you sign in with X again.`}{" "}
        InsightProse will ask X to revoke its access now. You stay signed in here.
      </p>
      {state && !state.ok && (
        <p role="alert" className="mt-2 text-red-700">
          {state.error}
        </p>
      )}
      <div className="mt-4 flex gap-3">
        <button
          type="submit"
          disabled={isPending}
          className="rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Disconnecting…" : "Yes, disconnect X"}
        </button>
        <button type="button" onClick={() => setIsConfirming(false)} className="text-sm underline">
          Keep it connected
        </button>
      </div>
    </form>
  );
}

export function DeleteAccountForm({ username }: { username: string }) {
  const [state, formAction, isPending] = useActionState<State, FormData>(
    (_previous, formData) => deleteAccountAction(formData),
    null,
  );

  return (
    <form action={formAction} className="mt-4 space-y-3">
      <label htmlFor="delete-confirmation" className="block text-sm font-medium">
        Type your X handle ({username}) to confirm
      </label>
      <input
        id="delete-confirmation"
        name="confirmation"
        autoComplete="off"
        className="w-full rounded-lg border border-neutral-300 px-3 py-2"
      />
      {state && !state.ok && (
        <p role="alert" className="text-red-700">
          {state.error}
        </p>
      )}
      <button
        type="submit"
        disabled={isPending}
        className="rounded-full bg-red-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        {isPending ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
