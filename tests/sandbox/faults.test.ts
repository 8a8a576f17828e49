import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Sandbox } from "../../sandbox/server";
import {
  admin,
  createPost,
  getMe,
  getTimeline,
  signedInUser,
  startTestSandbox,
  tokenRequest,
} from "./helpers";

let sandbox: Sandbox;
let ada: { id: string; token: string; refresh: string };

beforeEach(async () => {
  sandbox = await startTestSandbox();
  ada = await signedInUser(sandbox, "ada");
});

afterEach(async () => {
  await sandbox.close();
});

async function addFault(
  rule: Record<string, unknown>,
): Promise<{ status: number; body: { data: Record<string, unknown> } }> {
  return admin<{ data: Record<string, unknown> }>(sandbox, "POST", "/_admin/faults", rule);
}

async function storedPostCount(): Promise<number> {
  return (await admin<{ data: unknown[] }>(sandbox, "GET", "/_admin/posts")).body.data.length;
}

describe("fault kinds", () => {
  it.each([
    [500, "Internal Server Error"],
    [503, "Service Unavailable"],
  ])("returns status %i once", async (status, title) => {
    await addFault({ method: "POST", path: "/2/tweets", kind: "status", status });
    const failed = await createPost(sandbox, ada.token, { text: "first try" });
    const retried = await createPost(sandbox, ada.token, { text: "first try" });

    expect(failed.status).toBe(status);
    expect(await failed.json()).toEqual({ title, detail: title, type: "about:blank", status });
    expect(retried.status).toBe(201);
    expect(await storedPostCount()).toBe(1);
  });

  it("returns 401 for unauthorized", async () => {
    await addFault({ path: "/2/tweets", kind: "unauthorized" });
    const failed = await createPost(sandbox, ada.token, { text: "hello" });

    expect(failed.status).toBe(401);
    expect(((await failed.json()) as { title: string }).title).toBe("Unauthorized");
    expect((await createPost(sandbox, ada.token, { text: "hello" })).status).toBe(201);
  });

  it("returns 429 for rate_limit", async () => {
    await addFault({ path: "/2/tweets", kind: "rate_limit", reset_in_seconds: 120 });
    const before = Math.ceil(sandbox.clock.now() / 1000);
    const failed = await createPost(sandbox, ada.token, { text: "hello" });
    const reset = Number(failed.headers.get("x-rate-limit-reset"));

    expect(failed.status).toBe(429);
    expect(((await failed.json()) as { title: string }).title).toBe("Too Many Requests");
    expect(failed.headers.get("x-rate-limit-remaining")).toBe("0");
    expect(reset - before).toBeGreaterThanOrEqual(119);
    expect(reset - before).toBeLessThanOrEqual(121);
    expect(await storedPostCount()).toBe(0);
  });

  it("delays the response", async () => {
    await addFault({ path: "/2/users/me", kind: "delay", delay_ms: 300 });
    const started = performance.now();
    const response = await getMe(sandbox, ada.token);

    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(response.status).toBe(200);
  });

  it("hangs without responding", async () => {
    await addFault({ path: "/2/tweets", kind: "hang" });
    const attempt = createPostWithTimeout({ text: "into the void" }, 300);

    await expect(attempt).rejects.toThrow();
    expect((await getMe(sandbox, ada.token)).status).toBe(200);
    expect(await storedPostCount()).toBe(0);
  });

  it("ends hanging requests on close", async () => {
    await addFault({ path: "/2/tweets", kind: "hang" });
    const attempt = createPost(sandbox, ada.token, { text: "waiting" });
    const outcome = attempt.then(
      () => "answered",
      () => "failed",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sandbox.close();

    expect(await outcome).toBe("failed");
    sandbox = await startTestSandbox();
  });

  it("drops the connection before creating", async () => {
    await addFault({ path: "/2/tweets", kind: "drop" });

    await expect(createPost(sandbox, ada.token, { text: "dropped" })).rejects.toThrow();
    expect(await storedPostCount()).toBe(0);
  });

  it("creates then responds 503", async () => {
    await addFault({ path: "/2/tweets", kind: "created_then_lost" });
    const response = await createPost(sandbox, ada.token, { text: "did it land?" });
    const timeline = (await (await getTimeline(sandbox, ada.token, ada.id)).json()) as {
      data: Array<{ text: string }>;
    };

    expect(response.status).toBe(503);
    expect(timeline.data.map((post) => post.text)).toEqual(["did it land?"]);
  });

  it("creates then drops the connection", async () => {
    await addFault({ path: "/2/tweets", kind: "created_then_lost", lost_as: "drop" });

    await expect(createPost(sandbox, ada.token, { text: "did it land?" })).rejects.toThrow();
    expect(await storedPostCount()).toBe(1);
  });

  it("passes a failed post through created_then_lost", async () => {
    await createPost(sandbox, ada.token, { text: "twice" });
    await addFault({ path: "/2/tweets", kind: "created_then_lost" });
    const response = await createPost(sandbox, ada.token, { text: "twice" });

    expect(response.status).toBe(403);
  });

  it("fails the token endpoint", async () => {
    await addFault({ method: "POST", path: "/2/oauth2/token", kind: "status", status: 503 });
    const failed = await tokenRequest(sandbox, { grant_type: "refresh_token", refresh_token: ada.refresh });
    const retried = await tokenRequest(sandbox, { grant_type: "refresh_token", refresh_token: ada.refresh });

    expect(failed.status).toBe(503);
    expect(retried.status).toBe(200);
  });

  function createPostWithTimeout(body: unknown, timeoutMs: number): Promise<Response> {
    return fetch(`${sandbox.url}/2/tweets`, {
      method: "POST",
      headers: { authorization: `Bearer ${ada.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }
});

describe("fault rules", () => {
  it("skips the first matches", async () => {
    await addFault({ path: "/2/tweets", kind: "status", skip: 2 });
    const statuses = [];
    for (const text of ["1/4", "2/4", "3/4", "4/4"]) {
      statuses.push((await createPost(sandbox, ada.token, { text })).status);
    }

    expect(statuses).toEqual([201, 201, 503, 201]);
  });

  it("fires the given number of times", async () => {
    await addFault({ path: "/2/tweets", kind: "status", times: 2 });
    const statuses = [];
    for (const text of ["a", "b", "c"]) {
      statuses.push((await createPost(sandbox, ada.token, { text })).status);
    }

    expect(statuses).toEqual([503, 503, 201]);
  });

  it("keeps firing until cleared", async () => {
    await addFault({ path: "/2/tweets", kind: "unauthorized", times: "always" });
    const before = [];
    for (const text of ["a", "b", "c"]) {
      before.push((await createPost(sandbox, ada.token, { text })).status);
    }
    const cleared = await admin<{ cleared: number }>(sandbox, "DELETE", "/_admin/faults");

    expect(before).toEqual([401, 401, 401]);
    expect(cleared.body.cleared).toBe(1);
    expect((await createPost(sandbox, ada.token, { text: "d" })).status).toBe(201);
  });

  it("matches method and wildcard paths", async () => {
    await addFault({ method: "get", path: "/2/users/*/tweets", kind: "status", status: 500 });
    const post = await createPost(sandbox, ada.token, { text: "posting is fine" });
    const timeline = await getTimeline(sandbox, ada.token, ada.id);

    expect(post.status).toBe(201);
    expect(timeline.status).toBe(500);
  });

  it("lists active rules", async () => {
    const added = await addFault({ path: "/2/tweets", kind: "delay", delay_ms: 10, times: 3, skip: 1 });
    const { body } = await admin<{ data: Array<Record<string, unknown>> }>(sandbox, "GET", "/_admin/faults");

    expect(added.status).toBe(201);
    expect(body.data).toEqual([
      {
        id: added.body.data.id,
        method: "*",
        path: "/2/tweets",
        kind: "delay",
        remaining: 3,
        skip: 1,
        seen: 0,
        delay_ms: 10,
      },
    ]);
  });

  it("never touches the admin API", async () => {
    await addFault({ path: "*", kind: "status", times: "always" });
    const { status } = await admin(sandbox, "GET", "/_admin/users");

    expect(status).toBe(200);
  });

  it.each([
    ["an unknown kind", { path: "/2/tweets", kind: "explode" }],
    ["a status other than 500 or 503", { path: "/2/tweets", kind: "status", status: 502 }],
    ["a path without a slash", { path: "2/tweets", kind: "hang" }],
    ["zero times", { path: "/2/tweets", kind: "hang", times: 0 }],
  ])("rejects %s", async (_name, rule) => {
    const { status, body } = await admin<{ error: string }>(sandbox, "POST", "/_admin/faults", rule);

    expect(status).toBe(400);
    expect(body.error).toMatch(/^Invalid admin request: /);
  });
});
