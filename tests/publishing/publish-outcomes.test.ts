import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { decryptToken } from "@/lib/crypto/tokens";
import { account, getDb } from "@/lib/db";
import { claimThread } from "@/lib/publishing/claim";
import { RetryLaterError } from "@/lib/publishing/errors";
import { publishPost } from "@/lib/publishing/publish-post";
import { createXClient } from "@/lib/x/client";
import { setupTestDatabase } from "../helpers/database";
import { auditPublishing } from "./audit";
import {
  addFault,
  createScheduledThread,
  createWriter,
  loadAccount,
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
  await sandboxAdmin(sandboxHandle.current, "DELETE", "/_admin/faults");
  await sandboxAdmin(sandboxHandle.current, "POST", "/_admin/tier", { tier: "basic" });
});

async function newWriter(options: { expiresInSeconds?: number } = {}): Promise<Writer> {
  writerCount += 1;
  return createWriter(sandboxHandle.current, `writer${writerCount}`, options);
}

/** Checks the invariants every case must keep: each post on X at most once, every reply under its parent. */
async function expectConsistent(threadId: string, writer: Writer) {
  const audit = await auditPublishing(sandboxHandle.current, [threadId], [writer.xUserId]);
  expect(audit.problems).toEqual([]);
  expect(audit.duplicates).toBe(0);
  expect(audit.orphans).toBe(0);
  expect(audit.lost).toBe(0);

  return audit;
}

function texts(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}: part ${index + 1} of the thread.`);
}

describe("publishing outcomes", () => {
  it("publishes a thread as a reply chain", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, texts("success", 3));

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("published");
    const posts = postsOnX(sandboxHandle.current, writer.xUserId);
    expect(posts.map((post) => post.text)).toEqual(texts("success", 3));
    expect(posts[1]!.inReplyToPostId).toBe(posts[0]!.id);
    expect(posts[2]!.inReplyToPostId).toBe(posts[1]!.id);
    const stored = await loadThread(scheduled.id);
    expect(stored.posts.map((post) => post.xPostId)).toEqual(posts.map((post) => post.id));
    expect(stored.lastError).toBeNull();
    await expectConsistent(scheduled.id, writer);
  });

  it("sends numbering exactly as counted", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, ["First idea.", "Second idea."], {
      numbering: true,
    });

    await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(postsOnX(sandboxHandle.current, writer.xUserId).map((post) => post.text)).toEqual([
      "First idea. 1/2",
      "Second idea. 2/2",
    ]);
  });

  it("refreshes once after a 401", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, texts("unauthorized", 2));
    await addFault(sandboxHandle.current, { method: "POST", path: "/2/tweets", kind: "unauthorized" });

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("published");
    const stored = await loadAccount(writer.accountId);
    expect(decryptToken(stored.access_token!)).not.toBe(writer.accessToken);
    expect(decryptToken(stored.refresh_token!)).not.toBe(writer.refreshToken);
    await expectConsistent(scheduled.id, writer);
  });

  it("waits for the rate limit reset after a 429", async () => {
    const writer = await newWriter();
    await sandboxAdmin(sandboxHandle.current, "POST", "/_admin/tier", {
      limits: { user_limit: 2, user_window_seconds: 900 },
    });
    const scheduled = await createScheduledThread(writer, texts("rate-limited", 3));
    await claimThread({ threadId: scheduled.id, revision: scheduled.revision });
    const step = (position: number) =>
      publishPost({ threadId: scheduled.id, revision: scheduled.revision, position });
    await step(0);
    await step(1);

    const limited = await step(2).catch((error: unknown) => error);

    expect(limited).toBeInstanceOf(RetryLaterError);
    const resetAt = (limited as RetryLaterError).retryAt.getTime();
    expect(resetAt).toBeGreaterThan(sandboxHandle.current.clock.now() + 800_000);
    expect(resetAt).toBeLessThanOrEqual(sandboxHandle.current.clock.now() + 901_000);
    expect((await loadThread(scheduled.id)).posts[2]!.state).toBe("pending");

    sandboxHandle.current.clock.advance(resetAt - sandboxHandle.current.clock.now() + 1000);
    const retried = await step(2);

    expect(retried.kind).toBe("posted");
    await expectConsistent(scheduled.id, writer);
  });

  it("stops as partial on 402", async () => {
    const writer = await newWriter();
    await sandboxAdmin(sandboxHandle.current, "POST", "/_admin/tier", { tier: "pay-per-use" });
    await sandboxAdmin(sandboxHandle.current, "POST", "/_admin/credits", { balance_usd: 0.015 });
    const scheduled = await createScheduledThread(writer, texts("credits", 3));

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("partial");
    const stored = await loadThread(scheduled.id);
    expect(stored.posts.map((post) => post.state)).toEqual(["posted", "failed", "pending"]);
    expect(stored.posts[1]!.lastError).toMatch(/credits are used up/);
    expect(stored.lastError).toMatch(/^Post 2 was not posted: .*credits.* Post 3 was not sent\.$/);
    expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(1);
    await expectConsistent(scheduled.id, writer);
  });

  it("adopts a duplicate already on X", async () => {
    const writer = await newWriter();
    const posts = texts("duplicate-adopted", 2);
    const scheduled = await createScheduledThread(writer, posts);
    // An earlier attempt created the first post, and its response and ledger write were lost.
    const created = await createXClient().createPost({
      accessToken: writer.accessToken,
      text: posts[0]!,
      replyToId: null,
    });
    expect(created.kind).toBe("posted");

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("published");
    const stored = await loadThread(scheduled.id);
    expect(stored.posts[0]!.xPostId).toBe(created.kind === "posted" ? created.id : null);
    expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(2);
    await expectConsistent(scheduled.id, writer);
  });

  it("fails on a duplicate not from this thread", async () => {
    const writer = await newWriter();
    const posts = texts("duplicate-rejected", 2);
    // The writer posted the same text by hand a day earlier, outside the thread's reconciliation window.
    sandboxHandle.current.clock.advance(-24 * 60 * 60 * 1000);
    await createXClient().createPost({ accessToken: writer.accessToken, text: posts[0]!, replyToId: null });
    sandboxHandle.current.clock.advance(24 * 60 * 60 * 1000);
    const scheduled = await createScheduledThread(writer, posts);

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("failed");
    const stored = await loadThread(scheduled.id);
    expect(stored.posts.map((post) => post.state)).toEqual(["failed", "pending"]);
    expect(stored.lastError).toMatch(/duplicate/);
    expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(1);
  });

  it("fails a reply duplicating another parent's post", async () => {
    const writer = await newWriter();
    const posts = texts("duplicate-reply", 2);
    await createXClient().createPost({ accessToken: writer.accessToken, text: posts[1]!, replyToId: null });
    const scheduled = await createScheduledThread(writer, posts);

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("partial");
    const stored = await loadThread(scheduled.id);
    expect(stored.posts.map((post) => post.state)).toEqual(["posted", "failed"]);
    expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(2);
  });

  it("stops when the reply is not allowed", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, texts("reply-rejected", 3));
    await claimThread({ threadId: scheduled.id, revision: scheduled.revision });
    const first = await publishPost({ threadId: scheduled.id, revision: scheduled.revision, position: 0 });
    // The writer deletes the first post on X before the reply goes out.
    await fetch(`${sandboxHandle.current.url}/2/tweets/${first.kind === "posted" ? first.xPostId : ""}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${writer.accessToken}` },
    });

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("partial");
    const stored = await loadThread(scheduled.id);
    expect(stored.posts.map((post) => post.state)).toEqual(["posted", "failed", "pending"]);
    expect(stored.posts[1]!.lastError).toMatch(/did not allow it as a reply/);
    expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(0);
  });

  it("retries a 503 before creation", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, texts("unavailable", 2));
    await claimThread({ threadId: scheduled.id, revision: scheduled.revision });
    await addFault(sandboxHandle.current, { method: "POST", path: "/2/tweets", kind: "status", status: 503 });

    const failed = await publishPost({
      threadId: scheduled.id,
      revision: scheduled.revision,
      position: 0,
    }).catch((error: unknown) => error);

    expect(failed).toBeInstanceOf(RetryLaterError);
    expect((failed as RetryLaterError).retryAt.getTime()).toBeGreaterThanOrEqual(Date.now() + 4000);
    expect((await loadThread(scheduled.id)).posts[0]!.state).toBe("unknown");
    expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(0);

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("published");
    await expectConsistent(scheduled.id, writer);
  });

  for (const lostAs of ["503", "drop"] as const) {
    it(`reconciles a post created then lost (${lostAs})`, async () => {
      const writer = await newWriter();
      const scheduled = await createScheduledThread(writer, texts(`lost-${lostAs}`, 3));
      await addFault(sandboxHandle.current, {
        method: "POST",
        path: "/2/tweets",
        kind: "created_then_lost",
        lost_as: lostAs,
        skip: 1,
      });
      const errors: unknown[] = [];

      const summary = await runPublish(
        { threadId: scheduled.id, revision: scheduled.revision },
        { onStepError: (_step, error) => errors.push(error) },
      );

      expect(summary.status).toBe("published");
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(RetryLaterError);
      expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(3);
      await expectConsistent(scheduled.id, writer);
    });
  }

  it("reconciles a lost post with a URL", async () => {
    const writer = await newWriter();
    const posts = [
      "Read the essay at https://example.com/essays/why-threads?ref=x & tell me.",
      "Second part.",
    ];
    const scheduled = await createScheduledThread(writer, posts);
    await addFault(sandboxHandle.current, { method: "POST", path: "/2/tweets", kind: "created_then_lost" });

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("published");
    expect(postsOnX(sandboxHandle.current, writer.xUserId)[0]!.text).toMatch(
      /^Read the essay at https:\/\/t\.co\//,
    );
    await expectConsistent(scheduled.id, writer);
  });

  it("recovers when the process dies after X answers", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, texts("crash", 2));
    await claimThread({ threadId: scheduled.id, revision: scheduled.revision });
    const crash = new Error("simulated crash between X's answer and the ledger write");

    const died = await publishPost(
      { threadId: scheduled.id, revision: scheduled.revision, position: 0 },
      {
        checkpoint: (point) => {
          if (point === "after-response") throw crash;
        },
      },
    ).catch((error: unknown) => error);

    expect(died).toBe(crash);
    expect((await loadThread(scheduled.id)).posts[0]!.state).toBe("sending");
    expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(1);

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("published");
    await expectConsistent(scheduled.id, writer);
  });

  it("sends after dying before the request", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, texts("crash-before", 2));
    let hasCrashed = false;

    const summary = await runPublish(
      { threadId: scheduled.id, revision: scheduled.revision },
      {
        context: {
          checkpoint: (point) => {
            if (point !== "before-send" || hasCrashed) return;
            hasCrashed = true;
            throw new Error("simulated crash before the request");
          },
        },
      },
    );

    expect(summary.status).toBe("published");
    await expectConsistent(scheduled.id, writer);
  });

  it("treats a timeout as unknown", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, texts("timeout", 2));
    await addFault(sandboxHandle.current, { method: "POST", path: "/2/tweets", kind: "hang" });
    const errors: unknown[] = [];

    const summary = await runPublish(
      { threadId: scheduled.id, revision: scheduled.revision },
      {
        context: { x: createXClient({ timeoutMs: 300 }) },
        onStepError: (_step, error) => errors.push(error),
      },
    );

    expect(summary.status).toBe("published");
    expect((errors[0] as Error).message).toMatch(/did not answer before the deadline/);
    await expectConsistent(scheduled.id, writer);
  });

  it("waits when the refresh token is dead", async () => {
    const writer = await newWriter();
    const scheduled = await createScheduledThread(writer, texts("dead-token", 2));
    // Another client used the refresh token, so the stored one is dead, and the access token expired.
    await getDb()
      .update(account)
      .set({ expires_at: Math.floor(Date.now() / 1000) - 60 })
      .where(eq(account.id, writer.accountId));
    await fetch(`${sandboxHandle.current.url}/2/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from("insightprose-dev:insightprose-dev-secret").toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: writer.refreshToken }),
    });

    const summary = await runPublish({ threadId: scheduled.id, revision: scheduled.revision });

    expect(summary.status).toBe("scheduled");
    const stored = await loadThread(scheduled.id);
    expect(stored.revision).toBe(scheduled.revision + 1);
    expect(stored.lastError).toMatch(/reconnect/);
    expect(stored.posts.map((post) => post.state)).toEqual(["pending", "pending"]);
    expect((await loadAccount(writer.accountId)).status).toBe("needs_reconnect");
    expect(postsOnX(sandboxHandle.current, writer.xUserId)).toHaveLength(0);
  });
});
