import { inArray } from "drizzle-orm";
import { getDb, thread, threadPost } from "@/lib/db";
import { comparablePostText } from "@/lib/publishing/comparable-text";
import type { Sandbox } from "../../sandbox/server";

/**
 * Compares the publish ledger with what the X sandbox holds.
 *
 * - duplicates: copies on X beyond the first of one post (same author, text
 *   with URLs masked, and parent), plus X post ids claimed by two ledger rows.
 * - orphans: replies on X whose parent is not the previous post of their
 *   thread as the ledger records it, and posted rows whose previous row is not posted.
 * - lost: posted rows whose post X lacks, and posts on X that no row claims.
 */
export interface PublishAudit {
  threads: number;
  posts: number;
  duplicates: number;
  orphans: number;
  lost: number;
  problems: string[];
}

export async function auditPublishing(
  sandbox: Sandbox,
  threadIds: readonly string[],
  xUserIds: readonly string[],
) {
  const db = getDb();
  const threads =
    threadIds.length === 0
      ? []
      : await db
          .select()
          .from(thread)
          .where(inArray(thread.id, [...threadIds]));
  const rows =
    threadIds.length === 0
      ? []
      : await db
          .select()
          .from(threadPost)
          .where(inArray(threadPost.threadId, [...threadIds]));
  const authors = new Set(xUserIds);
  const onX = [...sandbox.state.posts.values()].filter(
    (post) => authors.has(post.authorId) && post.deletedAt === null,
  );
  const onXById = new Map(onX.map((post) => [post.id, post]));
  const problems: string[] = [];

  let duplicates = 0;
  const copies = new Map<string, number>();
  for (const post of onX) {
    const key = `${post.authorId}|${post.inReplyToPostId ?? ""}|${comparablePostText(post.text)}`;
    copies.set(key, (copies.get(key) ?? 0) + 1);
  }
  for (const [key, count] of copies) {
    if (count > 1) {
      duplicates += count - 1;
      problems.push(`duplicate on X: ${count} copies of ${key}`);
    }
  }
  const claimedBy = new Map<string, number>();
  for (const row of rows) if (row.xPostId) claimedBy.set(row.xPostId, (claimedBy.get(row.xPostId) ?? 0) + 1);
  for (const [id, count] of claimedBy) {
    if (count > 1) {
      duplicates += count - 1;
      problems.push(`post ${id} claimed by ${count} ledger rows`);
    }
  }

  let orphans = 0;
  let lost = 0;
  const rowsByThread = new Map<string, typeof rows>();
  for (const row of rows) rowsByThread.set(row.threadId, [...(rowsByThread.get(row.threadId) ?? []), row]);
  for (const threadRows of rowsByThread.values()) {
    threadRows.sort((a, b) => a.position - b.position);
    threadRows.forEach((row, index) => {
      if (row.state !== "posted") return;
      const previous = index === 0 ? null : threadRows[index - 1]!;
      const onXPost = row.xPostId ? onXById.get(row.xPostId) : undefined;
      if (!onXPost) {
        lost += 1;
        problems.push(`ledger row ${row.id} is posted as ${row.xPostId} but X lacks it`);
        return;
      }
      const expectedParent = previous ? previous.xPostId : null;
      if ((previous && previous.state !== "posted") || onXPost.inReplyToPostId !== expectedParent) {
        orphans += 1;
        problems.push(
          `post ${onXPost.id} replies to ${onXPost.inReplyToPostId} instead of ${expectedParent}`,
        );
      }
    });
  }
  for (const post of onX) {
    if (!claimedBy.has(post.id)) {
      lost += 1;
      problems.push(`post ${post.id} on X is in no ledger row`);
      if (post.inReplyToPostId && !onXById.has(post.inReplyToPostId)) orphans += 1;
    }
  }

  return {
    threads: threads.length,
    posts: onX.length,
    duplicates,
    orphans,
    lost,
    problems,
  } satisfies PublishAudit;
}
