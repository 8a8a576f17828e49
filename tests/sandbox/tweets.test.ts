import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Sandbox } from "../../sandbox/server";
import { admin, createPost, getTimeline, grant, postIdOf, signedInUser, startTestSandbox } from "./helpers";

interface ProblemBody {
  title: string;
  detail: string;
  type: string;
  status: number;
  errors?: Array<{ message: string; parameters?: Record<string, string[]> }>;
}

let sandbox: Sandbox;
let ada: { id: string; token: string };
let bea: { id: string; username: string; token: string };

beforeEach(async () => {
  sandbox = await startTestSandbox();
  ada = await signedInUser(sandbox, "ada");
  bea = await signedInUser(sandbox, "bea");
});

afterEach(async () => {
  await sandbox.close();
});

describe("POST /2/tweets", () => {
  it("creates a post", async () => {
    const response = await createPost(sandbox, ada.token, { text: "Hello from the sandbox" });
    const body = (await response.json()) as {
      data: { id: string; text: string; edit_history_tweet_ids: string[] };
    };

    expect(response.status).toBe(201);
    expect(body.data.id).toMatch(/^[0-9]{1,19}$/);
    expect(body.data.text).toBe("Hello from the sandbox");
    expect(body.data.edit_history_tweet_ids).toEqual([body.data.id]);
  });

  it("issues increasing numeric ids", async () => {
    const ids: bigint[] = [];
    for (let index = 0; index < 5; index += 1) {
      ids.push(BigInt(await postIdOf(await createPost(sandbox, ada.token, { text: `post ${index}` }))));
    }

    expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] ?? 0n))).toBe(true);
    expect(ids.every((id) => id.toString().length <= 19)).toBe(true);
  });

  it("rewrites URLs to t.co links", async () => {
    const response = await createPost(sandbox, ada.token, {
      text: "Read https://example.com/a/long/path?x=1 and example.org now",
    });
    const { data } = (await response.json()) as { data: { text: string } };

    expect(data.text).toMatch(
      /^Read https:\/\/t\.co\/[A-Za-z0-9]{10} and https:\/\/t\.co\/[A-Za-z0-9]{10} now$/,
    );
  });

  it("rewrites URLs after emoji", async () => {
    const response = await createPost(sandbox, ada.token, { text: "😀😀 see https://example.com/x!" });
    const { data } = (await response.json()) as { data: { text: string } };

    expect(data.text).toMatch(/^😀😀 see https:\/\/t\.co\/[A-Za-z0-9]{10}!$/);
  });

  it("accepts exactly 280 weighted characters", async () => {
    const cjk = "字".repeat(140);
    const withUrl = `${"a".repeat(256)} https://example.com/${"b".repeat(60)}`;

    expect((await createPost(sandbox, ada.token, { text: "a".repeat(280) })).status).toBe(201);
    expect((await createPost(sandbox, ada.token, { text: cjk })).status).toBe(201);
    expect((await createPost(sandbox, ada.token, { text: withUrl })).status).toBe(201);
  });

  it.each([
    ["281 ASCII characters", "a".repeat(281)],
    ["141 CJK characters", "字".repeat(141)],
    ["a URL that tips it over", `${"a".repeat(257)} https://example.com/x`],
  ])("rejects %s", async (_name, text) => {
    const response = await createPost(sandbox, ada.token, { text });
    const body = (await response.json()) as ProblemBody;

    expect(response.status).toBe(400);
    expect(body.title).toBe("Invalid Request");
    expect(body.type).toBe("https://api.twitter.com/2/problems/invalid-request");
    expect(body.errors?.[0]?.message).toBe("Your Tweet text is too long.");
  });

  it.each([
    ["invalid JSON", "{not json"],
    ["a missing text", JSON.stringify({ reply: { in_reply_to_tweet_id: "1" } })],
    ["an empty text", JSON.stringify({ text: "  " })],
    ["an unknown field", JSON.stringify({ text: "hi", mood: "happy" })],
  ])("rejects %s", async (_name, raw) => {
    const response = await fetch(`${sandbox.url}/2/tweets`, {
      method: "POST",
      headers: { authorization: `Bearer ${ada.token}`, "content-type": "application/json" },
      body: raw,
    });
    const body = (await response.json()) as ProblemBody;

    expect(response.status).toBe(400);
    expect(body.detail).toBe("One or more parameters to your request was invalid.");
    expect(body.errors).toHaveLength(1);
  });

  it("rejects duplicate text from the same user", async () => {
    await createPost(sandbox, ada.token, { text: "Same words" });
    const response = await createPost(sandbox, ada.token, { text: "Same words" });

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      title: "Forbidden",
      type: "about:blank",
      status: 403,
      detail: "You are not allowed to create a Tweet with duplicate content.",
    });
  });

  it("allows the same text from another user", async () => {
    await createPost(sandbox, ada.token, { text: "Same words" });

    expect((await createPost(sandbox, bea.token, { text: "Same words" })).status).toBe(201);
  });

  it("rejects a reply to a missing post", async () => {
    const response = await createPost(sandbox, ada.token, {
      text: "reply",
      reply: { in_reply_to_tweet_id: "1234567890123456789" },
    });
    const body = (await response.json()) as ProblemBody;

    expect(response.status).toBe(403);
    expect(body.detail).toBe("You attempted to reply to a Tweet that is deleted or not visible to you.");
  });

  it("rejects a reply to a deleted post", async () => {
    const parent = await postIdOf(await createPost(sandbox, ada.token, { text: "soon gone" }));
    await fetch(`${sandbox.url}/2/tweets/${parent}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${ada.token}` },
    });
    const response = await createPost(sandbox, ada.token, {
      text: "reply",
      reply: { in_reply_to_tweet_id: parent },
    });

    expect(response.status).toBe(403);
  });

  it("rejects a reply to an unmentioning stranger", async () => {
    const parent = await postIdOf(await createPost(sandbox, bea.token, { text: "Just my thoughts" }));
    const response = await createPost(sandbox, ada.token, {
      text: "Unsolicited reply",
      reply: { in_reply_to_tweet_id: parent },
    });
    const body = (await response.json()) as ProblemBody;

    expect(response.status).toBe(403);
    expect(body.detail).toContain("you have not been mentioned or otherwise engaged by the author");
  });

  it("allows a reply when the parent mentions the caller", async () => {
    const parent = await postIdOf(await createPost(sandbox, bea.token, { text: "What do you think, @ADA?" }));
    const response = await createPost(sandbox, ada.token, {
      text: "I agree",
      reply: { in_reply_to_tweet_id: parent },
    });

    expect(response.status).toBe(201);
  });

  it("allows replies to own posts", async () => {
    const first = await postIdOf(await createPost(sandbox, ada.token, { text: "1/3 A thread" }));
    const second = await postIdOf(
      await createPost(sandbox, ada.token, { text: "2/3 continues", reply: { in_reply_to_tweet_id: first } }),
    );
    const third = await createPost(sandbox, ada.token, {
      text: "3/3 ends",
      reply: { in_reply_to_tweet_id: second },
    });

    expect(third.status).toBe(201);
  });

  it("requires tweet.write", async () => {
    const readOnly = await grant(sandbox, ada.id, "tweet.read users.read offline.access");
    const response = await createPost(sandbox, readOnly.access_token, { text: "Hello" });

    expect(response.status).toBe(403);
    expect(((await response.json()) as ProblemBody).title).toBe("Forbidden");
    expect((await admin<{ data: unknown[] }>(sandbox, "GET", "/_admin/posts")).body.data).toHaveLength(0);
  });

  it("returns 401 for an expired token", async () => {
    sandbox.clock.advance(7_200_000);
    const response = await createPost(sandbox, ada.token, { text: "Hello" });

    expect(response.status).toBe(401);
    expect(response.headers.get("x-rate-limit-limit")).toBeNull();
  });
});

describe("DELETE /2/tweets/:id", () => {
  function deletePost(token: string, id: string): Promise<Response> {
    return fetch(`${sandbox.url}/2/tweets/${id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
  }

  it("deletes the caller's own post", async () => {
    const id = await postIdOf(await createPost(sandbox, ada.token, { text: "Oops" }));
    const response = await deletePost(ada.token, id);
    const timeline = (await (await getTimeline(sandbox, ada.token, ada.id)).json()) as {
      meta: { result_count: number };
    };

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { deleted: true } });
    expect(timeline.meta.result_count).toBe(0);
  });

  it("allows the same text after deleting", async () => {
    const id = await postIdOf(await createPost(sandbox, ada.token, { text: "Again" }));
    await deletePost(ada.token, id);

    expect((await createPost(sandbox, ada.token, { text: "Again" })).status).toBe(201);
  });

  it("refuses another user's post", async () => {
    const id = await postIdOf(await createPost(sandbox, bea.token, { text: "Mine" }));
    const response = await deletePost(ada.token, id);

    expect(response.status).toBe(403);
    expect((await getTimeline(sandbox, bea.token, bea.id)).status).toBe(200);
  });

  it("returns 404 for a missing post", async () => {
    const response = await deletePost(ada.token, "1234567890123456789");

    expect(response.status).toBe(404);
    expect(((await response.json()) as ProblemBody).type).toBe(
      "https://api.twitter.com/2/problems/resource-not-found",
    );
  });
});
