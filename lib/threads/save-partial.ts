import { and, eq, ne, sql } from "drizzle-orm";
import { getDb, thread, threadPost } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizePostText } from "@/lib/x/post-text";
import type { Thread, ThreadWithPosts } from "./types";

/** Counts the posts at the start of a partial thread that are already on X and so can no longer change. */
export function countPostedPrefix(posts: ThreadWithPosts["posts"]): number {
  let count = 0;
  while (count < posts.length && posts[count]!.state === "posted") count += 1;

  return count;
}

/**
 * Saves a thread that stopped part way: the posts already on X stay exactly as
 * they are (their ledger rows are kept), and the posts after them are
 * replaced, so the writer can fix what X rejected and resume. Numbering
 * cannot change, because it is part of the text already posted.
 */
export async function savePartialThread(
  current: ThreadWithPosts,
  input: { userId: string; title: string; posts: readonly string[]; numbering: boolean; revision: number },
): Promise<Thread> {
  const postedCount = countPostedPrefix(current.posts);
  // A post whose result at X is unknown may exist there. Replacing its row would lose the
  // chance to find it, so such a thread is resumed first, which checks X before sending.
  const unconfirmed = current.posts.find((post) => post.state === "unknown" || post.state === "sending");
  if (unconfirmed) {
    throw new AppError(
      "conflict",
      `Not saved: X has not confirmed whether post ${unconfirmed.position + 1} went out. Resume the thread first so InsightProse can check X for it.`,
    );
  }
  const keepsPosted = current.posts
    .slice(0, postedCount)
    .every((post, index) => normalizePostText(input.posts[index] ?? "") === post.text);
  if (!keepsPosted || input.numbering !== current.numbering || input.posts.length <= postedCount) {
    throw new AppError(
      "invalid_input",
      `Not saved: the first ${postedCount === 1 ? "post is" : `${postedCount} posts are`} already on X and cannot change, and numbering stays as it was posted. Edit the posts after them.`,
    );
  }

  return getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(thread)
      .set({ title: input.title, revision: sql`${thread.revision} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(thread.id, current.id),
          eq(thread.userId, input.userId),
          eq(thread.revision, input.revision),
          eq(thread.status, "partial"),
        ),
      )
      .returning();
    if (!updated) {
      throw new AppError(
        "conflict",
        "This thread changed in another tab or is being resumed. Reload it to see the latest version.",
      );
    }

    await tx
      .delete(threadPost)
      .where(and(eq(threadPost.threadId, current.id), ne(threadPost.state, "posted")));
    const tail = input.posts.slice(postedCount).map((text, offset) => ({
      threadId: current.id,
      position: postedCount + offset,
      text: normalizePostText(text),
    }));
    await tx.insert(threadPost).values(tail);

    return updated;
  });
}
