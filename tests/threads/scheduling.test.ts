import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, postingSlot, thread, threadPost } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createThreadDraft, saveThreadDraft } from "@/lib/threads/drafts";
import { addThreadToQueue, cancelThread, scheduleThread, unscheduleThread } from "@/lib/threads/scheduling";
import { wallTimeToInstant } from "@/lib/time/zoned";
import { setupTestDatabase } from "../helpers/database";
import { createTestUser } from "../helpers/users";

setupTestDatabase();

const NOW = new Date("2026-06-01T12:00:00Z");

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

describe("scheduleThread", () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await createTestUser({ timezone: "America/Los_Angeles" })).id;
  });

  it("schedules valid posts and bumps the revision", async () => {
    const draft = await createThreadDraft({ userId, posts: ["First post.", "Second post."] });
    const publishAt = new Date("2026-06-02T16:00:00Z");

    const scheduled = await scheduleThread({ userId, id: draft.id, publishAt, now: NOW });

    expect(scheduled.status).toBe("scheduled");
    expect(scheduled.publishAt?.toISOString()).toBe(publishAt.toISOString());
    expect(scheduled.revision).toBe(draft.revision + 1);
  });

  it("rejects a time in the past", async () => {
    const draft = await createThreadDraft({ userId, posts: ["Too late."] });

    const error = await rejection(
      scheduleThread({ userId, id: draft.id, publishAt: new Date(NOW.getTime() - 60_000), now: NOW }),
    );

    expect(error.message).toBe("That time has already passed. Pick a time in the future.");
  });

  it("rejects a post over the limit", async () => {
    const draft = await createThreadDraft({ userId, posts: ["ok", "x".repeat(281)] });

    const error = await rejection(
      scheduleThread({ userId, id: draft.id, publishAt: new Date("2026-06-03T00:00:00Z"), now: NOW }),
    );

    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain("Post 2 is 1 character over X's limit");
  });

  it("rejects an empty post", async () => {
    const draft = await createThreadDraft({ userId, posts: ["ok", "  "] });

    const error = await rejection(
      scheduleThread({ userId, id: draft.id, publishAt: new Date("2026-06-03T00:00:00Z"), now: NOW }),
    );

    expect(error.message).toContain("Post 2 is empty");
  });

  it("schedules late evening west of UTC for the same local day", async () => {
    // 20:00 in Los Angeles on June 1 is 03:00 UTC on June 2.
    const now = new Date("2026-06-02T03:00:00Z");
    const publishAt = wallTimeToInstant({ date: "2026-06-01", time: "23:30" }, "America/Los_Angeles")!;
    const draft = await createThreadDraft({ userId, posts: ["Late tonight."] });

    const scheduled = await scheduleThread({ userId, id: draft.id, publishAt, now });

    expect(scheduled.publishAt?.toISOString()).toBe("2026-06-02T06:30:00.000Z");
  });

  it("unschedules back to a draft and cancels", async () => {
    const first = await createThreadDraft({ userId, posts: ["Unschedule me."] });
    const second = await createThreadDraft({ userId, posts: ["Cancel me."] });
    const publishAt = new Date("2026-06-05T16:00:00Z");
    await scheduleThread({ userId, id: first.id, publishAt, now: NOW });
    await scheduleThread({ userId, id: second.id, publishAt: new Date("2026-06-05T17:00:00Z"), now: NOW });

    expect((await unscheduleThread(userId, first.id)).status).toBe("draft");
    expect((await cancelThread(userId, second.id)).status).toBe("cancelled");
  });

  it("keeps a publishing thread from being edited", async () => {
    const draft = await createThreadDraft({ userId, posts: ["Going out now."] });
    await getDb().update(thread).set({ status: "publishing" }).where(eq(thread.id, draft.id));

    const error = await rejection(
      saveThreadDraft({
        userId,
        id: draft.id,
        title: "",
        posts: ["changed"],
        numbering: false,
        revision: draft.revision,
      }),
    );

    expect(error.code).toBe("conflict");
    const posts = await getDb().select().from(threadPost).where(eq(threadPost.threadId, draft.id));
    expect(posts.map((post) => post.text)).toEqual(["Going out now."]);
  });

  it("rejects a save from a stale revision", async () => {
    const draft = await createThreadDraft({ userId, posts: ["v1"] });
    await saveThreadDraft({
      userId,
      id: draft.id,
      title: "",
      posts: ["v2"],
      numbering: false,
      revision: draft.revision,
    });

    const error = await rejection(
      saveThreadDraft({
        userId,
        id: draft.id,
        title: "",
        posts: ["stale"],
        numbering: false,
        revision: draft.revision,
      }),
    );

    expect(error.code).toBe("conflict");
  });

  it("stores markup as plain text", async () => {
    const markup = "<script>alert(1)</script> & <b>bold</b>";
    const draft = await createThreadDraft({ userId, posts: [markup] });

    expect(draft.posts[0]?.text).toBe(markup);
  });
});

describe("budget refusal", () => {
  it("refuses a thread over the writer's 24-hour limit and names the earliest fit", async () => {
    // The default tier is basic: 100 posts per user per 24 hours.
    const userId = (await createTestUser({ timezone: "UTC" })).id;
    const filler = Array.from({ length: 25 }, (_, index) => `Filler post ${index + 1}.`);
    const base = new Date("2026-06-10T08:00:00Z");
    for (let index = 0; index < 4; index += 1) {
      const draft = await createThreadDraft({ userId, posts: filler });
      await scheduleThread({
        userId,
        id: draft.id,
        publishAt: new Date(base.getTime() + index * 3_600_000),
        now: NOW,
      });
    }
    const extra = await createThreadDraft({ userId, posts: ["One more.", "And another."] });

    const error = await rejection(
      scheduleThread({ userId, id: extra.id, publishAt: new Date("2026-06-10T12:00:00Z"), now: NOW }),
    );

    expect(error.code).toBe("over_budget");
    // The first filler thread, at 08:00, leaves the 24-hour window at 08:00 the next day.
    expect(error.message).toBe(
      "This thread is 2 posts over the X posting limit around that time. It would fit from Thu, Jun 11, 2026, 08:00 (UTC).",
    );
  });
});

describe("addThreadToQueue", () => {
  it("fills the next free slots once each, in the writer's zone", async () => {
    const userId = (await createTestUser({ timezone: "America/Los_Angeles" })).id;
    // Monday 09:00 and Wednesday 18:00 in Los Angeles.
    await getDb()
      .insert(postingSlot)
      .values([
        { userId, weekday: 1, localTime: "09:00" },
        { userId, weekday: 3, localTime: "18:00" },
      ]);
    const first = await createThreadDraft({ userId, posts: ["Queue one."] });
    const second = await createThreadDraft({ userId, posts: ["Queue two."] });
    const third = await createThreadDraft({ userId, posts: ["Queue three."] });
    // Monday June 1, 05:00 in Los Angeles.
    const now = new Date("2026-06-01T12:00:00Z");

    const placed = [
      await addThreadToQueue({ userId, id: first.id, now }),
      await addThreadToQueue({ userId, id: second.id, now }),
      await addThreadToQueue({ userId, id: third.id, now }),
    ];

    expect(placed.map((row) => row.publishAt?.toISOString())).toEqual([
      "2026-06-01T16:00:00.000Z",
      "2026-06-04T01:00:00.000Z",
      "2026-06-08T16:00:00.000Z",
    ]);
  });

  it("explains that slots are missing", async () => {
    const userId = (await createTestUser()).id;
    const draft = await createThreadDraft({ userId, posts: ["No slots."] });

    const error = await rejection(addThreadToQueue({ userId, id: draft.id, now: NOW }));

    expect(error.message).toBe("You have no posting slots yet. Add some in Settings, or pick a time.");
  });

  it("uses the first occurrence on the fall-back night", async () => {
    const userId = (await createTestUser({ timezone: "Europe/Berlin" })).id;
    // Sunday 2026-10-25 02:30 happens twice in Berlin.
    await getDb().insert(postingSlot).values({ userId, weekday: 7, localTime: "02:30" });
    const draft = await createThreadDraft({ userId, posts: ["Fall back."] });

    const placed = await addThreadToQueue({ userId, id: draft.id, now: new Date("2026-10-24T12:00:00Z") });

    expect(placed.publishAt?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
});
