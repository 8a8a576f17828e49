import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { resetConfigCache } from "@/lib/config";
import { account, getDb, thread, threadPost } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkPublishBudget } from "@/lib/publishing/budget-check";
import { claimThread } from "@/lib/publishing/claim";
import { RetryLaterError } from "@/lib/publishing/errors";
import { abandonPublishRun, finishThread } from "@/lib/publishing/finish";
import { markSending } from "@/lib/publishing/ledger";
import { recordRateLimits } from "@/lib/publishing/rate-limits";
import { resumeThread } from "@/lib/publishing/resume";
import { setupTestDatabase } from "../helpers/database";
import { auditPublishing } from "./audit";
import {
  createScheduledThread,
  createWriter,
  loadThread,
  postsOnX,
  sandboxAdmin,
  setupPublishingSandbox,
  type Writer,
} from "./fixtures";
import { runPublish } from "./run-publish";

setupTestDatabase();

const sandboxHandle = setupPublishingSandbox();
let writerCount = 0;

afterEach(async () => {
  await sandboxAdmin(sandboxHandle.current, "POST", "/_admin/credits", { balance_usd: 10 });
  await sandboxAdmin(sandboxHandle.current, "POST", "/_admin/tier", { tier: "basic" });
  process.env.X_USER_POST_LIMIT = "10000";
  resetConfigCache();
});

function newWriter(): Promise<Writer> {
  writerCount += 1;
  return createWriter(sandboxHandle.current, `lifecycle${writerCount}`);
}

describe("claiming a thread", () => {
  it("claims the scheduled revision", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["One.", "Two."]);

    const claim = await claimThread({ threadId: scheduled.id, revision: scheduled.revision });

    expect(claim).toEqual({ kind: "claimed", postCount: 2 });
    expect((await loadThread(scheduled.id)).status).toBe("publishing");
  });

  it("claims again after a lost step result", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Again."]);
    await claimThread({ threadId: scheduled.id, revision: scheduled.revision });

    const claim = await claimThread({ threadId: scheduled.id, revision: scheduled.revision });

    expect(claim.kind).toBe("claimed");
  });

  it("leaves an edited thread alone", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Edited."], { revision: 4 });

    const claim = await claimThread({ threadId: scheduled.id, revision: 3 });

    expect(claim.kind).toBe("not_claimed");
    expect((await loadThread(scheduled.id)).status).toBe("scheduled");
  });

  it("leaves a cancelled thread alone", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Cancelled."]);
    await getDb().update(thread).set({ status: "cancelled" }).where(eq(thread.id, scheduled.id));

    const claim = await claimThread({ threadId: scheduled.id, revision: scheduled.revision });

    expect(claim).toEqual({ kind: "not_claimed", reason: "The thread is cancelled." });
  });

  it("keeps waiting while X needs reconnecting", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Waiting."]);
    await getDb().update(account).set({ status: "needs_reconnect" }).where(eq(account.id, writer.accountId));

    const claim = await claimThread({ threadId: scheduled.id, revision: scheduled.revision });

    expect(claim.kind).toBe("waiting_for_reconnect");
    const stored = await loadThread(scheduled.id);
    expect(stored.status).toBe("scheduled");
    expect(stored.revision).toBe(scheduled.revision + 1);
    expect(stored.lastError).toMatch(/reconnect/);
  });
});

describe("checking the budget", () => {
  it("waits for X's reported reset", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["One.", "Two.", "Three."]);
    await claimThread({ threadId: scheduled.id, revision: scheduled.revision });
    const resetAt = new Date(Date.now() + 3_600_000);
    await recordRateLimits(writer.accountId, {
      endpoint: { limit: 100, remaining: 2, resetAt },
      user24h: null,
      app24h: null,
    });

    const waiting = await checkPublishBudget({ threadId: scheduled.id, revision: scheduled.revision }).catch(
      (error: unknown) => error,
    );

    expect(waiting).toBeInstanceOf(RetryLaterError);
    expect((waiting as RetryLaterError).retryAt).toEqual(resetAt);
    expect((await loadThread(scheduled.id)).lastError).toMatch(/^Waiting until .*2 posts left/);
  });

  it("ignores a window that has reset", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["One.", "Two."]);
    await claimThread({ threadId: scheduled.id, revision: scheduled.revision });
    await recordRateLimits(writer.accountId, {
      endpoint: { limit: 100, remaining: 0, resetAt: new Date(Date.now() - 1000) },
      user24h: null,
      app24h: null,
    });

    expect(await checkPublishBudget({ threadId: scheduled.id, revision: scheduled.revision })).toEqual({
      kind: "fits",
    });
  });

  it("stops a thread that can never fit", async () => {
    process.env.X_USER_POST_LIMIT = "2";
    resetConfigCache();
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["One.", "Two.", "Three."]);

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("failed");
    expect((await loadThread(scheduled.id)).lastError).toMatch(/over the X posting limit/);
    expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(0);
  });
});

describe("finishing a run", () => {
  it("abandons a run with a post in flight", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["In flight.", "Never sent."]);
    await claimThread({ threadId: scheduled.id, revision: scheduled.revision });
    const [first] = await getDb().select().from(threadPost).where(eq(threadPost.threadId, scheduled.id));
    await markSending(first!.id);

    const result = await abandonPublishRun({
      threadId: scheduled.id,
      revision: scheduled.revision,
      error: "boom",
    });

    expect(result.status).toBe("partial");
    const stored = await loadThread(scheduled.id);
    expect(stored.posts.map((post) => post.state)).toEqual(["unknown", "pending"]);
    expect(stored.lastError).toMatch(
      /^Post 1 was not posted: publishing stopped after repeated errors \(boom\)/,
    );
  });

  it("ignores a run of an older revision", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Old run."]);
    await claimThread({ threadId: scheduled.id, revision: scheduled.revision });

    const result = await finishThread({ threadId: scheduled.id, revision: scheduled.revision - 1 });

    expect(result.status).toBe("publishing");
  });
});

describe("resuming a partial thread", () => {
  it("continues from the first unposted post", async () => {
    const writer = await newWriter();
    await sandboxAdmin(sandboxHandle.current, "POST", "/_admin/tier", { tier: "pay-per-use" });
    await sandboxAdmin(sandboxHandle.current, "POST", "/_admin/credits", { balance_usd: 0.03 });
    const scheduled = await createScheduledThread(writer, [
      "Resume one.",
      "Resume two.",
      "Resume three.",
      "Resume four.",
    ]);
    const first = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });
    expect(first.status).toBe("partial");
    await sandboxAdmin(sandboxHandle.current, "POST", "/_admin/credits", { balance_usd: 10 });

    const resumed = await resumeThread(writer.userId, scheduled.id);
    const second = await runPublish({ threadId: resumed.id, revision: resumed.revision });

    expect(resumed.status).toBe("scheduled");
    expect(resumed.revision).toBe(scheduled.revision + 1);
    expect(second.status).toBe("published");
    const posts = postsOnX(sandboxHandle.current, writer.xUserId);
    expect(posts.map((post) => post.text)).toEqual([
      "Resume one.",
      "Resume two.",
      "Resume three.",
      "Resume four.",
    ]);
    expect(posts[2]!.inReplyToPostId).toBe(posts[1]!.id);
    const audit = await auditPublishing(sandboxHandle.current, [scheduled.id], [writer.xUserId]);
    expect(audit.problems).toEqual([]);
  });

  it("rejects a thread that is not partial", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["Not partial."]);

    await expect(resumeThread(writer.userId, scheduled.id)).rejects.toBeInstanceOf(AppError);
  });

  it("hides another writer's thread", async () => {
    const owner = await newWriter();
    const other = await newWriter();
    const scheduled = await createScheduledThread(owner, ["Someone else's."]);
    await getDb().update(thread).set({ status: "partial" }).where(eq(thread.id, scheduled.id));

    await expect(resumeThread(other.userId, scheduled.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
