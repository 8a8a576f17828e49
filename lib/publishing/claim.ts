import { and, eq, sql } from "drizzle-orm";
import { account, getDb, thread } from "@/lib/db";
import { getLogger } from "@/lib/log";
import { loadPublishingThread, resetFailedPosts } from "./ledger";
import { WAITING_FOR_RECONNECT } from "./messages";

export type ClaimResult =
  | { kind: "claimed"; postCount: number }
  | { kind: "not_claimed"; reason: string }
  | { kind: "waiting_for_reconnect" };

/**
 * Moves a scheduled thread to `publishing` if its revision is still the one
 * the publish request was made for (a compare-and-set), so a thread that was
 * edited, rescheduled or cancelled since is left alone. Running it again for a
 * thread it already claimed reports it claimed. A thread whose X account needs
 * reconnecting stays scheduled under a new revision, so that the dispatcher
 * sends a new publish request (event ids are unique per revision) once the
 * account works again.
 */
export async function claimThread(
  input: { threadId: string; revision: number },
  now = new Date(),
): Promise<ClaimResult> {
  const db = getDb();
  const loaded = await loadPublishingThread(input.threadId);
  if (!loaded) return { kind: "not_claimed", reason: "The thread was deleted." };

  const { thread: current, posts } = loaded;
  if (current.revision !== input.revision) {
    return { kind: "not_claimed", reason: `The thread changed since (revision ${current.revision}).` };
  }
  if (current.status === "publishing") return { kind: "claimed", postCount: posts.length };
  if (current.status !== "scheduled")
    return { kind: "not_claimed", reason: `The thread is ${current.status}.` };

  if (current.accountId) {
    const [row] = await db
      .select({ status: account.status })
      .from(account)
      .where(eq(account.id, current.accountId))
      .limit(1);
    if (row && row.status !== "active") {
      await db
        .update(thread)
        .set({ revision: sql`${thread.revision} + 1`, lastError: WAITING_FOR_RECONNECT, updatedAt: now })
        .where(
          and(
            eq(thread.id, input.threadId),
            eq(thread.revision, input.revision),
            eq(thread.status, "scheduled"),
          ),
        );
      return { kind: "waiting_for_reconnect" };
    }
  }

  const claimed = await db
    .update(thread)
    .set({ status: "publishing", lastError: null, updatedAt: now })
    .where(
      and(eq(thread.id, input.threadId), eq(thread.revision, input.revision), eq(thread.status, "scheduled")),
    )
    .returning({ id: thread.id });
  if (claimed.length === 0)
    return { kind: "not_claimed", reason: "The thread changed while it was being claimed." };

  await resetFailedPosts(input.threadId);
  getLogger().info({ threadId: input.threadId, revision: input.revision }, "publishing a thread");
  return { kind: "claimed", postCount: posts.length };
}
