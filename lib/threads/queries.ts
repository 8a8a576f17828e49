import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb, thread, threadPost } from "@/lib/db";
import type { Thread, ThreadPost, ThreadStatus, ThreadWithPosts } from "./types";

/** Loads a thread with its posts if the user owns it; another user's thread is reported as missing. */
export async function getOwnedThread(userId: string, threadId: string): Promise<ThreadWithPosts | null> {
  const db = getDb();
  const [row] = await db
    .select()
    .from(thread)
    .where(and(eq(thread.id, threadId), eq(thread.userId, userId)))
    .limit(1);
  if (!row) return null;

  const posts = await db
    .select()
    .from(threadPost)
    .where(eq(threadPost.threadId, row.id))
    .orderBy(asc(threadPost.position));

  return { ...row, posts };
}

/** Lists a user's threads in the given statuses with their posts, newest publish time first. */
export async function listOwnedThreads(
  userId: string,
  statuses: readonly ThreadStatus[],
): Promise<ThreadWithPosts[]> {
  const db = getDb();
  const threads: Thread[] = await db
    .select()
    .from(thread)
    .where(and(eq(thread.userId, userId), inArray(thread.status, [...statuses])))
    .orderBy(desc(thread.publishAt), desc(thread.updatedAt));
  if (threads.length === 0) return [];

  const posts: ThreadPost[] = await db
    .select()
    .from(threadPost)
    .where(
      inArray(
        threadPost.threadId,
        threads.map((row) => row.id),
      ),
    )
    .orderBy(asc(threadPost.threadId), asc(threadPost.position));
  const postsByThread = new Map<string, ThreadPost[]>();
  for (const post of posts) {
    const list = postsByThread.get(post.threadId) ?? [];
    list.push(post);
    postsByThread.set(post.threadId, list);
  }

  return threads.map((row) => ({ ...row, posts: postsByThread.get(row.id) ?? [] }));
}
