import { and, eq, sql, type SQL } from "drizzle-orm";
import { getDb, thread } from "@/lib/db";
import { getLogger } from "@/lib/log";
import type { ThreadStatus } from "@/lib/threads/types";
import { loadPublishingThread, markSendingAsUnknown } from "./ledger";
import { describeStop, WAITING_FOR_RECONNECT } from "./messages";

export interface StopInfo {
  /** Zero-based position of the post the thread stopped at; defaults to the first one not posted. */
  position?: number;
  reason: string;
  needsReconnect?: boolean;
}

export interface FinishResult {
  status: ThreadStatus | "deleted";
  lastError: string | null;
}

/**
 * Ends a publishing run: `published` when every post is on X, `partial` when
 * some are (or may be), `failed` when none is. A thread stopped by an account
 * that needs reconnecting before anything went out goes back to `scheduled`
 * and waits. Does nothing unless the thread is still publishing this revision.
 */
export async function finishThread(
  input: { threadId: string; revision: number; stop?: StopInfo },
  now = new Date(),
): Promise<FinishResult> {
  const loaded = await loadPublishingThread(input.threadId);
  if (!loaded) return { status: "deleted", lastError: null };
  const { thread: current, posts } = loaded;
  if (current.status !== "publishing" || current.revision !== input.revision) {
    return { status: current.status, lastError: current.lastError };
  }

  const postedCount = posts.filter((post) => post.state === "posted").length;
  const isUncertain = posts.some((post) => post.state === "sending" || post.state === "unknown");
  const firstUnposted = posts.find((post) => post.state !== "posted");
  const stop: StopInfo | undefined =
    input.stop ?? (firstUnposted ? { reason: firstUnposted.lastError ?? "It was not sent." } : undefined);
  const stopPosition = stop?.position ?? firstUnposted?.position ?? 0;

  let result: { status: ThreadStatus; lastError: string | null; revision?: SQL };
  if (postedCount === posts.length) {
    result = { status: "published", lastError: null };
  } else if (stop?.needsReconnect && postedCount === 0 && !isUncertain) {
    // A new revision gets a new publish request once the account works again.
    result = { status: "scheduled", lastError: WAITING_FOR_RECONNECT, revision: sql`${thread.revision} + 1` };
  } else {
    const reason = stop?.needsReconnect
      ? "your X account needs to be reconnected. Sign in with X again, then resume."
      : (stop?.reason ?? "It was not sent.");
    const lastError = describeStop({ position: stopPosition, postCount: posts.length, reason });
    result = { status: postedCount > 0 || isUncertain ? "partial" : "failed", lastError };
  }

  await getDb()
    .update(thread)
    .set({ ...result, updatedAt: now })
    .where(
      and(
        eq(thread.id, input.threadId),
        eq(thread.revision, input.revision),
        eq(thread.status, "publishing"),
      ),
    );
  getLogger().info(
    { threadId: input.threadId, status: result.status, postedCount },
    "publishing run finished",
  );

  return { status: result.status, lastError: result.lastError };
}

/**
 * Ends a run that failed for good because its retries ran out. Rows whose
 * request was in flight become `unknown`, and the thread becomes `partial`
 * (which the writer can resume) or `failed` (which they can reschedule) with the error.
 */
export async function abandonPublishRun(
  input: { threadId: string; revision: number; error: string },
  now = new Date(),
) {
  const unconfirmed = "X never confirmed this post. Resume checks X for it before sending it again.";
  await markSendingAsUnknown(input.threadId, unconfirmed);

  return finishThread(
    {
      threadId: input.threadId,
      revision: input.revision,
      stop: { reason: `publishing stopped after repeated errors (${input.error}).` },
    },
    now,
  );
}
