import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, threadPost } from "@/lib/db";
import { loadDashboard } from "@/lib/threads/dashboard";
import { createThreadDraft } from "@/lib/threads/drafts";
import { scheduleThread } from "@/lib/threads/scheduling";
import { setupTestDatabase } from "../helpers/database";
import { createTestUser } from "../helpers/users";

setupTestDatabase();

describe("loadDashboard", () => {
  it("summarises each thread with its first post and counts", async () => {
    const userId = (await createTestUser()).id;
    const other = (await createTestUser()).id;
    const draft = await createThreadDraft({ userId, posts: ["Opening line.", "Second."] });
    const scheduled = await createThreadDraft({ userId, posts: ["Soon.", "Later.", "Last."] });
    await scheduleThread({ userId, id: scheduled.id, publishAt: new Date(Date.now() + 86_400_000) });
    await getDb()
      .update(threadPost)
      .set({ state: "posted", xPostId: "123" })
      .where(eq(threadPost.threadId, scheduled.id));
    await createThreadDraft({ userId: other, posts: ["Not mine."] });

    const lists = await loadDashboard(userId);

    expect(lists.drafts).toHaveLength(1);
    expect(lists.drafts[0]).toMatchObject({
      id: draft.id,
      firstPost: "Opening line.",
      postCount: 2,
      postedCount: 0,
    });
    expect(lists.upcoming).toHaveLength(1);
    expect(lists.upcoming[0]).toMatchObject({
      firstPost: "Soon.",
      postCount: 3,
      postedCount: 3,
      firstXPostId: "123",
    });
    expect(lists.published).toEqual([]);
  });
});
