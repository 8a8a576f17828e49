import { request } from "node:http";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { isLoopbackAddress, isLoopbackHost } from "../../sandbox/http";
import type { Sandbox } from "../../sandbox/server";
import { admin, createPost, createUser, getMe, grant, signedInUser, startTestSandbox } from "./helpers";

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startTestSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

/** Sends a request to 127.0.0.1 with a chosen Host header, which fetch does not allow. */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: "127.0.0.1", port: sandbox.port, path, headers: { host } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("admin loopback rule", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.5", false],
    ["192.168.1.20", false],
    ["::ffff:10.0.0.5", false],
    ["fe80::1", false],
    [undefined, false],
  ])("treats peer %s as loopback: %s", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it.each([
    ["localhost:4010", true],
    ["127.0.0.1:4010", true],
    ["[::1]:4010", true],
    ["localhost", true],
    ["evil.example:4010", false],
    ["localhost.evil.example", false],
    [undefined, false],
  ])("treats Host %s as loopback: %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  it("serves a loopback caller", async () => {
    expect((await getWithHost("/_admin/users", `127.0.0.1:${sandbox.port}`)).status).toBe(200);
  });

  it("rejects a foreign Host header", async () => {
    const response = await getWithHost("/_admin/users", "evil.example");

    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual({
      error: "The admin API answers only loopback callers that address localhost, 127.0.0.1 or [::1].",
    });
  });

  it("serves localhost and 127.0.0.1", async () => {
    expect(sandbox.url).toBe(`http://localhost:${sandbox.port}`);
    expect((await fetch(`http://127.0.0.1:${sandbox.port}/`)).status).toBe(200);
    expect((await fetch(`${sandbox.url}/`)).status).toBe(200);
  });
});

describe("admin API", () => {
  it("resets everything", async () => {
    const user = await signedInUser(sandbox, "ada");
    await createPost(sandbox, user.token, { text: "hello" });
    await admin(sandbox, "POST", "/_admin/clock", { advance_ms: 60_000 });
    await admin(sandbox, "POST", "/_admin/tier", { tier: "free" });
    await admin(sandbox, "POST", "/_admin/faults", { path: "/2/users/me", kind: "hang" });
    const reset = await admin(sandbox, "POST", "/_admin/reset");

    expect(reset).toEqual({ status: 200, body: { reset: true } });
    expect((await admin<{ data: unknown[] }>(sandbox, "GET", "/_admin/users")).body.data).toEqual([]);
    expect((await admin<{ data: unknown[] }>(sandbox, "GET", "/_admin/posts")).body.data).toEqual([]);
    expect((await admin<{ data: unknown[] }>(sandbox, "GET", "/_admin/tokens")).body.data).toEqual([]);
    expect((await admin<{ data: unknown[] }>(sandbox, "GET", "/_admin/faults")).body.data).toEqual([]);
    expect((await admin<{ tier: string }>(sandbox, "GET", "/_admin/tier")).body.tier).toBe("basic");
    expect(sandbox.clock.offset).toBe(0);
    expect((await getMe(sandbox, user.token)).status).toBe(401);
  });

  it("moves the clock", async () => {
    const advanced = await admin<{ offset_ms: number }>(sandbox, "POST", "/_admin/clock", {
      advance_ms: 90_000,
    });
    const set = await admin<{ now: string }>(sandbox, "POST", "/_admin/clock", {
      set: "2030-01-02T03:04:05Z",
    });

    expect(advanced.body.offset_ms).toBeGreaterThanOrEqual(89_000);
    expect(advanced.body.offset_ms).toBeLessThanOrEqual(90_000);
    expect(Date.parse(set.body.now) - Date.parse("2030-01-02T03:04:05Z")).toBeLessThan(1_000);
    expect((await admin(sandbox, "POST", "/_admin/clock", { advance_ms: 1, set: 5 })).status).toBe(400);
  });

  it("lists the client without its secret", async () => {
    const { body } = await admin(sandbox, "GET", "/_admin/clients");

    expect(body).toEqual({
      data: [
        {
          client_id: "insightprose-dev",
          type: "confidential",
          redirect_uris: ["http://localhost:3000/api/auth/callback/twitter"],
        },
      ],
    });
  });

  it("creates users and checks handles", async () => {
    const created = await admin<{ data: Record<string, unknown> }>(sandbox, "POST", "/_admin/users", {
      name: "Ada",
      username: "@ada",
      verified: true,
    });
    const duplicate = await admin(sandbox, "POST", "/_admin/users", { name: "Ada 2", username: "ADA" });
    const invalid = await admin(sandbox, "POST", "/_admin/users", { name: "Bad", username: "has space" });

    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: "Ada", username: "ada", verified: true });
    expect(String(created.body.data.id)).toMatch(/^[0-9]{1,19}$/);
    expect(duplicate.status).toBe(400);
    expect(invalid.status).toBe(400);
  });

  it("grants tokens without a browser", async () => {
    const user = await createUser(sandbox, "ada");
    const byName = await admin<{ access_token: string; user_id: string; refresh_token?: string }>(
      sandbox,
      "POST",
      "/_admin/grant",
      { username: "ada" },
    );
    const narrow = await admin<{ scope: string; refresh_token?: string; expires_in: number }>(
      sandbox,
      "POST",
      "/_admin/grant",
      {
        user_id: user.id,
        scope: "tweet.read users.read",
        expires_in_seconds: 30,
      },
    );

    expect(byName.body.user_id).toBe(user.id);
    expect((await getMe(sandbox, byName.body.access_token)).status).toBe(200);
    expect(narrow.body).toMatchObject({ scope: "tweet.read users.read", expires_in: 30 });
    expect(narrow.body.refresh_token).toBeUndefined();
    expect((await admin(sandbox, "POST", "/_admin/grant", { username: "nobody" })).status).toBe(404);
    expect(
      (await admin(sandbox, "POST", "/_admin/grant", { user_id: user.id, scope: "god.mode" })).status,
    ).toBe(400);
  });

  it("lists tokens with their status", async () => {
    const user = await createUser(sandbox, "ada");
    const tokens = await grant(sandbox, user.id);
    await fetch(`${sandbox.url}/2/oauth2/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("insightprose-dev:insightprose-dev-secret").toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token ?? "",
      }).toString(),
    });
    const { body } = await admin<{ data: Array<{ token: string; kind: string; status: string }> }>(
      sandbox,
      "GET",
      "/_admin/tokens",
    );
    const old = body.data.find((token) => token.token === tokens.refresh_token);

    expect(body.data).toHaveLength(4);
    expect(old?.status).toBe("rotated");
    expect(body.data.filter((token) => token.status === "active")).toHaveLength(3);
  });

  it("lists posts with their threads", async () => {
    const user = await signedInUser(sandbox, "ada");
    const root = (await (
      await createPost(sandbox, user.token, { text: "root https://example.com" })
    ).json()) as { data: { id: string } };
    await createPost(sandbox, user.token, { text: "reply", reply: { in_reply_to_tweet_id: root.data.id } });
    const { body } = await admin<{ data: Array<Record<string, unknown>> }>(sandbox, "GET", "/_admin/posts");

    expect(body.data).toHaveLength(2);
    expect(body.data[0]).toMatchObject({
      submitted_text: "root https://example.com",
      in_reply_to_tweet_id: null,
      deleted_at: null,
    });
    expect(body.data[1]).toMatchObject({
      conversation_id: root.data.id,
      in_reply_to_tweet_id: root.data.id,
      in_reply_to_user_id: user.id,
    });
  });

  it("reads and changes settings", async () => {
    const changed = await admin(sandbox, "POST", "/_admin/settings", { revoke_family_on_reuse: true });

    expect(changed.body).toEqual({ access_token_lifetime_seconds: 7200, revoke_family_on_reuse: true });
    expect(
      (await admin(sandbox, "POST", "/_admin/settings", { access_token_lifetime_seconds: -5 })).status,
    ).toBe(400);
  });

  it("returns 404 for an unknown admin route", async () => {
    expect((await fetch(`${sandbox.url}/_admin/nothing`)).status).toBe(404);
  });

  it("rejects a malformed body", async () => {
    const response = await fetch(`${sandbox.url}/_admin/users`, { method: "POST", body: "{" });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "The request body is not valid JSON." });
  });
});

describe("home page", () => {
  it("shows users and threads escaped", async () => {
    const ada = await signedInUser(sandbox, "ada");
    const root = (await (
      await createPost(sandbox, ada.token, { text: "1/2 <b>bold</b> & more" })
    ).json()) as { data: { id: string } };
    await createPost(sandbox, ada.token, {
      text: "2/2 the end",
      reply: { in_reply_to_tweet_id: root.data.id },
    });
    const html = await (await fetch(`${sandbox.url}/`)).text();

    expect(html).toContain("@ada");
    expect(html).toContain("1/2 &lt;b&gt;bold&lt;/b&gt; &amp; more");
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toMatch(/1\/2 &lt;b&gt;[\s\S]*<ol><li class="post" id="post-\d+">[\s\S]*2\/2 the end/);
    expect(html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T/);
  });

  it("says when there are no users", async () => {
    expect(await (await fetch(`${sandbox.url}/`)).text()).toContain("No fake users yet.");
  });
});

describe("unknown routes", () => {
  it("returns X's not-found body", async () => {
    const response = await fetch(`${sandbox.url}/2/spaces`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: "Sorry, that page does not exist", code: 34 }],
    });
  });
});
