import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, thread, threadPost } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createThreadDraft, saveThreadDraft } from "@/lib/threads/drafts";
import { setupTestDatabase } from "../helpers/database";
import { createTestUser } from "../helpers/users";

setupTestDatabase();

/** Creates a thread that stopped after its first post because X rejected post 2. */
async function createPartialThread(userId: string, secondState: "failed" | "unknown" = "failed") {
  const draft = await createThreadDraft({
    userId,
    posts: ["Posted opener.", "Rejected reply.", "Never sent."],
  });
  await getDb().update(thread).set({ status: "partial", revision: 5 }).where(eq(thread.id, draft.id));
  await getDb()
    .update(threadPost)
    .set({ state: "posted", xPostId: "111" })
    .where(and(eq(threadPost.threadId, draft.id), eq(threadPost.position, 0)));
  await getDb()
    .update(threadPost)
    .set({ state: secondState, lastError: "duplicate content" })
    .where(and(eq(threadPost.threadId, draft.id), eq(threadPost.position, 1)));

  return draft.id;
}

async function postsOf(threadId: string) {
  return getDb()
    .select()
    .from(threadPost)
    .where(eq(threadPost.threadId, threadId))
    .orderBy(asc(threadPost.position));
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

describe("saving a partial thread", () => {
  it("replaces only the posts not yet on X", async () => {
    const userId = (await createTestUser()).id;
    const id = await createPartialThread(userId);

    const saved = await saveThreadDraft({
      userId,
      id,
      title: "",
      posts: ["Posted opener.", "Reworded reply.", "Never sent."],
      numbering: false,
      revision: 5,
    });

    const posts = await postsOf(id);
    expect(saved.status).toBe("partial");
    expect(saved.revision).toBe(6);
    expect(posts.map((post) => [post.text, post.state, post.xPostId])).toEqual([
      ["Posted opener.", "posted", "111"],
      ["Reworded reply.", "pending", null],
      ["Never sent.", "pending", null],
    ]);
  });

  it("rejects a change to a post already on X", async () => {
    const userId = (await createTestUser()).id;
    const id = await createPartialThread(userId);

    const error = await rejection(
      saveThreadDraft({
        userId,
        id,
        title: "",
        posts: ["Edited opener.", "x", "y"],
        numbering: false,
        revision: 5,
      }),
    );

    expect(error.message).toContain("the first post is already on X and cannot change");
    expect((await postsOf(id))[0]?.text).toBe("Posted opener.");
  });

  it("waits for reconciliation of an unconfirmed post", async () => {
    const userId = (await createTestUser()).id;
    const id = await createPartialThread(userId, "unknown");

    const error = await rejection(
      saveThreadDraft({
        userId,
        id,
        title: "",
        posts: ["Posted opener.", "x", "y"],
        numbering: false,
        revision: 5,
      }),
    );

    expect(error.message).toContain("X has not confirmed whether post 2 went out");
    expect((await postsOf(id)).map((post) => post.state)).toEqual(["posted", "unknown", "pending"]);
  });
});
