import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { publishThread } from "@/inngest/functions/publish-thread";
import { resetConfigCache } from "@/lib/config";
import { UNKNOWN_RESULT_SETTLE_MS } from "@/lib/publishing/publish-post";
import type { Thread } from "@/lib/threads/types";
import type { Sandbox } from "../../sandbox/server";
import { setupTestDatabase } from "../helpers/database";
import {
  addFault,
  createScheduledThread,
  createWriter,
  loadThread,
  postsOnX,
  sandboxAdmin,
  startPublishingSandbox,
  type Writer,
} from "../publishing/fixtures";

setupTestDatabase();

let sandbox: Sandbox;
let writer: Writer;
let threadCount = 0;

beforeAll(async () => {
  sandbox = await startPublishingSandbox();
});

// A writer per test: X's rate limit headers are stored per account and would carry over.
beforeEach(async () => {
  writer = await createWriter(sandbox, `inngestwriter${threadCount}`);
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await sandboxAdmin(sandbox, "DELETE", "/_admin/faults");
  await sandboxAdmin(sandbox, "POST", "/_admin/tier", { tier: "basic" });
  process.env.PUBLISH_PACING_SECONDS = "0";
  resetConfigCache();
});

async function newThread(postCount: number): Promise<Thread> {
  threadCount += 1;
  const posts = Array.from(
    { length: postCount },
    (_, index) => `Inngest thread ${threadCount}, post ${index + 1}.`,
  );

  return createScheduledThread(writer, posts);
}

function requestFor(scheduled: Thread) {
  return {
    name: "thread/publish.requested",
    data: {
      threadId: scheduled.id,
      revision: scheduled.revision,
      publishAt: scheduled.publishAt!.toISOString(),
    },
  };
}

/** Creates a fresh engine per test, with the publish-time sleep mocked by its step id. */
function engineFor(scheduled: Thread, extraSleeps: string[] = []) {
  return new InngestTestEngine({
    function: publishThread,
    events: [requestFor(scheduled)],
    steps: ["wait-for-publish-time", ...extraSleeps].map((id) => ({ id, handler() {} })),
  });
}

type StepRan = {
  result: {
    retriable?: unknown;
    step: { name: string; op: string; error?: { name: string; message: string } };
  };
};

/** Runs until the step has run once. `retriable` is what the SDK reports to Inngest: true, false or the retry time. */
function runUntilStep(engine: InngestTestEngine, stepId: string): Promise<StepRan> {
  // executeAndWaitFor is protected in @inngest/test 1.0, but it is the one API that exposes `retriable`.
  const internal = engine as unknown as {
    executeAndWaitFor(
      checkpoint: "step-ran",
      options: { subset: { step: { id: string } } },
    ): Promise<StepRan>;
  };

  return internal.executeAndWaitFor("step-ran", { subset: { step: { id: stepId } } });
}

describe("publish-thread function", () => {
  it("sleeps until the publish time", async () => {
    const scheduled = await newThread(1);

    const { ctx } = await engineFor(scheduled).execute();

    expect(ctx.step.sleepUntil).toHaveBeenCalledWith(
      "wait-for-publish-time",
      scheduled.publishAt!.toISOString(),
    );
  });

  it("runs the steps in order", async () => {
    const scheduled = await newThread(3);

    const { ctx, result } = await engineFor(scheduled).execute();

    expect(result).toEqual({ status: "published", lastError: null });
    expect(ctx.step.run.mock.calls.map((call) => call[0])).toEqual([
      "claim-thread",
      "check-budget",
      "publish-post-0",
      "publish-post-1",
      "publish-post-2",
      "finish-thread",
    ]);
    expect(postsOnX(sandbox, writer.xUserId).length).toBeGreaterThanOrEqual(3);
  });

  it("paces posts with named sleeps", async () => {
    process.env.PUBLISH_PACING_SECONDS = "2";
    resetConfigCache();
    const scheduled = await newThread(3);

    const { ctx, result } = await engineFor(scheduled, ["pace-post-1", "pace-post-2"]).execute();

    expect(result).toMatchObject({ status: "published" });
    expect(ctx.step.sleep).toHaveBeenCalledWith("pace-post-1", 2000);
    expect(ctx.step.sleep).toHaveBeenCalledWith("pace-post-2", 2000);
  });

  it("stops at a thread edited since", async () => {
    const scheduled = await newThread(1);

    const { ctx, result } = await engineFor({ ...scheduled, revision: scheduled.revision - 1 }).execute();

    expect(result).toMatchObject({ kind: "not_claimed" });
    expect(ctx.step.run.mock.calls.map((call) => call[0])).toEqual(["claim-thread"]);
  });

  it("retries a 429 after the reset", async () => {
    const scheduled = await newThread(1);
    await addFault(sandbox, { method: "POST", path: "/2/tweets", kind: "rate_limit", reset_in_seconds: 600 });

    const ran = await runUntilStep(engineFor(scheduled), "publish-post-0");

    expect(ran.result.step.name).toBe("publish-post-0");
    expect(ran.result.step.op).toBe("StepError");
    expect(ran.result.step.error?.name).toBe("RetryAfterError");
    const retryAt = Date.parse(String(ran.result.retriable));
    expect(Math.abs(retryAt - (sandbox.clock.now() + 600_000))).toBeLessThan(2000);
  });

  it("checks X again shortly after a 503", async () => {
    const scheduled = await newThread(1);
    await addFault(sandbox, { method: "POST", path: "/2/tweets", kind: "status", status: 503 });

    const ran = await runUntilStep(engineFor(scheduled), "publish-post-0");

    expect(ran.result.step.name).toBe("publish-post-0");
    expect(ran.result.step.op).toBe("StepError");
    expect(ran.result.step.error?.name).toBe("RetryAfterError");
    const retryAt = Date.parse(String(ran.result.retriable));
    expect(retryAt - Date.now()).toBeGreaterThan(3000);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(UNKNOWN_RESULT_SETTLE_MS);
    expect((await loadThread(scheduled.id)).posts[0]!.state).toBe("unknown");
  });

  it("retries an unreachable timeline with backoff", async () => {
    const scheduled = await newThread(1);
    await addFault(sandbox, { method: "POST", path: "/2/tweets", kind: "created_then_lost" });
    await addFault(sandbox, { method: "GET", path: "/2/users/*/tweets", kind: "status", status: 503 });
    await runUntilStep(engineFor(scheduled), "publish-post-0");

    const ran = await runUntilStep(engineFor(scheduled), "publish-post-0");

    expect(ran.result.step.error?.name).toBe("TransientPublishError");
    expect(ran.result.retriable).toBe(true);
  });

  it("finishes a 402 without retrying", async () => {
    const scheduled = await newThread(2);
    await sandboxAdmin(sandbox, "POST", "/_admin/tier", { tier: "pay-per-use" });
    await sandboxAdmin(sandbox, "POST", "/_admin/credits", { balance_usd: 0 });

    const { ctx, result } = await engineFor(scheduled).execute();

    expect(result).toMatchObject({ status: "failed" });
    expect(ctx.step.run.mock.calls.map((call) => call[0])).toEqual([
      "claim-thread",
      "check-budget",
      "publish-post-0",
      "finish-thread",
    ]);
  });

  it("declares one run per thread", () => {
    expect(publishThread.opts.concurrency).toEqual({ key: "event.data.threadId", limit: 1 });
    expect(publishThread.opts.retries).toBe(10);
  });
});
