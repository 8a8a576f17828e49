import { and, eq } from "drizzle-orm";
import { evaluateBudget } from "@/lib/budget/evaluate-budget";
import { getDb, thread } from "@/lib/db";
import { formatInstant } from "@/lib/time/format";
import { RetryLaterError } from "./errors";
import { loadPublishingThread } from "./ledger";
import { getObservedAllowance } from "./rate-limits";

/** A thread waits for room in the budget only when room comes within this time; otherwise it stops. */
const MAX_BUDGET_WAIT_MS = 24 * 60 * 60 * 1000;

export type BudgetCheck = { kind: "fits" } | { kind: "over"; reason: string };

async function noteWaiting(
  threadId: string,
  revision: number,
  until: Date,
  why: string,
): Promise<RetryLaterError> {
  const message = `Waiting until ${formatInstant(until, "UTC")}: ${why}`;
  await getDb()
    .update(thread)
    .set({ lastError: message })
    .where(and(eq(thread.id, threadId), eq(thread.revision, revision), eq(thread.status, "publishing")));

  return new RetryLaterError(message, until);
}

/**
 * Checks, before the first unsent post goes out, that all the thread's unsent
 * posts fit both the app's own count of the posting budget and the allowance
 * X last reported in its rate limit headers. A thread that fits later today
 * waits (RetryLaterError, with the reason shown to the writer); one that does
 * not is reported `over`.
 */
export async function checkPublishBudget(
  input: { threadId: string; revision: number },
  now = new Date(),
): Promise<BudgetCheck> {
  const loaded = await loadPublishingThread(input.threadId);
  if (!loaded || loaded.thread.status !== "publishing" || loaded.thread.revision !== input.revision) {
    return { kind: "fits" };
  }
  const { thread: current, posts } = loaded;
  const unsent = posts.filter((post) => post.state !== "posted").length;
  if (unsent === 0) return { kind: "fits" };
  const deadline = now.getTime() + MAX_BUDGET_WAIT_MS;

  const observed = current.accountId ? await getObservedAllowance(current.accountId, now) : null;
  if (observed && observed.remaining < unsent) {
    const why = `X reported ${observed.remaining} posts left in its posting limit and this thread needs ${unsent}.`;
    if (observed.resetAt.getTime() <= deadline)
      throw await noteWaiting(input.threadId, input.revision, observed.resetAt, why);
    return {
      kind: "over",
      reason: `Not published: ${why} Reschedule it after ${formatInstant(observed.resetAt, "UTC")}.`,
    };
  }

  const budget = await evaluateBudget({
    userId: current.userId,
    at: now,
    postCount: unsent,
    excludeThreadId: current.id,
  });
  if (budget.fits) return { kind: "fits" };

  const why = `the thread is ${budget.overBy} ${budget.overBy === 1 ? "post" : "posts"} over the X posting limit right now.`;
  if (budget.earliestFit && budget.earliestFit.getTime() <= deadline) {
    throw await noteWaiting(input.threadId, input.revision, budget.earliestFit, why);
  }

  return { kind: "over", reason: `Not published: ${why} Reschedule it or split it into shorter threads.` };
}
