import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { account, getDb, postingSlot, thread, threadPost, user } from "@/lib/db";
import { recordRateLimits } from "@/lib/publishing/rate-limits";
import { toWallTime } from "@/lib/time/zoned";
import { setupTestDatabase } from "../helpers/database";
import { createTestUser } from "../helpers/users";

// Server actions resolve the signed-in user through requireUser(); these tests
// choose who that is, and run everything else for real.
const session = vi.hoisted(() => ({ current: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  requireUser: async () => {
    if (!session.current) throw new Error("No user is signed in.");
    return session.current;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/publishing/dispatch", () => ({ notifyThreadScheduled: async () => {} }));

const threads = await import("@/app/(app)/threads/actions");
const settings = await import("@/app/(app)/settings/preferences-actions");
const { createThreadDraft } = await import("@/lib/threads/drafts");

setupTestDatabase();

let owner: CurrentUser;
let intruder: CurrentUser;
let ownersThreadId: string;

beforeAll(async () => {
  owner = await createTestUser({ name: "Owner", timezone: "Europe/Berlin" });
  intruder = await createTestUser({ name: "Intruder" });
  const created = await createThreadDraft({ userId: owner.id, posts: ["The owner's words."] });
  ownersThreadId = created.id;
});

async function ownersThread() {
  const [row] = await getDb().select().from(thread).where(eq(thread.id, ownersThreadId));
  const posts = await getDb().select().from(threadPost).where(eq(threadPost.threadId, ownersThreadId));
  return { row: row!, posts };
}

const NOT_FOUND = "That thread was not found. It may have been deleted.";

describe("thread actions across users", () => {
  it("save of another user's thread is not found", async () => {
    session.current = intruder;
    const result = await threads.saveThreadAction({
      id: ownersThreadId,
      title: "taken",
      posts: ["overwritten"],
      numbering: false,
      revision: 0,
    });

    expect(result).toEqual({ ok: false, error: NOT_FOUND });
    expect((await ownersThread()).posts.map((post) => post.text)).toEqual(["The owner's words."]);
  });

  it.each([
    [
      "schedule",
      () => threads.scheduleThreadAction({ id: ownersThreadId, date: "2030-01-01", time: "10:00" }),
    ],
    ["queue", () => threads.addToQueueAction({ id: ownersThreadId })],
    ["unschedule", () => threads.unscheduleThreadAction({ id: ownersThreadId })],
    ["cancel", () => threads.cancelThreadAction({ id: ownersThreadId })],
    ["duplicate", () => threads.duplicateThreadAction({ id: ownersThreadId })],
    ["delete", () => threads.deleteThreadAction({ id: ownersThreadId })],
    [
      "budget preview",
      () =>
        threads.previewBudgetAction({
          id: ownersThreadId,
          date: "2030-01-01",
          time: "10:00",
          posts: ["x"],
          numbering: false,
        }),
    ],
  ])("%s of another user's thread changes nothing", async (_action, run) => {
    session.current = intruder;
    const before = await ownersThread();

    const result = await run();

    expect(result).toEqual({ ok: false, error: NOT_FOUND });
    const after = await ownersThread();
    expect(after.row).toEqual(before.row);
    expect(after.posts).toEqual(before.posts);
  });

  it("duplicate by the owner works", async () => {
    session.current = owner;

    await expect(threads.duplicateThreadAction({ id: ownersThreadId })).rejects.toThrow("NEXT_REDIRECT");
  });
});

describe("settings actions across users", () => {
  it("remove of another user's slot keeps it", async () => {
    const [slot] = await getDb()
      .insert(postingSlot)
      .values({ userId: owner.id, weekday: 1, localTime: "09:00" })
      .returning();
    session.current = intruder;

    await settings.removeSlotAction({ slotId: slot!.id });

    const remaining = await getDb().select().from(postingSlot).where(eq(postingSlot.userId, owner.id));
    expect(remaining).toHaveLength(1);
  });

  it("time zone change touches only the caller", async () => {
    session.current = intruder;

    const result = await settings.setTimeZoneAction({ timeZone: "Asia/Tokyo" });

    const [ownerRow] = await getDb().select().from(user).where(eq(user.id, owner.id));
    const [intruderRow] = await getDb().select().from(user).where(eq(user.id, intruder.id));
    expect(result.ok).toBe(true);
    expect(ownerRow?.timezone).toBe("Europe/Berlin");
    expect(intruderRow?.timezone).toBe("Asia/Tokyo");
  });
});

describe("action input validation", () => {
  it("rejects a 1 MB paste with one sentence", async () => {
    session.current = owner;
    const before = await ownersThread();

    const result = await threads.saveThreadAction({
      id: ownersThreadId,
      title: "",
      posts: ["a".repeat(1_000_000)],
      numbering: false,
      revision: before.row.revision,
    });

    expect(result).toEqual({
      ok: false,
      error: "A post can hold at most 25,000 characters. Split the text into more posts.",
    });
    expect((await ownersThread()).row).toEqual(before.row);
  });

  it.each(["Mars/Olympus_Mons", "not a zone", ""])("rejects time zone %j", async (timeZone) => {
    session.current = owner;

    const result = await settings.setTimeZoneAction({ timeZone });

    expect(result).toEqual({
      ok: false,
      error: "That time zone is not recognised. Pick one from the list, such as Europe/Berlin.",
    });
  });

  it.each([
    ["2030-02-30", "10:00", "2030-02-30 10:00 is not a real date and time."],
    ["2030-13-01", "10:00", "2030-13-01 10:00 is not a real date and time."],
    ["30-01-2030", "10:00", "Enter the date as YYYY-MM-DD."],
    ["2030-01-01", "25:00", "Enter the time as HH:MM, 24-hour."],
  ])("rejects schedule date %s %s", async (date, time, message) => {
    session.current = owner;

    const result = await threads.scheduleThreadAction({ id: ownersThreadId, date, time });

    expect(result).toEqual({ ok: false, error: message });
  });

  it("rejects an id that is not a uuid as not found", async () => {
    session.current = owner;

    const result = await threads.cancelThreadAction({ id: "../../etc/passwd" });

    expect(result).toEqual({ ok: false, error: NOT_FOUND });
  });
});

describe("budget preview", () => {
  it("includes what X last reported for the writer's account", async () => {
    const writer = await createTestUser({ timezone: "UTC" });
    const [linked] = await getDb()
      .insert(account)
      .values({ userId: writer.id, type: "oauth", provider: "twitter", providerAccountId: `x-${writer.id}` })
      .returning();
    const resetAt = new Date(Date.now() + 6 * 3_600_000);
    await recordRateLimits(linked!.id, {
      endpoint: null,
      user24h: { limit: 100, remaining: 3, resetAt },
      app24h: null,
    });
    const draft = await createThreadDraft({ userId: writer.id, posts: ["a", "b", "c", "d"] });
    session.current = writer;
    const soon = toWallTime(new Date(Date.now() + 3_600_000), "UTC");

    const result = await threads.previewBudgetAction({
      id: draft.id,
      ...soon,
      posts: ["a", "b", "c", "d"],
      numbering: false,
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.observed).toEqual({
      remaining: 3,
      resetAt: new Date(Math.floor(resetAt.getTime())).toISOString(),
    });
    expect(result.data.user.left).toBe(100);
  });
});
