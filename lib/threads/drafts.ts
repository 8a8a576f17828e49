import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, thread, threadPost } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { normalizePostText } from "@/lib/x/post-text";
import { findPostProblems } from "./final-texts";
import { getOwnedThread } from "./queries";
import { savePartialThread } from "./save-partial";
import { EDITABLE_STATUSES, MAX_POSTS_PER_THREAD, type Thread, type ThreadWithPosts } from "./types";

function postRows(threadId: string, drafts: readonly string[]) {
  return drafts.map((text, position) => ({ threadId, position, text: normalizePostText(text) }));
}

/** Creates a draft thread owned by the user and returns it. */
export async function createThreadDraft(input: {
  userId: string;
  posts?: readonly string[];
  title?: string;
  numbering?: boolean;
  insightId?: string | null;
  accountId?: string | null;
}): Promise<ThreadWithPosts> {
  const drafts = input.posts && input.posts.length > 0 ? input.posts.slice(0, MAX_POSTS_PER_THREAD) : [""];

  return getDb().transaction(async (tx) => {
    const [created] = await tx
      .insert(thread)
      .values({
        userId: input.userId,
        title: input.title ?? "",
        numbering: input.numbering ?? false,
        insightId: input.insightId ?? null,
        accountId: input.accountId ?? null,
      })
      .returning();
    if (!created) throw new Error("Inserting a thread returned no row.");
    const posts = await tx.insert(threadPost).values(postRows(created.id, drafts)).returning();

    return { ...created, posts };
  });
}

/**
 * Replaces a thread's title, posts and numbering. The save applies only to
 * the revision the editor loaded and only while the thread is editable, so a
 * thread that started publishing, or was changed in another tab, is never
 * overwritten. A scheduled thread stays scheduled only with valid posts.
 */
export async function saveThreadDraft(input: {
  userId: string;
  id: string;
  title: string;
  posts: readonly string[];
  numbering: boolean;
  revision: number;
}): Promise<Thread> {
  const current = await getOwnedThread(input.userId, input.id);
  if (!current) throw notFound("That thread");
  if (current.status === "partial") return savePartialThread(current, input);
  if (!EDITABLE_STATUSES.includes(current.status)) {
    throw new AppError(
      "conflict",
      "This thread is being published or was already posted, so it can no longer be edited.",
    );
  }
  if (current.status === "scheduled") {
    const [problem] = findPostProblems(input.posts, input.numbering);
    if (problem)
      throw new AppError(
        "invalid_input",
        `Not saved: ${problem.message} Or unschedule the thread to keep a draft.`,
      );
  }

  const nextStatus = current.status === "scheduled" ? "scheduled" : "draft";
  return getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(thread)
      .set({
        title: input.title,
        numbering: input.numbering,
        status: nextStatus,
        revision: sql`${thread.revision} + 1`,
        lastError: null,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(thread.id, input.id),
          eq(thread.userId, input.userId),
          eq(thread.revision, input.revision),
          inArray(thread.status, [...EDITABLE_STATUSES]),
        ),
      )
      .returning();
    if (!updated) {
      throw new AppError(
        "conflict",
        "This thread changed in another tab or started publishing. Reload it to see the latest version.",
      );
    }
    await tx.delete(threadPost).where(eq(threadPost.threadId, input.id));
    await tx.insert(threadPost).values(postRows(input.id, input.posts));

    return updated;
  });
}

/** Copies a thread's title and posts into a new draft. */
export async function duplicateThread(userId: string, id: string): Promise<ThreadWithPosts> {
  const source = await getOwnedThread(userId, id);
  if (!source) throw notFound("That thread");

  return createThreadDraft({
    userId,
    title: source.title ? `${source.title} (copy)` : "",
    posts: source.posts.map((post) => post.text),
    numbering: source.numbering,
    insightId: source.insightId,
    accountId: source.accountId,
  });
}

/** Deletes a thread that is not being published. Posts already on X stay on X. */
export async function deleteThread(userId: string, id: string): Promise<void> {
  const deleted = await getDb()
    .delete(thread)
    .where(and(eq(thread.id, id), eq(thread.userId, userId), sql`${thread.status} <> 'publishing'`))
    .returning({ id: thread.id });
  if (deleted.length > 0) return;

  const existing = await getOwnedThread(userId, id);
  if (!existing) throw notFound("That thread");
  throw new AppError(
    "conflict",
    "This thread is being published right now. Wait until it finishes, then delete it.",
  );
}
