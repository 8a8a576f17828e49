import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchDueThreads } from "@/inngest/functions/dispatch-due-threads";
import { refreshAccountTokenFunction, scheduleTokenRefreshes } from "@/inngest/functions/refresh-tokens";
import { account, getDb } from "@/lib/db";
import { getWorkerStatus } from "@/lib/publishing/worker-status";
import type { Sandbox } from "../../sandbox/server";
import { setupTestDatabase } from "../helpers/database";
import {
  createScheduledThread,
  createWriter,
  loadThread,
  startPublishingSandbox,
} from "../publishing/fixtures";

setupTestDatabase();

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startPublishingSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

describe("dispatch-due-threads function", () => {
  it("sends one event per due revision", async () => {
    const writer = await createWriter(sandbox, "dispatcher1");
    const due = await createScheduledThread(writer, ["Due soon."], {
      publishAt: new Date(Date.now() + 60_000),
    });
    await createScheduledThread(writer, ["Due next week."], {
      publishAt: new Date(Date.now() + 7 * 86_400_000),
    });
    const sent: unknown[] = [];
    const engine = new InngestTestEngine({
      function: dispatchDueThreads,
      steps: [{ id: "send-publish-requests-0", handler: () => sent.push("sent") }],
    });

    const { ctx, result } = await engine.execute();

    expect(result).toEqual({ dispatched: 1 });
    expect(ctx.step.run.mock.calls.map((call) => call[0])).toEqual(["find-due-threads", "mark-dispatched"]);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("send-publish-requests-0", [
      expect.objectContaining({
        id: `thread-${due.id}-r${due.revision}`,
        name: "thread/publish.requested",
        data: { threadId: due.id, revision: due.revision, publishAt: due.publishAt!.toISOString() },
      }),
    ]);
    expect(sent).toHaveLength(1);
    expect((await loadThread(due.id)).dispatchedRevision).toBe(due.revision);
    expect((await getWorkerStatus()).isRunning).toBe(true);
  });

  it("sends nothing when nothing is due", async () => {
    const { ctx, result } = await new InngestTestEngine({ function: dispatchDueThreads }).execute();

    expect(result).toEqual({ dispatched: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });
});

describe("token refresh functions", () => {
  it("fans out one event per account", async () => {
    const writer = await createWriter(sandbox, "refreshcron1");
    await getDb()
      .update(account)
      .set({ expires_at: Math.floor(Date.now() / 1000) + 600 })
      .where(eq(account.id, writer.accountId));
    await createScheduledThread(writer, ["Due in ten minutes."], {
      publishAt: new Date(Date.now() + 600_000),
    });
    const engine = new InngestTestEngine({
      function: scheduleTokenRefreshes,
      steps: [{ id: "send-refresh-requests-0", handler() {} }],
    });

    const { ctx } = await engine.execute();

    expect(ctx.step.run.mock.calls.map((call) => call[0])).toEqual(["find-accounts-to-refresh"]);
    const [, events] = ctx.step.sendEvent.mock.calls[0] as [string, Array<{ id: string; data: unknown }>];
    expect(
      events.find((event) => (event.data as { accountId: string }).accountId === writer.accountId),
    ).toMatchObject({
      id: expect.stringMatching(new RegExp(`^refresh-${writer.accountId}-\\d+$`)),
      data: { accountId: writer.accountId, reason: "due-soon" },
    });
  });

  it("refreshes one account per run", async () => {
    const writer = await createWriter(sandbox, "refreshcron2");
    await getDb()
      .update(account)
      .set({ expires_at: Math.floor(Date.now() / 1000) + 600 })
      .where(eq(account.id, writer.accountId));
    const engine = new InngestTestEngine({
      function: refreshAccountTokenFunction,
      events: [
        {
          name: "account/token.refresh-requested",
          data: { accountId: writer.accountId, reason: "due-soon" },
        },
      ],
    });

    const { ctx, result } = await engine.execute();

    expect(ctx.step.run).toHaveBeenCalledWith("refresh-token", expect.any(Function));
    expect(result).toEqual({ outcome: "refreshed" });
    expect(refreshAccountTokenFunction.opts.concurrency).toEqual({ key: "event.data.accountId", limit: 1 });
  });
});
