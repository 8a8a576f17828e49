import { and, eq, sql } from "drizzle-orm";
import { getDb, thread } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { getLogger } from "@/lib/log";
import { getOwnedThread } from "@/lib/threads/queries";
import type { Thread } from "@/lib/threads/types";
import { notifyThreadScheduled } from "./dispatch";

/**
 * Schedules a partial thread again under a new revision, keeping its publish
 * time, so it goes out at once. The new run reuses the posts already on X,
 * reconciles the unconfirmed ones and continues from the first post not yet
 * posted, replying to the last confirmed one.
 */
export async function resumeThread(userId: string, threadId: string, now = new Date()): Promise<Thread> {
  const [resumed] = await getDb()
    .update(thread)
    .set({
      status: "scheduled",
      revision: sql`${thread.revision} + 1`,
      publishAt: sql`coalesce(${thread.publishAt}, ${now.toISOString()}::timestamptz)`,
      lastError: null,
      updatedAt: now,
    })
    .where(and(eq(thread.id, threadId), eq(thread.userId, userId), eq(thread.status, "partial")))
    .returning();

  if (!resumed) {
    const existing = await getOwnedThread(userId, threadId);
    if (!existing) throw notFound("That thread");
    throw new AppError("conflict", "Only a partly published thread can be resumed; this one is not.");
  }

  getLogger().info({ threadId, revision: resumed.revision }, "thread resumed");
  await notifyThreadScheduled(resumed, { now });

  return resumed;
}
