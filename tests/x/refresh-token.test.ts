import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { decryptToken, isEncryptedToken } from "@/lib/crypto/tokens";
import { account, getDb } from "@/lib/db";
import { refreshAccountToken } from "@/lib/x/refresh-token";
import { AccountNeedsReconnectError, TokenRefreshError } from "@/lib/x/token-errors";
import { setupTestDatabase } from "../helpers/database";
import {
  addFault,
  createWriter,
  loadAccount,
  sandboxAdmin,
  setupPublishingSandbox,
  type Writer,
} from "../publishing/fixtures";

setupTestDatabase();

const sandboxHandle = setupPublishingSandbox();
let writerCount = 0;

afterEach(async () => {
  await sandboxAdmin(sandboxHandle.current, "DELETE", "/_admin/faults");
});

async function writerWithExpiredToken(): Promise<Writer> {
  writerCount += 1;
  const writer = await createWriter(sandboxHandle.current, `refresher${writerCount}`);
  await getDb()
    .update(account)
    .set({ expires_at: Math.floor(Date.now() / 1000) - 60 })
    .where(eq(account.id, writer.accountId));

  return writer;
}

/** Refresh tokens of the sandbox user that were used once, which is one per refresh. */
function rotationsAtX(xUserId: string): number {
  return [...sandboxHandle.current.state.tokens.values()].filter(
    (token) => token.userId === xUserId && token.kind === "refresh" && token.status === "rotated",
  ).length;
}

function refreshAtX(refreshToken: string): Promise<Response> {
  return fetch(`${sandboxHandle.current.url}/2/oauth2/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from("insightprose-dev:insightprose-dev-secret").toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }),
  });
}

describe("refreshAccountToken", () => {
  it("refreshes once for 20 concurrent callers", async () => {
    const writer = await writerWithExpiredToken();

    const results = await Promise.all(
      Array.from({ length: 20 }, () => refreshAccountToken(writer.accountId)),
    );

    expect(rotationsAtX(writer.xUserId)).toBe(1);
    const tokens = new Set(results.map((result) => result.accessToken));
    expect(tokens.size).toBe(1);
    expect(results.filter((result) => result.refreshed)).toHaveLength(1);
    const stored = await loadAccount(writer.accountId);
    expect(decryptToken(stored.access_token!)).toBe(results[0]!.accessToken);
    expect(results[0]!.accessToken).not.toBe(writer.accessToken);

    const response = await refreshAtX(decryptToken(stored.refresh_token!));
    expect(response.status).toBe(200);
  });

  it("stores the new pair encrypted", async () => {
    const writer = await writerWithExpiredToken();

    const result = await refreshAccountToken(writer.accountId);

    const stored = await loadAccount(writer.accountId);
    expect(isEncryptedToken(stored.access_token!)).toBe(true);
    expect(isEncryptedToken(stored.refresh_token!)).toBe(true);
    expect(stored.refresh_token).not.toContain(decryptToken(stored.refresh_token!));
    expect(stored.expires_at).toBeGreaterThan(Date.now() / 1000 + 7000);
    expect(result.expiresAt).toBe(stored.expires_at);
    expect(stored.tokenRefreshedAt).not.toBeNull();
  });

  it("keeps a token that is still valid", async () => {
    writerCount += 1;
    const writer = await createWriter(sandboxHandle.current, `refresher${writerCount}`);

    const result = await refreshAccountToken(writer.accountId);

    expect(result).toMatchObject({ accessToken: writer.accessToken, refreshed: false });
    expect(rotationsAtX(writer.xUserId)).toBe(0);
  });

  it("refreshes a token X rejected", async () => {
    writerCount += 1;
    const writer = await createWriter(sandboxHandle.current, `refresher${writerCount}`);

    const result = await refreshAccountToken(writer.accountId, { rejectedAccessToken: writer.accessToken });

    expect(result.refreshed).toBe(true);
    expect(rotationsAtX(writer.xUserId)).toBe(1);
  });

  it("returns the token another caller stored", async () => {
    writerCount += 1;
    const writer = await createWriter(sandboxHandle.current, `refresher${writerCount}`);
    const first = await refreshAccountToken(writer.accountId, { rejectedAccessToken: writer.accessToken });

    const second = await refreshAccountToken(writer.accountId, { rejectedAccessToken: writer.accessToken });

    expect(second).toMatchObject({ accessToken: first.accessToken, refreshed: false });
    expect(rotationsAtX(writer.xUserId)).toBe(1);
  });

  it("marks a dead refresh token for reconnect", async () => {
    const writer = await writerWithExpiredToken();
    await refreshAtX(writer.refreshToken);

    const failure = await refreshAccountToken(writer.accountId).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AccountNeedsReconnectError);
    const stored = await loadAccount(writer.accountId);
    expect(stored.status).toBe("needs_reconnect");
    expect(stored.lastTokenError).toMatch(/Value passed for the token was invalid/);
  });

  it("rejects an account needing reconnect", async () => {
    const writer = await writerWithExpiredToken();
    await getDb().update(account).set({ status: "needs_reconnect" }).where(eq(account.id, writer.accountId));

    await expect(refreshAccountToken(writer.accountId)).rejects.toBeInstanceOf(AccountNeedsReconnectError);
    expect(rotationsAtX(writer.xUserId)).toBe(0);
  });

  it("keeps the tokens when X is down", async () => {
    const writer = await writerWithExpiredToken();
    const before = await loadAccount(writer.accountId);
    await addFault(sandboxHandle.current, {
      method: "POST",
      path: "/2/oauth2/token",
      kind: "status",
      status: 503,
    });

    const failure = await refreshAccountToken(writer.accountId).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TokenRefreshError);
    const after = await loadAccount(writer.accountId);
    expect(after.refresh_token).toBe(before.refresh_token);
    expect(after.status).toBe("active");
    expect((await refreshAccountToken(writer.accountId)).refreshed).toBe(true);
  });

  it("refreshes when the keep-alive is due", async () => {
    writerCount += 1;
    const writer = await createWriter(sandboxHandle.current, `refresher${writerCount}`);

    const result = await refreshAccountToken(writer.accountId, {
      refreshedBefore: new Date(Date.now() + 1000),
    });

    expect(result.refreshed).toBe(true);
  });
});
