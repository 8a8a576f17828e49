import { and, eq, inArray, sql } from "drizzle-orm";
import { getXAccount } from "@/lib/accounts/x-account";
import { evaluateBudget } from "@/lib/budget/evaluate-budget";
import { getDb, postingSlot, thread, user } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { nextFreeSlot } from "@/lib/time/queue";
import { formatInstant } from "@/lib/time/format";
import { findPostProblems } from "./final-texts";
import { getOwnedThread } from "./queries";
import { EDITABLE_STATUSES, type Thread } from "./types";

/** How many queue slots "Add to queue" tries before giving up on the budget. */
const QUEUE_ATTEMPTS = 40;

async function loadSchedulable(userId: string, id: string) {
  const current = await getOwnedThread(userId, id);
  if (!current) throw notFound("That thread");
  if (!EDITABLE_STATUSES.includes(current.status)) {
    throw new AppError(
      "conflict",
      "This thread is being published or was already posted, so it cannot be rescheduled.",
    );
  }
  const [problem] = findPostProblems(
    current.posts.map((post) => post.text),
    current.numbering,
  );
  if (problem) throw new AppError("invalid_input", `Not scheduled: ${problem.message}`);

  return current;
}

async function loadTimeZone(userId: string): Promise<string> {
  const [row] = await getDb()
    .select({ timezone: user.timezone })
    .from(user)
    .where(eq(user.id, userId))
    .limit(1);
  return row?.timezone ?? "UTC";
}

async function markScheduled(current: Thread, publishAt: Date): Promise<Thread> {
  const xAccount = await getXAccount(current.userId);
  const [updated] = await getDb()
    .update(thread)
    .set({
      status: "scheduled",
      publishAt,
      accountId: xAccount?.id ?? current.accountId,
      revision: sql`${thread.revision} + 1`,
      lastError: null,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(thread.id, current.id),
        eq(thread.userId, current.userId),
        eq(thread.revision, current.revision),
        inArray(thread.status, [...EDITABLE_STATUSES]),
      ),
    )
    .returning();
  if (!updated) {
    throw new AppError(
      "conflict",
      "This thread changed while it was being scheduled. Reload it and try again.",
    );
  }

  return updated;
}

/**
 * Schedules a thread at an instant after validating every post again and
 * checking the posting budget around that instant. Bumps the revision, so an
 * earlier publish request for this thread no longer applies.
 */
export async function scheduleThread(input: {
  userId: string;
  id: string;
  publishAt: Date;
  now?: Date;
}): Promise<Thread> {
  const now = input.now ?? new Date();
  if (input.publishAt.getTime() <= now.getTime()) {
    throw new AppError("invalid_input", "That time has already passed. Pick a time in the future.");
  }
  const current = await loadSchedulable(input.userId, input.id);

  const budget = await evaluateBudget({
    userId: input.userId,
    at: input.publishAt,
    postCount: current.posts.length,
    excludeThreadId: current.id,
  });
  if (!budget.fits) {
    const timeZone = await loadTimeZone(input.userId);
    const posts = budget.overBy === 1 ? "1 post" : `${budget.overBy} posts`;
    const fit = budget.earliestFit
      ? `It would fit from ${formatInstant(budget.earliestFit, timeZone)}.`
      : "It does not fit in the next 30 days; split it into shorter threads.";
    throw new AppError(
      "over_budget",
      `This thread is ${posts} over the X posting limit around that time. ${fit}`,
    );
  }

  return markScheduled(current, input.publishAt);
}

/** Schedules a thread in the writer's next free posting slot that the budget allows. */
export async function addThreadToQueue(input: { userId: string; id: string; now?: Date }): Promise<Thread> {
  const now = input.now ?? new Date();
  const current = await loadSchedulable(input.userId, input.id);
  const db = getDb();
  const slots = await db.select().from(postingSlot).where(eq(postingSlot.userId, input.userId));
  if (slots.length === 0) {
    throw new AppError(
      "invalid_input",
      "You have no posting slots yet. Add some in Settings, or pick a time.",
    );
  }

  const timeZone = await loadTimeZone(input.userId);
  const scheduled = await db
    .select({ publishAt: thread.publishAt })
    .from(thread)
    .where(and(eq(thread.userId, input.userId), inArray(thread.status, ["scheduled", "publishing"])));
  const taken = new Set(scheduled.flatMap((row) => (row.publishAt ? [row.publishAt.getTime()] : [])));

  let after = now;
  for (let attempt = 0; attempt < QUEUE_ATTEMPTS; attempt += 1) {
    const slot = nextFreeSlot({ slots, timeZone, after, takenInstants: taken });
    if (!slot) break;
    const budget = await evaluateBudget({
      userId: input.userId,
      at: slot,
      postCount: current.posts.length,
      excludeThreadId: current.id,
    });
    if (budget.fits) return markScheduled(current, slot);
    after = slot;
  }

  throw new AppError(
    "over_budget",
    "No free posting slot in the next 8 weeks has room in the X posting budget. Add slots or pick a time.",
  );
}

async function leaveSchedule(userId: string, id: string, status: "draft" | "cancelled"): Promise<Thread> {
  const [updated] = await getDb()
    .update(thread)
    .set({ status, revision: sql`${thread.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(thread.id, id), eq(thread.userId, userId), eq(thread.status, "scheduled")))
    .returning();
  if (updated) return updated;

  const existing = await getOwnedThread(userId, id);
  if (!existing) throw notFound("That thread");
  throw new AppError(
    "conflict",
    "Only a scheduled thread can be unscheduled or cancelled; this one is not scheduled.",
  );
}

/** Moves a scheduled thread back to the drafts, keeping its time for reference. */
export function unscheduleThread(userId: string, id: string): Promise<Thread> {
  return leaveSchedule(userId, id, "draft");
}

/** Cancels a scheduled thread; it stays listed as cancelled and can be edited again. */
export function cancelThread(userId: string, id: string): Promise<Thread> {
  return leaveSchedule(userId, id, "cancelled");
}
