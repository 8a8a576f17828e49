import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Sandbox } from "../../sandbox/server";
import { createPost, getTimeline, postIdOf, signedInUser, startTestSandbox } from "./helpers";

interface TimelineBody {
  data?: Array<Record<string, unknown> & { id: string; text: string }>;
  meta: { result_count: number; newest_id?: string; oldest_id?: string; next_token?: string };
  errors?: Array<Record<string, unknown>>;
}

let sandbox: Sandbox;
let ada: { id: string; token: string };

beforeEach(async () => {
  sandbox = await startTestSandbox();
  ada = await signedInUser(sandbox, "ada");
});

afterEach(async () => {
  await sandbox.close();
});

async function postMany(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    ids.push(await postIdOf(await createPost(sandbox, ada.token, { text: `post number ${index}` })));
    sandbox.clock.advance(1_000);
  }

  return ids;
}

async function readTimeline(query = "", userId = ada.id): Promise<TimelineBody> {
  const response = await getTimeline(sandbox, ada.token, userId, query);
  expect(response.status).toBe(200);

  return (await response.json()) as TimelineBody;
}

describe("GET /2/users/:id/tweets", () => {
  it("lists posts newest first", async () => {
    const ids = await postMany(3);
    const body = await readTimeline();

    expect(body.data?.map((post) => post.id)).toEqual([...ids].reverse());
    expect(body.data?.[0]).toEqual({ id: ids[2], text: "post number 3", edit_history_tweet_ids: [ids[2]] });
    expect(body.meta).toEqual({ result_count: 3, newest_id: ids[2], oldest_id: ids[0] });
  });

  it("returns only meta when empty", async () => {
    expect(await readTimeline()).toEqual({ meta: { result_count: 0 } });
  });

  it("pages with pagination_token", async () => {
    const ids = await postMany(12);
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let token: string | undefined;
    do {
      const body = await readTimeline(`?max_results=5${token ? `&pagination_token=${token}` : ""}`);
      pageSizes.push(body.meta.result_count);
      seen.push(...(body.data ?? []).map((post) => post.id));
      token = body.meta.next_token;
    } while (token);

    expect(pageSizes).toEqual([5, 5, 2]);
    expect(seen).toEqual([...ids].reverse());
  });

  it("omits next_token on an exact last page", async () => {
    await postMany(5);

    expect((await readTimeline("?max_results=5")).meta.next_token).toBeUndefined();
  });

  it.each(["4", "101", "ten"])("rejects max_results=%s", async (value) => {
    const response = await getTimeline(sandbox, ada.token, ada.id, `?max_results=${value}`);
    const body = (await response.json()) as { errors: Array<{ message: string }> };

    expect(response.status).toBe(400);
    expect(body.errors[0]?.message).toBe(
      `The \`max_results\` query parameter value [${value}] is not between 5 and 100`,
    );
  });

  it("filters by since_id and until_id", async () => {
    const ids = await postMany(5);
    const since = await readTimeline(`?since_id=${ids[2]}`);
    const until = await readTimeline(`?until_id=${ids[2]}`);
    const between = await readTimeline(`?since_id=${ids[0]}&until_id=${ids[4]}`);

    expect(since.data?.map((post) => post.id)).toEqual([ids[4], ids[3]]);
    expect(until.data?.map((post) => post.id)).toEqual([ids[1], ids[0]]);
    expect(between.data?.map((post) => post.id)).toEqual([ids[3], ids[2], ids[1]]);
  });

  it("filters by start_time and end_time", async () => {
    const early = await postIdOf(await createPost(sandbox, ada.token, { text: "early" }));
    sandbox.clock.advance(60 * 60_000);
    const cutoff = new Date(sandbox.clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
    sandbox.clock.advance(5_000);
    const late = await postIdOf(await createPost(sandbox, ada.token, { text: "late" }));

    expect((await readTimeline(`?start_time=${cutoff}`)).data?.map((post) => post.id)).toEqual([late]);
    expect((await readTimeline(`?end_time=${cutoff}`)).data?.map((post) => post.id)).toEqual([early]);
  });

  it("adds the requested tweet.fields", async () => {
    const root = await postIdOf(await createPost(sandbox, ada.token, { text: "1/2 root" }));
    const reply = await postIdOf(
      await createPost(sandbox, ada.token, { text: "2/2 reply", reply: { in_reply_to_tweet_id: root } }),
    );
    const body = await readTimeline(
      "?tweet.fields=created_at,conversation_id,referenced_tweets,in_reply_to_user_id,author_id",
    );
    const [replyPost, rootPost] = body.data ?? [];

    expect(replyPost).toMatchObject({
      id: reply,
      author_id: ada.id,
      conversation_id: root,
      in_reply_to_user_id: ada.id,
      referenced_tweets: [{ type: "replied_to", id: root }],
    });
    expect(new Date(String(replyPost?.created_at)).toISOString()).toBe(replyPost?.created_at);
    expect(rootPost?.conversation_id).toBe(root);
    expect(rootPost).not.toHaveProperty("referenced_tweets");
    expect(rootPost).not.toHaveProperty("in_reply_to_user_id");
  });

  it("excludes replies on request", async () => {
    const root = await postIdOf(await createPost(sandbox, ada.token, { text: "root" }));
    await createPost(sandbox, ada.token, { text: "reply", reply: { in_reply_to_tweet_id: root } });

    expect((await readTimeline("?exclude=replies")).data?.map((post) => post.id)).toEqual([root]);
  });

  it.each([
    ["pagination_token", "?pagination_token=nonsense"],
    ["since_id", "?since_id=abc"],
    ["start_time", "?start_time=yesterday"],
    ["tweet.fields", "?tweet.fields=mood"],
  ])("rejects an invalid %s", async (name, query) => {
    const response = await getTimeline(sandbox, ada.token, ada.id, query);
    const body = (await response.json()) as { errors: Array<{ parameters: Record<string, string[]> }> };

    expect(response.status).toBe(400);
    expect(Object.keys(body.errors[0]?.parameters ?? {})).toEqual([name]);
  });

  it("reports an unknown user in errors", async () => {
    const body = await readTimeline("", "1234567890123456789");

    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]).toMatchObject({
      title: "Not Found Error",
      detail: "Could not find user with id: [1234567890123456789].",
      type: "https://api.twitter.com/2/problems/resource-not-found",
    });
  });

  it("reads another user's posts", async () => {
    const bea = await signedInUser(sandbox, "bea");
    const id = await postIdOf(await createPost(sandbox, bea.token, { text: "from bea" }));

    expect((await readTimeline("", bea.id)).data?.map((post) => post.id)).toEqual([id]);
  });
});
