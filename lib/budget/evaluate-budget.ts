import { and, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
import { getDb, thread, threadPost } from "@/lib/db";
import { getPostingLimits, type PostingLimit } from "./tiers";
import { busiestWindowCount, earliestFit } from "./window";

/** How far past the requested time the earliest-fit search looks. */
const SEARCH_HORIZON_MS = 30 * 24 * 60 * 60 * 1000;

export interface BudgetScope {
  limit: number;
  windowMs: number;
  /** Posts already posted or scheduled in the busiest window around the time. */
  used: number;
  /** Posts left for this thread, never below zero. */
  left: number;
}

export interface BudgetEvaluation {
  user: BudgetScope;
  app: BudgetScope;
  fits: boolean;
  /** Posts over the tighter of the two limits; 0 when the thread fits. */
  overBy: number;
  /** The earliest time at or after the requested one where the thread fits, or null. */
  earliestFit: Date | null;
}

/**
 * Times of posts that count against a limit: posts already sent, and the
 * unsent posts of scheduled or publishing threads at their publish time.
 */
async function loadPostTimes(input: { userId?: string; excludeThreadId?: string; from: Date; to: Date }) {
  const db = getDb();
  const ownerFilter = input.userId ? eq(thread.userId, input.userId) : undefined;
  const exclusion = input.excludeThreadId ? ne(thread.id, input.excludeThreadId) : undefined;

  const sent = await db
    .select({ at: threadPost.postedAt })
    .from(threadPost)
    .innerJoin(thread, eq(thread.id, threadPost.threadId))
    .where(
      and(
        eq(threadPost.state, "posted"),
        gt(threadPost.postedAt, input.from),
        lt(threadPost.postedAt, input.to),
        ownerFilter,
        exclusion,
      ),
    );
  const planned = await db
    .select({ at: thread.publishAt, count: sql<number>`count(*)::int` })
    .from(thread)
    .innerJoin(threadPost, eq(threadPost.threadId, thread.id))
    .where(
      and(
        inArray(thread.status, ["scheduled", "publishing"]),
        ne(threadPost.state, "posted"),
        gt(thread.publishAt, input.from),
        lt(thread.publishAt, input.to),
        ownerFilter,
        exclusion,
      ),
    )
    .groupBy(thread.id, thread.publishAt);

  const times: number[] = [];
  for (const row of sent) if (row.at) times.push(row.at.getTime());
  for (const row of planned) {
    if (!row.at) continue;
    for (let index = 0; index < Number(row.count); index += 1) times.push(row.at.getTime());
  }

  return times.sort((a, b) => a - b);
}

function scopeAt(times: number[], at: number, limit: PostingLimit): BudgetScope {
  const used = busiestWindowCount(times, at, limit.windowMs);

  return { limit: limit.limit, windowMs: limit.windowMs, used, left: Math.max(0, limit.limit - used) };
}

/** Checks whether `postCount` posts at `at` fit the user's and the app's posting limits. */
export async function evaluateBudget(input: {
  userId: string;
  at: Date;
  postCount: number;
  excludeThreadId?: string;
}): Promise<BudgetEvaluation> {
  const limits = getPostingLimits();
  const at = input.at.getTime();
  const widest = Math.max(limits.user.windowMs, limits.app.windowMs);
  const range = { from: new Date(at - widest), to: new Date(at + SEARCH_HORIZON_MS + widest) };
  const [userTimes, appTimes] = await Promise.all([
    loadPostTimes({ ...range, userId: input.userId, excludeThreadId: input.excludeThreadId }),
    loadPostTimes({ ...range, excludeThreadId: input.excludeThreadId }),
  ]);

  const user = scopeAt(userTimes, at, limits.user);
  const app = scopeAt(appTimes, at, limits.app);
  const overBy = Math.max(0, input.postCount - Math.min(user.left, app.left));

  return { user, app, fits: overBy === 0, overBy, earliestFit: overBy === 0 ? input.at : findEarliestFit() };

  function findEarliestFit(): Date | null {
    let candidate: number | null = at;
    // Alternate between the two scopes until one time satisfies both.
    for (let round = 0; round < 50 && candidate !== null; round += 1) {
      const forUser = earliestFit(
        userTimes,
        candidate,
        input.postCount,
        limits.user.limit,
        limits.user.windowMs,
      );
      if (forUser === null) return null;
      const forApp = earliestFit(appTimes, forUser, input.postCount, limits.app.limit, limits.app.windowMs);
      if (forApp === null) return null;
      if (forApp === forUser) return forApp <= at + SEARCH_HORIZON_MS ? new Date(forApp) : null;
      candidate = forApp;
    }

    return null;
  }
}
