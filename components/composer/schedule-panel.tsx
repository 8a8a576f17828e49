"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import {
  addToQueueAction,
  cancelThreadAction,
  previewBudgetAction,
  scheduleThreadAction,
  unscheduleThreadAction,
  type BudgetPreview,
} from "@/app/(app)/threads/actions";
import type { ThreadStatus } from "@/lib/threads/types";
import { formatInstant, formatUtc } from "@/lib/time/format";
import { addDays, toWallTime, wallTimeToInstant } from "@/lib/time/zoned";

export interface ScheduleState {
  status: ThreadStatus;
  publishAt: string | null;
  timeZone: string;
  hasSlots: boolean;
}

interface SchedulePanelProps {
  threadId: string;
  posts: string[];
  numbering: boolean;
  state: ScheduleState;
  isEditable: boolean;
  hasInvalidPosts: boolean;
  flushSave: () => Promise<boolean>;
  onRevisionChange: (revision: number) => void;
}

const BUDGET_DELAY_MS = 400;

function initialWallTime(state: ScheduleState) {
  if (state.publishAt) return toWallTime(new Date(state.publishAt), state.timeZone);
  const today = toWallTime(new Date(), state.timeZone).date;

  return { date: addDays(today, 1), time: "09:00" };
}

export function SchedulePanel(props: SchedulePanelProps) {
  const { state, threadId } = props;
  const router = useRouter();
  const [status, setStatus] = useState(state.status);
  const [publishAt, setPublishAt] = useState(state.publishAt);
  const [wall, setWall] = useState(() => initialWallTime(state));
  const [budget, setBudget] = useState<BudgetPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const instant = useMemo(() => wallTimeToInstant(wall, state.timeZone), [wall, state.timeZone]);
  const postCount = props.posts.length;

  useEffect(() => {
    if (!instant) return;
    let isCurrent = true;
    const timer = setTimeout(async () => {
      const result = await previewBudgetAction({
        id: threadId,
        ...wall,
        posts: props.posts,
        numbering: props.numbering,
      });
      if (isCurrent) setBudget(result.ok ? result.data : null);
    }, BUDGET_DELAY_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // The budget depends on the post count, not on the posts' wording.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [threadId, wall, instant, postCount, props.numbering]);

  function run(
    action: () => Promise<
      { ok: true; data: { revision: number; publishAt?: string } } | { ok: false; error: string }
    >,
    nextStatus: ThreadStatus,
  ) {
    setError(null);
    startTransition(async () => {
      if (!(await props.flushSave())) {
        setError(
          "The latest changes could not be saved, so nothing was scheduled. Fix the problem shown above first.",
        );
        return;
      }
      const result = await action();
      if (!result.ok) {
        setError(result.error);
        return;
      }
      props.onRevisionChange(result.data.revision);
      setStatus(nextStatus);
      if (result.data.publishAt) {
        setPublishAt(result.data.publishAt);
        setWall(toWallTime(new Date(result.data.publishAt), state.timeZone));
      }
      router.refresh();
    });
  }

  const isScheduled = status === "scheduled";
  const canSchedule = props.isEditable && !props.hasInvalidPosts && instant !== null && !isPending;

  return (
    <section aria-labelledby="schedule-heading" className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
      <h2 id="schedule-heading" className="text-sm font-semibold text-neutral-600">
        Schedule
      </h2>

      {isScheduled && publishAt && (
        <p className="mt-2 rounded-lg bg-accent-soft p-3 text-sm" data-testid="scheduled-for">
          Scheduled for {formatInstant(new Date(publishAt), state.timeZone)} ·{" "}
          {formatUtc(new Date(publishAt))}
        </p>
      )}

      <div className="mt-3 grid grid-cols-2 gap-3">
        <label className="text-sm">
          <span className="block font-medium">Date</span>
          <input
            type="date"
            value={wall.date}
            disabled={!props.isEditable}
            onChange={(event) => setWall((current) => ({ ...current, date: event.target.value }))}
            className="mt-1 w-full rounded-lg border border-neutral-300 px-2 py-1.5"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Time</span>
          <input
            type="time"
            value={wall.time}
            disabled={!props.isEditable}
            onChange={(event) => setWall((current) => ({ ...current, time: event.target.value }))}
            className="mt-1 w-full rounded-lg border border-neutral-300 px-2 py-1.5"
          />
        </label>
      </div>
      <p className="mt-2 text-xs text-neutral-600" data-testid="schedule-instant">
        {instant
          ? `Posts at ${formatInstant(instant, state.timeZone)} · ${formatUtc(instant)}`
          : "Enter a real date and a time as HH:MM."}
      </p>
      <p className="mt-1 text-xs text-neutral-500">
        Times are in your time zone, {state.timeZone} (change it in Settings). On a day the clocks change, a
        time that does not exist moves to the next valid minute, and a time that happens twice uses the first.
      </p>

      {budget && <BudgetSummary budget={budget} timeZone={state.timeZone} postCount={postCount} />}

      {error && (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      )}
      {props.hasInvalidPosts && props.isEditable && (
        <p className="mt-3 text-sm text-amber-800">Fix the posts with a message in red before scheduling.</p>
      )}

      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          disabled={!canSchedule}
          onClick={() => run(() => scheduleThreadAction({ id: threadId, ...wall }), "scheduled")}
          className="rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
        >
          {isScheduled ? "Reschedule" : "Schedule"}
        </button>
        <button
          type="button"
          disabled={!canSchedule || !state.hasSlots}
          title={state.hasSlots ? undefined : "Add posting slots in Settings first"}
          onClick={() => run(() => addToQueueAction({ id: threadId }), "scheduled")}
          className="rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-neutral-300 disabled:opacity-50"
        >
          Add to queue
        </button>
        {isScheduled && (
          <>
            <button
              type="button"
              disabled={isPending}
              onClick={() => run(() => unscheduleThreadAction({ id: threadId }), "draft")}
              className="rounded-full px-4 py-2 text-sm ring-1 ring-neutral-300"
            >
              Unschedule
            </button>
            <button
              type="button"
              disabled={isPending}
              onClick={() => run(() => cancelThreadAction({ id: threadId }), "cancelled")}
              className="rounded-full px-4 py-2 text-sm text-red-700 ring-1 ring-red-200"
            >
              Cancel thread
            </button>
          </>
        )}
      </div>
      {!state.hasSlots && (
        <p className="mt-2 text-xs text-neutral-500">
          “Add to queue” uses your weekly posting slots; add them in Settings.
        </p>
      )}
    </section>
  );
}

function BudgetSummary({
  budget,
  timeZone,
  postCount,
}: {
  budget: BudgetPreview;
  timeZone: string;
  postCount: number;
}) {
  const window = (hours: number) => (hours >= 24 ? `${hours} hours` : `${hours * 60} minutes`);

  return (
    <div
      className="mt-3 space-y-1 rounded-lg bg-neutral-50 p-3 text-xs text-neutral-700"
      data-testid="budget"
    >
      <p>
        You have {budget.user.left} of {budget.user.limit} posts left in the {window(budget.user.windowHours)}{" "}
        around this time; the app has {budget.app.left} of {budget.app.limit} ({budget.tier} tier). This
        thread uses {postCount}.
      </p>
      {budget.costUsd !== null && <p>Cost on pay-per-use: about ${budget.costUsd.toFixed(3)}.</p>}
      {budget.observed && (
        <p className={budget.observed.remaining < postCount ? "font-semibold text-amber-800" : undefined}>
          X last reported {budget.observed.remaining} posts left until{" "}
          {formatInstant(new Date(budget.observed.resetAt), timeZone)}; publishing waits for that reset if the
          thread does not fit.
        </p>
      )}
      {!budget.fits && (
        <p className="font-semibold text-red-800">
          {budget.overBy} {budget.overBy === 1 ? "post" : "posts"} over the limit.{" "}
          {budget.earliestFit
            ? `It would fit from ${formatInstant(new Date(budget.earliestFit), timeZone)}.`
            : "It does not fit in the next 30 days."}
        </p>
      )}
    </div>
  );
}
