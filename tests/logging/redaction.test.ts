import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetConfigCache } from "@/lib/config";
import { createLogger } from "@/lib/log";

const ACCESS_TOKEN = "c2FuZGJveC1hY2Nlc3MtdG9rZW4tMTIzNDU2Nzg5";
const REFRESH_TOKEN = "c2FuZGJveC1yZWZyZXNoLXRva2VuLTk4NzY1NDMyMQ";
const SESSION_TOKEN = "0f4c2a9e7b1d4e6f8a3c5b7d9e1f2a4c";

let output = "";
const logger = () => createLogger({ write: (line: string) => void (output += line) });

function lastEntry(): Record<string, unknown> {
  const lines = output.trim().split("\n");

  return JSON.parse(lines.at(-1)!) as Record<string, unknown>;
}

beforeAll(() => {
  // Tests log at warn by default; these check info lines too.
  process.env.LOG_LEVEL = "debug";
  resetConfigCache();
});

afterAll(() => {
  delete process.env.LOG_LEVEL;
  resetConfigCache();
});

afterEach(() => {
  output = "";
});

describe("log redaction", () => {
  it("redacts token fields at any depth", () => {
    logger().info(
      {
        accountId: "acc-1",
        account: { access_token: ACCESS_TOKEN, tokens: { refreshToken: REFRESH_TOKEN } },
        attempts: [{ request: { headers: { authorization: `Bearer ${ACCESS_TOKEN}` } } }],
      },
      "refreshing",
    );

    expect(output).not.toContain(ACCESS_TOKEN);
    expect(output).not.toContain(REFRESH_TOKEN);
    expect(lastEntry()).toMatchObject({ accountId: "acc-1", account: { access_token: "[redacted]" } });
  });

  it("keeps fields that only mention tokens", () => {
    logger().info({ tokenRefreshedAt: "2026-01-01T00:00:00.000Z", lastTokenError: "expired" }, "status");

    expect(lastEntry()).toMatchObject({
      tokenRefreshedAt: "2026-01-01T00:00:00.000Z",
      lastTokenError: "expired",
    });
  });

  it("redacts secrets inside error messages", () => {
    const body = JSON.stringify({ access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN });
    const error = new Error(`Unexpected token response: ${body}`);

    logger().error({ err: error, accountId: "acc-1" }, "refreshing the X access token failed");

    expect(output).not.toContain(ACCESS_TOKEN);
    expect(output).not.toContain(REFRESH_TOKEN);
    expect(lastEntry()).toMatchObject({ err: { type: "Error" }, accountId: "acc-1" });
  });

  it("redacts error properties and causes", () => {
    const cause = Object.assign(new Error("request failed"), {
      config: { headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } },
    });
    const error = new Error("publish failed", { cause });

    logger().error({ err: error, threadId: "t-1" }, "publish failed");

    expect(output).not.toContain(ACCESS_TOKEN);
    expect(output).toContain("request failed");
  });

  it("redacts cookies and headers", () => {
    const headers = new Headers({
      cookie: `__Secure-authjs.session-token=${SESSION_TOKEN}`,
      authorization: `Basic ${Buffer.from("client-id:client-secret-value").toString("base64")}`,
      "user-agent": "Chromium",
    });

    logger().info({ headers, setCookie: [`authjs.session-token=${SESSION_TOKEN}; Path=/`] }, "request");

    expect(output).not.toContain(SESSION_TOKEN);
    expect(output).not.toContain(Buffer.from("client-id:client-secret-value").toString("base64"));
    expect(lastEntry()).toMatchObject({ headers: { "user-agent": "Chromium" } });
  });

  it("redacts secrets in messages and URLs", () => {
    logger().warn(
      { url: `https://localhost/api/auth/callback/twitter?code=${SESSION_TOKEN}&state=abc` },
      `sent refresh_token=${REFRESH_TOKEN} with Bearer ${ACCESS_TOKEN}`,
    );

    expect(output).not.toContain(SESSION_TOKEN);
    expect(output).not.toContain(REFRESH_TOKEN);
    expect(output).not.toContain(ACCESS_TOKEN);
    expect(lastEntry().url).toBe("https://localhost/api/auth/callback/twitter?code=[redacted]&state=abc");
  });

  it("redacts keys, passwords and secrets by name", () => {
    logger().info(
      {
        apiKey: "sk-live-123456789",
        signingKey: "signkey-prod-abcdef",
        clientSecret: "xyz-secret-1",
        password: "hunter22",
      },
      "settings",
    );

    expect(lastEntry()).toMatchObject({
      apiKey: "[redacted]",
      signingKey: "[redacted]",
      clientSecret: "[redacted]",
      password: "[redacted]",
    });
  });

  it("writes one JSON line per call", () => {
    const log = logger();

    log.info({ userId: "u-1" }, "signed in with X");
    log.warn({ accountId: "a-1" }, "X refused a post");

    const lines = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      app: "insightprose",
      userId: "u-1",
      msg: "signed in with X",
    });
    expect(lines[1]).toMatchObject({ level: 40, accountId: "a-1" });
  });
});
