import { afterEach, describe, expect, it } from "vitest";

import type { Tier } from "../../sandbox/config";
import type { Sandbox } from "../../sandbox/server";
import { admin, createPost, getTimeline, grant, signedInUser, startTestSandbox } from "./helpers";

const DAY_SECONDS = 86_400;
const FIFTEEN_MINUTES_SECONDS = 900;

let sandbox: Sandbox;

afterEach(async () => {
  await sandbox.close();
});

function header(response: Response, name: string): string | null {
  return response.headers.get(name);
}

describe("rate limit headers per tier", () => {
  it.each<[Tier, number, number, number, boolean]>([
    ["free", 17, DAY_SECONDS, 17, true],
    ["basic", 100, DAY_SECONDS, 1667, true],
    ["pro", 100, FIFTEEN_MINUTES_SECONDS, 10_000, false],
    ["pay-per-use", 100, FIFTEEN_MINUTES_SECONDS, 10_000, false],
  ])("%s sends its limits", async (tier, userLimit, windowSeconds, appLimit, has24Hour) => {
    sandbox = await startTestSandbox({ tier });
    const user = await signedInUser(sandbox, "ada");
    const before = Math.ceil(sandbox.clock.now() / 1000);
    const response = await createPost(sandbox, user.token, { text: "Counting" });
    const reset = Number(header(response, "x-rate-limit-reset"));

    expect(response.status).toBe(201);
    expect(header(response, "x-rate-limit-limit")).toBe(String(userLimit));
    expect(header(response, "x-rate-limit-remaining")).toBe(String(userLimit - 1));
    expect(reset - before).toBeGreaterThanOrEqual(windowSeconds - 1);
    expect(reset - before).toBeLessThanOrEqual(windowSeconds + 1);

    if (has24Hour) {
      expect(header(response, "x-user-limit-24hour-limit")).toBe(String(userLimit));
      expect(header(response, "x-user-limit-24hour-remaining")).toBe(String(userLimit - 1));
      expect(header(response, "x-user-limit-24hour-reset")).toBe(String(reset));
      expect(header(response, "x-app-limit-24hour-limit")).toBe(String(appLimit));
      expect(header(response, "x-app-limit-24hour-remaining")).toBe(String(appLimit - 1));
      expect(Number(header(response, "x-app-limit-24hour-reset"))).toBe(reset);
    } else {
      expect(header(response, "x-user-limit-24hour-limit")).toBeNull();
      expect(header(response, "x-app-limit-24hour-limit")).toBeNull();
      expect(header(response, "x-app-limit-24hour-remaining")).toBeNull();
    }
  });

  it("sends headers on rejected posts too", async () => {
    sandbox = await startTestSandbox({ tier: "basic" });
    const user = await signedInUser(sandbox, "ada");
    const response = await createPost(sandbox, user.token, { text: "x".repeat(300) });

    expect(response.status).toBe(400);
    expect(header(response, "x-rate-limit-remaining")).toBe("99");
    expect(header(response, "x-user-limit-24hour-remaining")).toBe("99");
  });

  it("sends headers on the timeline", async () => {
    sandbox = await startTestSandbox();
    const user = await signedInUser(sandbox, "ada");
    const response = await getTimeline(sandbox, user.token, user.id);

    expect(header(response, "x-rate-limit-limit")).toBe("900");
    expect(header(response, "x-rate-limit-remaining")).toBe("899");
    expect(header(response, "x-rate-limit-reset")).toMatch(/^[0-9]{10}$/);
  });
});

describe("rate limit enforcement", () => {
  it("free limit returns 429 then recovers", async () => {
    sandbox = await startTestSandbox({ tier: "free" });
    const user = await signedInUser(sandbox, "ada");
    for (let index = 0; index < 17; index += 1) {
      expect((await createPost(sandbox, user.token, { text: `post ${index}` })).status).toBe(201);
    }

    const limited = await createPost(sandbox, user.token, { text: "one too many" });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      title: "Too Many Requests",
      detail: "Too Many Requests",
      type: "about:blank",
      status: 429,
    });
    expect(header(limited, "x-rate-limit-remaining")).toBe("0");
    expect(header(limited, "x-user-limit-24hour-remaining")).toBe("0");

    // Access tokens live two hours, so each jump of the clock needs a fresh one.
    const resetMs = Number(header(limited, "x-rate-limit-reset")) * 1000;
    sandbox.clock.set(resetMs - 2_000);
    const lateToken = (await grant(sandbox, user.id)).access_token;
    expect((await createPost(sandbox, lateToken, { text: "still limited" })).status).toBe(429);

    sandbox.clock.set(resetMs + 1_000);
    const nextDayToken = (await grant(sandbox, user.id)).access_token;
    const recovered = await createPost(sandbox, nextDayToken, { text: "back again" });
    expect(recovered.status).toBe(201);
    expect(header(recovered, "x-rate-limit-remaining")).toBe("16");
  });

  it("applies the 15-minute window on pro", async () => {
    sandbox = await startTestSandbox({ tier: "pro" });
    await admin(sandbox, "POST", "/_admin/tier", { limits: { user_limit: 2 } });
    const user = await signedInUser(sandbox, "ada");
    await createPost(sandbox, user.token, { text: "one" });
    await createPost(sandbox, user.token, { text: "two" });

    expect((await createPost(sandbox, user.token, { text: "three" })).status).toBe(429);
    sandbox.clock.advance(FIFTEEN_MINUTES_SECONDS * 1000);
    expect((await createPost(sandbox, user.token, { text: "four" })).status).toBe(201);
  });

  it("shares the app limit between users", async () => {
    sandbox = await startTestSandbox({ tier: "basic" });
    await admin(sandbox, "POST", "/_admin/tier", { limits: { app_limit: 2 } });
    const ada = await signedInUser(sandbox, "ada");
    const bea = await signedInUser(sandbox, "bea");
    await createPost(sandbox, ada.token, { text: "one" });
    await createPost(sandbox, bea.token, { text: "two" });
    const limited = await createPost(sandbox, bea.token, { text: "three" });

    expect(limited.status).toBe(429);
    expect(header(limited, "x-app-limit-24hour-remaining")).toBe("0");
    expect(header(limited, "x-user-limit-24hour-remaining")).toBe("99");
  });

  it("starts new windows on a tier change", async () => {
    sandbox = await startTestSandbox({ tier: "basic" });
    await admin(sandbox, "POST", "/_admin/tier", { limits: { user_limit: 1 } });
    const user = await signedInUser(sandbox, "ada");
    await createPost(sandbox, user.token, { text: "one" });
    const { body } = await admin<{ tier: string; limits: { user_limit: number } }>(
      sandbox,
      "POST",
      "/_admin/tier",
      { tier: "free" },
    );
    const response = await createPost(sandbox, user.token, { text: "two" });

    expect(body.tier).toBe("free");
    expect(body.limits.user_limit).toBe(17);
    expect(response.status).toBe(201);
    expect(header(response, "x-rate-limit-remaining")).toBe("16");
  });
});

describe("pay-per-use credits", () => {
  it("returns 402 when credits run out", async () => {
    sandbox = await startTestSandbox({ tier: "pay-per-use", creditBalanceUsd: 0.02 });
    const user = await signedInUser(sandbox, "ada");

    expect((await createPost(sandbox, user.token, { text: "one" })).status).toBe(201);
    expect((await createPost(sandbox, user.token, { text: "two" })).status).toBe(201);

    const refused = await createPost(sandbox, user.token, { text: "three" });
    const body = (await refused.json()) as { title: string; detail: string; status: number; type: string };
    expect(refused.status).toBe(402);
    expect(body.title).toBe("CreditsDepleted");
    expect(body.status).toBe(402);
    expect(body.detail).toMatch(
      /^Your enrolled account \[.+\] does not have any credits to fulfill this request\.$/,
    );
    expect(header(refused, "x-rate-limit-limit")).toBe("100");

    const { body: credits } = await admin<{ balance_usd: number }>(sandbox, "GET", "/_admin/credits");
    expect(credits.balance_usd).toBeCloseTo(-0.01, 6);
  });

  it("charges more for a post with a URL", async () => {
    sandbox = await startTestSandbox({ tier: "pay-per-use", creditBalanceUsd: 1 });
    const user = await signedInUser(sandbox, "ada");
    await createPost(sandbox, user.token, { text: "plain" });
    await createPost(sandbox, user.token, { text: "see https://example.com" });
    const { body } = await admin<{ balance_usd: number }>(sandbox, "GET", "/_admin/credits");

    expect(body.balance_usd).toBeCloseTo(1 - 0.015 - 0.2, 6);
  });

  it("accepts posts again after a top-up", async () => {
    sandbox = await startTestSandbox({ tier: "pay-per-use", creditBalanceUsd: 0 });
    const user = await signedInUser(sandbox, "ada");
    const refused = await createPost(sandbox, user.token, { text: "one" });
    await admin(sandbox, "POST", "/_admin/credits", { balance_usd: 5 });

    expect(refused.status).toBe(402);
    expect((await createPost(sandbox, user.token, { text: "one" })).status).toBe(201);
  });

  it("ignores the balance on other tiers", async () => {
    sandbox = await startTestSandbox({ tier: "basic", creditBalanceUsd: 0 });
    const user = await signedInUser(sandbox, "ada");

    expect((await createPost(sandbox, user.token, { text: "free of charge" })).status).toBe(201);
  });
});
