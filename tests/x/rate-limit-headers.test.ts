import { describe, expect, it } from "vitest";
import { classifyFailure } from "@/lib/x/outcomes";
import { rateLimitResetAt, readRateLimitHeaders } from "@/lib/x/rate-limit-headers";

const RESET_ENDPOINT = 1_800_000_000;
const RESET_DAY = 1_800_050_000;

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe("rate limit headers", () => {
  it("reads all three windows", () => {
    const snapshot = readRateLimitHeaders(
      headers({
        "x-rate-limit-limit": "100",
        "x-rate-limit-remaining": "42",
        "x-rate-limit-reset": String(RESET_ENDPOINT),
        "x-user-limit-24hour-limit": "100",
        "x-user-limit-24hour-remaining": "7",
        "x-user-limit-24hour-reset": String(RESET_DAY),
        "x-app-limit-24hour-limit": "1667",
        "x-app-limit-24hour-remaining": "1600",
        "x-app-limit-24hour-reset": String(RESET_DAY),
      }),
    );

    expect(snapshot.endpoint).toEqual({
      limit: 100,
      remaining: 42,
      resetAt: new Date(RESET_ENDPOINT * 1000),
    });
    expect(snapshot.user24h?.remaining).toBe(7);
    expect(snapshot.app24h?.limit).toBe(1667);
  });

  it("ignores incomplete or malformed windows", () => {
    const snapshot = readRateLimitHeaders(
      headers({
        "x-rate-limit-limit": "100",
        "x-rate-limit-remaining": "soon",
        "x-user-limit-24hour-limit": "5",
      }),
    );

    expect(snapshot).toEqual({ endpoint: null, user24h: null, app24h: null });
  });

  it("resets at the used-up day window", () => {
    const snapshot = readRateLimitHeaders(
      headers({
        "x-rate-limit-limit": "100",
        "x-rate-limit-remaining": "3",
        "x-rate-limit-reset": String(RESET_ENDPOINT),
        "x-user-limit-24hour-limit": "17",
        "x-user-limit-24hour-remaining": "0",
        "x-user-limit-24hour-reset": String(RESET_DAY),
      }),
    );

    expect(rateLimitResetAt(snapshot)).toEqual(new Date(RESET_DAY * 1000));
  });

  it("falls back to the endpoint reset", () => {
    const snapshot = readRateLimitHeaders(
      headers({
        "x-rate-limit-limit": "1",
        "x-rate-limit-remaining": "1",
        "x-rate-limit-reset": String(RESET_ENDPOINT),
      }),
    );

    expect(rateLimitResetAt(snapshot)).toEqual(new Date(RESET_ENDPOINT * 1000));
  });

  it("has no reset without headers", () => {
    expect(rateLimitResetAt(readRateLimitHeaders(headers({})))).toBeNull();
  });
});

describe("failure classification", () => {
  const none = { endpoint: null, user24h: null, app24h: null };

  it.each([
    [401, { title: "Unauthorized" }, "unauthorized"],
    [402, { title: "CreditsDepleted", detail: "no credits" }, "payment_required"],
    [403, { detail: "You are not allowed to create a Tweet with duplicate content." }, "duplicate_content"],
    [
      403,
      { detail: "Reply to this conversation is not allowed because you have not been mentioned." },
      "reply_not_allowed",
    ],
    [
      403,
      { detail: "You attempted to reply to a Tweet that is deleted or not visible to you." },
      "reply_not_allowed",
    ],
    [403, { title: "Forbidden", detail: "Forbidden" }, "forbidden"],
    [429, { title: "Too Many Requests" }, "rate_limited"],
    [400, { errors: [{ message: "Your Tweet text is too long." }] }, "invalid_request"],
    [404, null, "invalid_request"],
    [500, null, "server_error"],
    [503, { title: "Service Unavailable" }, "server_error"],
  ])("maps %i to its kind", (status, body, kind) => {
    expect(classifyFailure(status, body, none).kind).toBe(kind);
  });

  it("keeps X's wording as the detail", () => {
    const failure = classifyFailure(
      400,
      { detail: "One or more parameters", errors: [{ message: "too long" }] },
      none,
    );

    expect(failure.detail).toBe("One or more parameters too long");
  });
});
