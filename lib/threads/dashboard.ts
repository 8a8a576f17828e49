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
export const DASHBOARD_LIST_LIMIT = 50;

async function listSummaries(
  userId: string,
  statuses: ThreadStatus[],
  order: "upcoming" | "recent",
): Promise<ThreadSummary[]> {
  const rows = await getDb()
    .select({
      id: thread.id,
      title: thread.title,
      status: thread.status,
      publishAt: thread.publishAt,
      updatedAt: thread.updatedAt,
      lastError: thread.lastError,
      firstPost: sql<string>`coalesce(max(${threadPost.text}) filter (where ${threadPost.position} = 0), '')`,
      postCount: sql<number>`count(${threadPost.id})::int`,
      postedCount: sql<number>`(count(${threadPost.id}) filter (where ${threadPost.state} = 'posted'))::int`,
      firstXPostId: sql<string | null>`max(${threadPost.xPostId}) filter (where ${threadPost.position} = 0)`,
    })
    .from(thread)
    .leftJoin(threadPost, eq(threadPost.threadId, thread.id))
    .where(and(eq(thread.userId, userId), inArray(thread.status, statuses)))
    .groupBy(thread.id)
    .orderBy(...(order === "upcoming" ? [asc(thread.publishAt)] : [desc(thread.updatedAt)]))
    .limit(DASHBOARD_LIST_LIMIT);

  return rows.map((row) => ({
    ...row,
    postCount: Number(row.postCount),
    postedCount: Number(row.postedCount),
  }));
}

export async function loadDashboard(userId: string) {
  const [upcoming, attention, drafts, published] = await Promise.all([
    listSummaries(userId, ["scheduled", "publishing"], "upcoming"),
    listSummaries(userId, ["failed", "partial"], "recent"),
    listSummaries(userId, ["draft", "cancelled"], "recent"),
    listSummaries(userId, ["published"], "recent"),
  ]);

  return { upcoming, attention, drafts, published };
}
