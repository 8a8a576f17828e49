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
      firstPost: sql<string>`coalesce((select ${threadPost.text} from ${threadPost} where ${threadPost.threadId} = ${thread.id} order by ${threadPost.position} limit 1), '')`,
      postCount: sql<number>`(select count(*)::int from ${threadPost} where ${threadPost.threadId} = ${thread.id})`,
      postedCount: sql<number>`(select count(*)::int from ${threadPost} where ${threadPost.threadId} = ${thread.id} and ${threadPost.state} = 'posted')`,
      firstXPostId: sql<
        string | null
      >`(select ${threadPost.xPostId} from ${threadPost} where ${threadPost.threadId} = ${thread.id} and ${threadPost.position} = 0)`,
    })
    .from(thread)
    .where(and(eq(thread.userId, userId), inArray(thread.status, statuses)))
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
