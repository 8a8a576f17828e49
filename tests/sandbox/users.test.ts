import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Sandbox } from "../../sandbox/server";
import { getMe, grant, signedInUser, startTestSandbox } from "./helpers";

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startTestSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

describe("GET /2/users/me", () => {
  it("returns id, name and username by default", async () => {
    const user = await signedInUser(sandbox, "ada");
    const response = await getMe(sandbox, user.token);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { id: user.id, name: "User ada", username: "ada" } });
  });

  it("adds the requested user.fields", async () => {
    const user = await signedInUser(sandbox, "ada");
    const response = await getMe(
      sandbox,
      user.token,
      "?user.fields=profile_image_url,verified,created_at,description",
    );
    const { data } = (await response.json()) as { data: Record<string, unknown> };

    expect(data.verified).toBe(false);
    expect(data.description).toBe("");
    expect(new Date(String(data.created_at)).toISOString()).toBe(data.created_at);
    expect(data.profile_image_url).toBe(`${sandbox.url}/avatars/${user.id}.svg`);
  });

  it("serves the profile image", async () => {
    const user = await signedInUser(sandbox, "ada");
    const response = await fetch(`${sandbox.url}/avatars/${user.id}.svg`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(await response.text()).toContain("<svg");
  });

  it("rejects an unknown user field", async () => {
    const user = await signedInUser(sandbox, "ada");
    const response = await getMe(sandbox, user.token, "?user.fields=shoe_size");
    const body = (await response.json()) as {
      title: string;
      type: string;
      status: number;
      errors: Array<{ message: string }>;
    };

    expect(response.status).toBe(400);
    expect(body.title).toBe("Invalid Request");
    expect(body.type).toBe("https://api.twitter.com/2/problems/invalid-request");
    expect(body.status).toBe(400);
    expect(body.errors[0]?.message).toContain("[shoe_size]");
  });

  it("returns 401 without a token", async () => {
    const response = await fetch(`${sandbox.url}/2/users/me`);

    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toEqual({
      title: "Unauthorized",
      type: "about:blank",
      status: 401,
      detail: "Unauthorized",
    });
  });

  it("returns 403 without users.read", async () => {
    const user = await signedInUser(sandbox, "ada");
    const narrow = await grant(sandbox, user.id, "tweet.read");
    const response = await getMe(sandbox, narrow.access_token);

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      title: "Forbidden",
      type: "about:blank",
      status: 403,
      detail: "Forbidden",
    });
  });

  it("sends rate limit headers", async () => {
    const user = await signedInUser(sandbox, "ada");
    const before = sandbox.clock.now();
    const response = await getMe(sandbox, user.token);
    const reset = Number(response.headers.get("x-rate-limit-reset"));

    expect(response.headers.get("x-rate-limit-limit")).toBe("75");
    expect(response.headers.get("x-rate-limit-remaining")).toBe("74");
    expect(reset).toBeGreaterThanOrEqual(Math.ceil((before + 900_000) / 1000));
    expect(reset).toBeLessThanOrEqual(Math.ceil((sandbox.clock.now() + 900_000) / 1000));
  });
});
