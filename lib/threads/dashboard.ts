import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, thread, threadPost } from "@/lib/db";
import type { ThreadStatus } from "./types";

export interface ThreadSummary {
  id: string;
  title: string;
  status: ThreadStatus;
  publishAt: Date | null;
  updatedAt: Date;
  lastError: string | null;
  firstPost: string;
  postCount: number;
  postedCount: number;
  /** X id of the first post, once it is on X. */
  firstXPostId: string | null;
}

/** How many threads each dashboard list shows. */
export const DASHBOARD_LIST_LIMIT = 20;

type ThreadRow = Pick<ThreadSummary, "id" | "title" | "status" | "publishAt" | "updatedAt" | "lastError">;

function listThreads(
  userId: string,
  statuses: ThreadStatus[],
  order: "upcoming" | "recent",
): Promise<ThreadRow[]> {
  return getDb()
    .select({
      id: thread.id,
      title: thread.title,
      status: thread.status,
      publishAt: thread.publishAt,
      updatedAt: thread.updatedAt,
      lastError: thread.lastError,
    })
    .from(thread)
    .where(and(eq(thread.userId, userId), inArray(thread.status, statuses)))
    .orderBy(order === "upcoming" ? asc(thread.publishAt) : desc(thread.updatedAt))
    .limit(DASHBOARD_LIST_LIMIT);
}

/** Post counts and first posts for the listed threads only, in one statement. */
async function summarisePosts(threadIds: string[]) {
  if (threadIds.length === 0) return new Map<string, Omit<ThreadSummary, keyof ThreadRow>>();

  const rows = await getDb()
    .select({
      threadId: threadPost.threadId,
      firstPost: sql<string>`coalesce(max(${threadPost.text}) filter (where ${threadPost.position} = 0), '')`,
      postCount: sql<number>`count(*)::int`,
      postedCount: sql<number>`(count(*) filter (where ${threadPost.state} = 'posted'))::int`,
      firstXPostId: sql<string | null>`max(${threadPost.xPostId}) filter (where ${threadPost.position} = 0)`,
    })
    .from(threadPost)
    .where(inArray(threadPost.threadId, threadIds))
    .groupBy(threadPost.threadId);

  return new Map(
    rows.map((row) => [
      row.threadId,
      {
        firstPost: row.firstPost,
        postCount: Number(row.postCount),
        postedCount: Number(row.postedCount),
        firstXPostId: row.firstXPostId,
      },
    ]),
  );
}

/**
 * Loads the dashboard's lists: each at most DASHBOARD_LIST_LIMIT threads,
 * with their posts summarised only for the threads shown, so the cost does
 * not grow with how many threads a writer keeps.
 */
export async function loadDashboard(userId: string) {
  const [upcoming, attention, drafts, published] = await Promise.all([
    listThreads(userId, ["scheduled", "publishing"], "upcoming"),
    listThreads(userId, ["failed", "partial"], "recent"),
    listThreads(userId, ["draft", "cancelled"], "recent"),
    listThreads(userId, ["published"], "recent"),
  ]);
  const summaries = await summarisePosts(
    [...upcoming, ...attention, ...drafts, ...published].map((row) => row.id),
  );
  const withPosts = (rows: ThreadRow[]): ThreadSummary[] =>
    rows.map((row) => ({
      ...row,
      ...(summaries.get(row.id) ?? { firstPost: "", postCount: 0, postedCount: 0, firstXPostId: null }),
    }));

  return {
    upcoming: withPosts(upcoming),
    attention: withPosts(attention),
    drafts: withPosts(drafts),
    published: withPosts(published),
  };
}
