import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { account, getDb, thread } from "@/lib/db";
import {
  DISPATCH_LOOKAHEAD_MS,
  findDueThreads,
  markDispatched,
  notifyThreadScheduled,
  type PublishRequestEvent,
} from "@/lib/publishing/dispatch";
import { setupTestDatabase } from "../helpers/database";
import {
  createScheduledThread,
  createWriter,
  loadThread,
  setupPublishingSandbox,
  type Writer,
} from "./fixtures";

setupTestDatabase();

const sandboxHandle = setupPublishingSandbox();
let writerCount = 0;

function newWriter(): Promise<Writer> {
  writerCount += 1;
  return createWriter(sandboxHandle.current, `dispatch${writerCount}`);
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("findDueThreads", () => {
  it("picks threads within the look-ahead", async () => {
    const writer = await newWriter();
    const soon = await createScheduledThread(writer, ["Soon."], { publishAt: inMinutes(2) });
    const overdue = await createScheduledThread(writer, ["Overdue."], { publishAt: inMinutes(-30) });
    const later = await createScheduledThread(writer, ["Later."], { publishAt: inMinutes(60) });

    const due = (await findDueThreads()).map((request) => request.threadId);

    expect(due).toContain(soon.id);
    expect(due).toContain(overdue.id);
    expect(due).not.toContain(later.id);
    expect(DISPATCH_LOOKAHEAD_MS).toBe(5 * 60_000);
  });

  it("skips a dispatched revision", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Once."], { publishAt: inMinutes(1) });
    const [request] = (await findDueThreads()).filter((row) => row.threadId === scheduled.id);

    await markDispatched([request!]);

    expect((await findDueThreads()).map((row) => row.threadId)).not.toContain(scheduled.id);
  });

  it("picks a revision edited after dispatch", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Edited."], { publishAt: inMinutes(1) });
    await markDispatched([{ threadId: scheduled.id, revision: scheduled.revision, publishAt: "" }]);
    await getDb()
      .update(thread)
      .set({ revision: scheduled.revision + 1 })
      .where(eq(thread.id, scheduled.id));

    const due = (await findDueThreads()).filter((row) => row.threadId === scheduled.id);

    expect(due).toEqual([expect.objectContaining({ revision: scheduled.revision + 1 })]);
  });

  it("leaves out accounts that need reconnecting", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Waiting."], { publishAt: inMinutes(1) });
    await getDb().update(account).set({ status: "needs_reconnect" }).where(eq(account.id, writer.accountId));

    expect((await findDueThreads()).map((row) => row.threadId)).not.toContain(scheduled.id);
  });

  it("does not mark a newer revision", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Raced."], { publishAt: inMinutes(1) });
    await getDb()
      .update(thread)
      .set({ revision: scheduled.revision + 1 })
      .where(eq(thread.id, scheduled.id));

    await markDispatched([{ threadId: scheduled.id, revision: scheduled.revision, publishAt: "" }]);

    expect((await loadThread(scheduled.id)).dispatchedRevision).toBeNull();
  });
});

describe("notifyThreadScheduled", () => {
  it("sends a thread due soon at once", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Now."], { publishAt: inMinutes(3) });
    const sent: PublishRequestEvent[] = [];

    const isSent = await notifyThreadScheduled(scheduled, { send: async (event) => void sent.push(event) });

    expect(isSent).toBe(true);
    expect(sent).toEqual([
      expect.objectContaining({
        id: `thread-${scheduled.id}-r${scheduled.revision}`,
        name: "thread/publish.requested",
        data: {
          threadId: scheduled.id,
          revision: scheduled.revision,
          publishAt: scheduled.publishAt!.toISOString(),
        },
      }),
    ]);
    expect((await loadThread(scheduled.id)).dispatchedRevision).toBe(scheduled.revision);
  });

  it("leaves a later thread to the dispatcher", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Tomorrow."], { publishAt: inMinutes(24 * 60) });
    const sent: PublishRequestEvent[] = [];

    const isSent = await notifyThreadScheduled(scheduled, { send: async (event) => void sent.push(event) });

    expect(isSent).toBe(false);
    expect(sent).toHaveLength(0);
  });

  it("never throws when sending fails", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Offline."], { publishAt: inMinutes(1) });

    const isSent = await notifyThreadScheduled(scheduled, {
      send: async () => {
        throw new Error("Inngest is not reachable");
      },
    });

    expect(isSent).toBe(false);
    expect((await loadThread(scheduled.id)).dispatchedRevision).toBeNull();
  });

  it("ignores a thread that is not scheduled", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Draft."], { publishAt: inMinutes(1) });

    const isSent = await notifyThreadScheduled({ ...scheduled, status: "draft" }, { send: async () => {} });

    expect(isSent).toBe(false);
  });
});
