"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/authed-action";
import { WEEKDAY_NAMES } from "@/lib/settings/weekdays";
import { addSlotAction, removeSlotAction, setTimeZoneAction } from "./preferences-actions";

type State = ActionResult | null;

function Message({ state, success }: { state: State; success: string }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="text-sm text-accent">
      {success}
    </p>
  ) : (
    <p role="alert" className="text-sm text-red-700">
      {state.error}
    </p>
  );
}

export function TimeZoneForm({ current, zones }: { current: string; zones: string[] }) {
  const [state, formAction, isPending] = useActionState<State, FormData>(
    (_previous, formData) => setTimeZoneAction(formData),
    null,
  );

  return (
    <form action={formAction} className="mt-4 flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block font-medium">Time zone</span>
        <select
          name="timeZone"
          defaultValue={current}
          className="mt-1 rounded-lg border border-neutral-300 px-2 py-1.5"
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        disabled={isPending}
        className="rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white"
      >
        {isPending ? "Saving…" : "Save time zone"}
      </button>
      <Message state={state} success="Time zone saved. Scheduled threads keep their instant." />
    </form>
  );
}

export function AddSlotForm() {
  const [state, formAction, isPending] = useActionState<State, FormData>(
    (_previous, formData) => addSlotAction(formData),
    null,
  );

  return (
    <form action={formAction} className="mt-4 flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block font-medium">Weekday</span>
        <select
          name="weekday"
          defaultValue="1"
          className="mt-1 rounded-lg border border-neutral-300 px-2 py-1.5"
        >
          {WEEKDAY_NAMES.map((name, index) => (
            <option key={name} value={index + 1}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Slot time</span>
        <input
          type="time"
          name="localTime"
          defaultValue="09:00"
          required
          className="mt-1 rounded-lg border border-neutral-300 px-2 py-1.5"
        />
      </label>
      <button
        type="submit"
        disabled={isPending}
        className="rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-neutral-300"
      >
        Add slot
      </button>
      <Message state={state} success="Slot added." />
    </form>
  );
}

export function RemoveSlotButton({ slotId, label }: { slotId: string; label: string }) {
  const [state, formAction, isPending] = useActionState<State, FormData>(
    (_previous, formData) => removeSlotAction(formData),
    null,
  );

  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="slotId" value={slotId} />
      <button
        type="submit"
        disabled={isPending}
        className="text-sm text-red-700 underline"
        aria-label={`Remove ${label}`}
      >
        Remove
      </button>
      {state && !state.ok && <span className="ml-2 text-sm text-red-700">{state.error}</span>}
    </form>
  );
}
