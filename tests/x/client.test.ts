import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createXClient, type CreatePostOutcome } from "@/lib/x/client";
import { startSandbox, type Sandbox } from "../../sandbox/server";

let sandbox: Sandbox;
let userCount = 0;

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  return (await response.json()) as T;
}

async function newUser(scope?: string): Promise<{ id: string; username: string; token: string }> {
  userCount += 1;
  const username = `client${userCount}`;
  const created = await admin<{ data: { id: string } }>("POST", "/_admin/users", {
    name: username,
    username,
  });
  const tokens = await admin<{ access_token: string }>("POST", "/_admin/grant", {
    user_id: created.data.id,
    ...(scope ? { scope } : {}),
  });

  return { id: created.data.id, username, token: tokens.access_token };
}

function fault(rule: Record<string, unknown>) {
  return admin("POST", "/_admin/faults", rule);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: () => {} });
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await admin("DELETE", "/_admin/faults");
  await admin("POST", "/_admin/tier", { tier: "basic" });
});

describe("X client outcomes", () => {
  const client = () => createXClient({ baseUrl: sandbox.url, timeoutMs: 500 });

  it("returns the new post's id", async () => {
    const user = await newUser();

    const outcome = await client().createPost({
      accessToken: user.token,
      text: "Hello there.",
      replyToId: null,
    });

    expect(outcome.kind).toBe("posted");
    expect(sandbox.state.posts.has(outcome.kind === "posted" ? outcome.id : "")).toBe(true);
    expect(outcome.rateLimits.endpoint?.limit).toBe(100);
    expect(outcome.rateLimits.user24h?.remaining).toBe(99);
    expect(outcome.rateLimits.app24h?.limit).toBe(1667);
  });

  it("reports an invalid token as unauthorized", async () => {
    const outcome = await client().createPost({ accessToken: "not-a-token", text: "Hi.", replyToId: null });

    expect(outcome.kind).toBe("unauthorized");
  });

  it("tells duplicate content apart", async () => {
    const user = await newUser();
    await client().createPost({ accessToken: user.token, text: "Same words.", replyToId: null });

    const outcome = await client().createPost({
      accessToken: user.token,
      text: "Same words.",
      replyToId: null,
    });

    expect(outcome.kind).toBe("duplicate_content");
  });

  it("tells a rejected reply apart", async () => {
    const author = await newUser();
    const stranger = await newUser();
    const parent = await client().createPost({ accessToken: author.token, text: "A post.", replyToId: null });

    const outcome = await client().createPost({
      accessToken: stranger.token,
      text: "An uninvited reply.",
      replyToId: parent.kind === "posted" ? parent.id : "",
    });

    expect(outcome.kind).toBe("reply_not_allowed");
  });

  it("reports other 403s as forbidden", async () => {
    const user = await newUser("tweet.read users.read");

    const outcome = await client().createPost({
      accessToken: user.token,
      text: "No write scope.",
      replyToId: null,
    });

    expect(outcome).toMatchObject({ kind: "forbidden", status: 403 });
  });

  it("reads the reset of a 429", async () => {
    const user = await newUser();
    await fault({ method: "POST", path: "/2/tweets", kind: "rate_limit", reset_in_seconds: 120 });

    const outcome = await client().createPost({
      accessToken: user.token,
      text: "Too many.",
      replyToId: null,
    });

    expect(outcome.kind).toBe("rate_limited");
    const resetAt = outcome.kind === "rate_limited" ? outcome.resetAt!.getTime() : 0;
    expect(Math.abs(resetAt - (sandbox.clock.now() + 120_000))).toBeLessThan(2000);
  });

  it("reports used-up credits as payment required", async () => {
    const user = await newUser();
    await admin("POST", "/_admin/tier", { tier: "pay-per-use" });
    await admin("POST", "/_admin/credits", { balance_usd: 0 });

    const outcome = await client().createPost({
      accessToken: user.token,
      text: "No credits.",
      replyToId: null,
    });

    expect(outcome).toMatchObject({ kind: "payment_required", status: 402 });
    expect("detail" in outcome ? outcome.detail : "").toMatch(/does not have any credits/);
  });

  it("reports a too-long text as invalid", async () => {
    const user = await newUser();

    const outcome = await client().createPost({
      accessToken: user.token,
      text: "x".repeat(300),
      replyToId: null,
    });

    expect(outcome).toMatchObject({ kind: "invalid_request", status: 400 });
    expect("detail" in outcome ? outcome.detail : "").toMatch(/too long/);
  });

  it("reports 5xx as a server error", async () => {
    const user = await newUser();
    await fault({ method: "POST", path: "/2/tweets", kind: "status", status: 500 });

    const outcome = await client().createPost({
      accessToken: user.token,
      text: "Server error.",
      replyToId: null,
    });

    expect(outcome).toMatchObject({ kind: "server_error", status: 500 });
  });

  it("times out a hanging call", async () => {
    const user = await newUser();
    await fault({ method: "POST", path: "/2/tweets", kind: "hang" });
    const started = Date.now();

    const outcome = await client().createPost({ accessToken: user.token, text: "Hanging.", replyToId: null });

    expect(outcome).toMatchObject({ kind: "no_answer", cause: "timeout" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports a dropped connection", async () => {
    const user = await newUser();
    await fault({ method: "POST", path: "/2/tweets", kind: "drop" });

    const outcome: CreatePostOutcome = await client().createPost({
      accessToken: user.token,
      text: "Dropped.",
      replyToId: null,
    });

    expect(outcome).toMatchObject({ kind: "no_answer", cause: "network" });
  });
});

describe("listing a user's posts", () => {
  const client = () => createXClient({ baseUrl: sandbox.url });

  it("returns replies with their parent", async () => {
    const user = await newUser();
    const first = await client().createPost({ accessToken: user.token, text: "Root.", replyToId: null });
    const firstId = first.kind === "posted" ? first.id : "";
    await client().createPost({ accessToken: user.token, text: "Reply.", replyToId: firstId });

    const outcome = await client().listUserPosts({
      accessToken: user.token,
      userId: user.id,
      sinceId: firstId,
    });

    expect(outcome.kind).toBe("listed");
    const posts = outcome.kind === "listed" ? outcome.posts : [];
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ text: "Reply.", inReplyToId: firstId });
    expect(posts[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("pages with the next token", async () => {
    const user = await newUser();
    for (let index = 0; index < 7; index += 1) {
      await client().createPost({ accessToken: user.token, text: `Post number ${index}.`, replyToId: null });
    }

    const page = await client().listUserPosts({ accessToken: user.token, userId: user.id, maxResults: 5 });
    const next =
      page.kind === "listed" && page.nextToken
        ? await client().listUserPosts({
            accessToken: user.token,
            userId: user.id,
            maxResults: 5,
            paginationToken: page.nextToken,
          })
        : page;

    expect(page.kind === "listed" ? page.posts : []).toHaveLength(5);
    expect(next.kind === "listed" ? next.posts : []).toHaveLength(2);
  });
});
