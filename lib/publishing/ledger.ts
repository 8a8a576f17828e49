/**
 * The publish ledger: one `thread_post` row per post, whose state records what
 * is known about the post at X.
 *
 * - `pending`: never sent, or X rejected it before creating anything (401, 429).
 * - `sending`: written before the request to X; a row still in this state
 *   after a crash may or may not exist at X.
 * - `unknown`: X responded with 5xx or not at all, so the post may exist.
 * - `posted`: X returned its id, or the post was found on X by reconciliation.
 * - `failed`: X rejected it for good, and `lastError` gives the reason.
 *
 * A `sending` or `unknown` row is never sent again before reconciliation has
 * looked for it on X.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { account, getDb, thread, threadPost } from "@/lib/db";
import type { Thread, ThreadPost } from "@/lib/threads/types";

export interface PublishingThread {
  thread: Thread;
  posts: ThreadPost[];
  /** The X account the thread posts from, or null when none is linked any more. */
  account: typeof account.$inferSelect | null;
}

/** Loads a thread, its ledger rows and its X account in one statement, since every publish step starts here. */
export async function loadPublishingThread(threadId: string): Promise<PublishingThread | null> {
  const rows = await getDb()
    .select({ thread, post: threadPost, account })
    .from(thread)
    .leftJoin(threadPost, eq(threadPost.threadId, thread.id))
    .leftJoin(account, eq(account.id, thread.accountId))
    .where(eq(thread.id, threadId))
    .orderBy(asc(threadPost.position));
  const [first] = rows;
  if (!first) return null;

  return {
    thread: first.thread,
    posts: rows.flatMap((row) => (row.post ? [row.post] : [])),
    account: first.account,
  };
}

/** Records that a request for this post is about to go to X. */
export async function markSending(postId: string): Promise<void> {
  await getDb()
    .update(threadPost)
    .set({ state: "sending", attempts: sql`${threadPost.attempts} + 1`, lastError: null })
    .where(and(eq(threadPost.id, postId), ne(threadPost.state, "posted")));
}

/** Stores the id X gave the post. A row that is already posted keeps its first id. */
export async function markPosted(postId: string, xPostId: string, postedAt: Date): Promise<void> {
  await getDb()
    .update(threadPost)
    .set({ state: "posted", xPostId, postedAt, lastError: null })
    .where(and(eq(threadPost.id, postId), ne(threadPost.state, "posted")));
}

/** X rejected the post before creating it, so it can be sent again. */
export async function markPending(postId: string, reason: string): Promise<void> {
  await getDb()
    .update(threadPost)
    .set({ state: "pending", lastError: reason })
    .where(and(eq(threadPost.id, postId), ne(threadPost.state, "posted")));
}

/** X may have created the post; the next attempt reconciles before sending. */
export async function markUnknown(postId: string, reason: string): Promise<void> {
  await getDb()
    .update(threadPost)
    .set({ state: "unknown", lastError: reason })
    .where(and(eq(threadPost.id, postId), ne(threadPost.state, "posted")));
}

export async function markFailed(postId: string, reason: string): Promise<void> {
  await getDb()
    .update(threadPost)
    .set({ state: "failed", lastError: reason })
    .where(and(eq(threadPost.id, postId), ne(threadPost.state, "posted")));
}

/**
 * Turns rows left `sending` by a run that ended into `unknown`, so that they
 * are shown to the writer as unconfirmed and a resumed run reconciles them.
 */
export async function markSendingAsUnknown(threadId: string, reason: string): Promise<void> {
  await getDb()
    .update(threadPost)
    .set({ state: "unknown", lastError: reason })
    .where(and(eq(threadPost.threadId, threadId), eq(threadPost.state, "sending")));
}

/** Gives rows that failed in an earlier run another chance when a thread is claimed again. */
export async function resetFailedPosts(threadId: string): Promise<void> {
  await getDb()
    .update(threadPost)
    .set({ state: "pending" })
    .where(and(eq(threadPost.threadId, threadId), eq(threadPost.state, "failed")));
}
