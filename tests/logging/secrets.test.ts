// A sign-in, token refreshes and a publish run against the X sandbox over
// HTTP, with the app's logger writing into a string. Every token the sandbox
// issued, the session token and the app's secrets must be absent from it.
import { Auth } from "@auth/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildAuthConfig } from "@/lib/auth/config";
import { getConfig, resetConfigCache } from "@/lib/config";
import { account, getDb, thread, threadPost } from "@/lib/db";
import { setLogDestination } from "@/lib/log";
import { claimThread } from "@/lib/publishing/claim";
import { finishThread } from "@/lib/publishing/finish";
import { publishPost } from "@/lib/publishing/publish-post";
import { refreshAccountToken } from "@/lib/x/refresh-token";
import { AccountNeedsReconnectError } from "@/lib/x/token-errors";
import type { Sandbox } from "../../sandbox/server";
import { setupTestDatabase } from "../helpers/database";
import {
  admin,
  CLIENT_SECRET,
  extractConsentId,
  revokeRequest,
  startTestSandbox,
  submitConsent,
} from "../sandbox/helpers";

// Auth.js runs here outside Next.js, where next/headers has no request to read.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, delete: () => undefined }),
}));

setupTestDatabase();

const APP_ORIGIN = "http://localhost:3000";
let sandbox: Sandbox;
let output = "";
let sessionToken = "";
let authorizationCode = "";

/** Cookies as a browser would keep them for the app's origin. */
class CookieJar {
  private readonly values = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const separator = pair!.indexOf("=");
      this.values.set(pair!.slice(0, separator), pair!.slice(separator + 1));
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

function callAuth(path: string, jar: CookieJar, init: RequestInit = {}): Promise<Response> {
  const config = { ...buildAuthConfig(), basePath: "/api/auth" };
  const headers = new Headers(init.headers);
  headers.set("cookie", jar.header());

  return Auth(new Request(`${APP_ORIGIN}${path}`, { ...init, headers }), config);
}

/** Signs in through Auth.js and the sandbox's consent page, as the browser does. */
async function signIn(username: string): Promise<void> {
  const jar = new CookieJar();
  const csrfResponse = await callAuth("/api/auth/csrf", jar);
  jar.store(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };

  const start = await callAuth("/api/auth/signin/twitter", jar, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${APP_ORIGIN}/dashboard` }),
  });
  jar.store(start);
  const consentPage = await fetch(start.headers.get("location")!);
  const consent = await submitConsent(sandbox, extractConsentId(await consentPage.text()), {
    decision: "authorize",
    user_id: "new",
    name: "Logging Writer",
    username,
  });
  const callbackUrl = new URL(consent.headers.get("location")!);
  authorizationCode = callbackUrl.searchParams.get("code")!;

  const callback = await callAuth(`${callbackUrl.pathname}${callbackUrl.search}`, jar);
  jar.store(callback);
  expect(callback.status).toBe(302);
  expect(callback.headers.get("location")).toBe(`${APP_ORIGIN}/dashboard`);
  sessionToken = jar.get("authjs.session-token") ?? "";
}

async function issuedTokens(): Promise<string[]> {
  const { body } = await admin<{ data: Array<{ token: string }> }>(sandbox, "GET", "/_admin/tokens");

  return body.data.map((entry) => entry.token);
}

async function linkedAccountId(): Promise<string> {
  const [row] = await getDb().select({ id: account.id }).from(account).where(eq(account.provider, "twitter"));
  if (!row) throw new Error("The sign-in linked no X account.");

  return row.id;
}

function expectNoSecrets(values: string[]): void {
  expect(values.length).toBeGreaterThan(0);
  for (const value of values) {
    expect(value.length).toBeGreaterThan(8);
    expect(output).not.toContain(value);
  }
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  process.env.X_SANDBOX_URL = sandbox.url;
  process.env.LOG_LEVEL = "debug";
  delete process.env.AUTH_TWITTER_ID;
  resetConfigCache();
  setLogDestination({ write: (line: string) => void (output += line) });
});

afterAll(async () => {
  setLogDestination(undefined);
  delete process.env.LOG_LEVEL;
  await sandbox.close();
});

describe("logged secrets", () => {
  it("sign-in logs no token or secret", async () => {
    await signIn("logging_ada");

    expect(output).toContain("signed in with X");
    expect(sessionToken).not.toBe("");
    expectNoSecrets([...(await issuedTokens()), sessionToken, authorizationCode, CLIENT_SECRET]);
    expect(output).not.toContain(getConfig().authSecret);
  });

  it("failed sign-in logs no code", async () => {
    const jar = new CookieJar();

    const replay = await callAuth(`/api/auth/callback/twitter?code=${authorizationCode}&state=forged`, jar);

    expect(replay.status).toBe(302);
    expect(output).toContain("Auth.js error");
    expectNoSecrets([authorizationCode]);
  });

  it("token refresh logs no token", async () => {
    const before = await issuedTokens();

    await refreshAccountToken(await linkedAccountId(), { minValiditySeconds: 24 * 60 * 60 });

    expect(output).toContain("X access token refreshed");
    const after = await issuedTokens();
    expect(after.length).toBeGreaterThan(before.length);
    expectNoSecrets(after);
  });

  it("publish logs no token", async () => {
    const accountId = await linkedAccountId();
    const [owner] = await getDb()
      .select({ userId: account.userId })
      .from(account)
      .where(eq(account.id, accountId));
    const [row] = await getDb()
      .insert(thread)
      .values({ userId: owner!.userId, accountId, status: "scheduled", publishAt: new Date(), revision: 1 })
      .returning({ id: thread.id });
    const threadId = row!.id;
    await getDb()
      .insert(threadPost)
      .values([
        { threadId, position: 0, text: "Logs should carry ids, never tokens." },
        { threadId, position: 1, text: "This reply checks the second step too." },
      ]);

    expect(await claimThread({ threadId, revision: 1 })).toMatchObject({ kind: "claimed" });
    for (const position of [0, 1]) {
      expect(await publishPost({ threadId, revision: 1, position })).toMatchObject({ kind: "posted" });
    }
    await finishThread({ threadId, revision: 1 });

    expect(output).toContain("publishing a thread");
    expect(output).toContain("publishing run finished");
    expectNoSecrets(await issuedTokens());
  });

  it("dead refresh token logs no token", async () => {
    const accountId = await linkedAccountId();
    const { body } = await admin<{ data: Array<{ token: string; kind: string; status: string }> }>(
      sandbox,
      "GET",
      "/_admin/tokens",
    );
    const live = body.data.filter((entry) => entry.kind === "refresh" && entry.status === "active");
    for (const entry of live) {
      await revokeRequest(sandbox, { token: entry.token, token_type_hint: "refresh_token" });
    }

    await expect(refreshAccountToken(accountId, { minValiditySeconds: 24 * 60 * 60 })).rejects.toBeInstanceOf(
      AccountNeedsReconnectError,
    );

    expect(output).toContain("needs to be reconnected");
    expectNoSecrets(await issuedTokens());
  });

  it("every line is JSON from the app", () => {
    const lines = output.trim().split("\n");

    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ app: "insightprose" });
  });
});
