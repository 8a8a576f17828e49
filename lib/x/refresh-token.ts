/**
 * The only code that sends `grant_type=refresh_token` to X.
 *
 * X rotates refresh tokens. Each refresh returns a new pair, and the presented
 * refresh token is dead from then on: presenting it again gets HTTP 400
 * `invalid_request` "Value passed for the token was invalid.". Two refreshes
 * racing therefore lose a token. So every refresh of an account holds that
 * account's row lock (`select ... for update`), re-reads the row under the
 * lock, and stores the new pair, encrypted, before the lock is released.
 * NOTE: a process that dies after X rotated the token but before the commit
 * still loses it. X offers no way to recover it, so the account then needs a new sign-in.
 */
import { eq } from "drizzle-orm";
import { decryptToken, encryptToken } from "@/lib/crypto/tokens";
import { account, getDb, type Database } from "@/lib/db";
import { getLogger } from "@/lib/log";
import { getXEndpoints } from "./endpoints";
import { postOAuthForm } from "./oauth";
import { AccountNeedsReconnectError, TokenRefreshError } from "./token-errors";

/** A stored access token this close to expiry is refreshed before use. */
export const DEFAULT_MIN_VALIDITY_SECONDS = 5 * 60;

export interface RefreshOptions {
  /** Refresh when the stored access token expires within this many seconds. */
  minValiditySeconds?: number;
  /** The access token X just rejected with 401: refresh unless the stored token is already another one. */
  rejectedAccessToken?: string;
  /** Also refresh when the last refresh happened before this instant (keep-alive). */
  refreshedBefore?: Date;
  now?: Date;
}

export interface FreshAccessToken {
  accessToken: string;
  /** Epoch seconds, as Auth.js stores `expires_at`; null when X sent no `expires_in`. */
  expiresAt: number | null;
  /** False when the stored token was still good, typically because another caller just refreshed it. */
  refreshed: boolean;
}

type AccountRow = typeof account.$inferSelect;

function needsRefresh(
  row: AccountRow,
  accessToken: string | null,
  options: RefreshOptions,
  now: Date,
): boolean {
  if (!accessToken || row.expires_at === null) return true;
  if (options.rejectedAccessToken !== undefined && options.rejectedAccessToken === accessToken) return true;
  if (options.refreshedBefore && (!row.tokenRefreshedAt || row.tokenRefreshedAt < options.refreshedBefore)) {
    return true;
  }
  const minValidity = options.minValiditySeconds ?? DEFAULT_MIN_VALIDITY_SECONDS;

  return row.expires_at - now.getTime() / 1000 <= minValidity;
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

/** X's response to a refresh with a dead (rotated or revoked) refresh token. */
function isDeadTokenResponse(status: number, body: TokenResponse | null): boolean {
  if (status !== 400 || !body) return false;
  const description = typeof body.error_description === "string" ? body.error_description : "";

  return (body.error === "invalid_request" || body.error === "invalid_grant") && /token/i.test(description);
}

type TokenEndpointResult =
  { status: number; body: TokenResponse | null } | { status: null; error: TokenRefreshError };

async function callTokenEndpoint(accountId: string, refreshToken: string): Promise<TokenEndpointResult> {
  const endpoints = getXEndpoints();
  try {
    const response = await postOAuthForm(
      endpoints.tokenUrl,
      { grant_type: "refresh_token", refresh_token: refreshToken },
      endpoints,
    );
    const body = (await response.json().catch(() => null)) as TokenResponse | null;

    return { status: response.status, body };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError" ? "timed out" : "could not be reached";
    return { status: null, error: new TokenRefreshError(accountId, `X's token endpoint ${reason}.`, null) };
  }
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
type RefreshResult = { ok: true; token: FreshAccessToken } | { ok: false; error: Error };

/**
 * Returns a usable access token for the account, refreshing it at X when the
 * stored one is expiring, was rejected, or is due for a keep-alive. Throws
 * AccountNeedsReconnectError when the account cannot be refreshed any more,
 * and marks the account `needs_reconnect` when X declared its refresh token
 * dead. Throws TokenRefreshError when X could not be reached, and the stored
 * tokens are then unchanged.
 */
export async function refreshAccountToken(
  accountId: string,
  options: RefreshOptions = {},
): Promise<FreshAccessToken> {
  // Errors travel out as values: throwing inside the transaction would roll back the needs_reconnect mark.
  const result = await getDb().transaction((tx) => refreshLocked(tx, accountId, options));
  if (!result.ok) throw result.error;

  return result.token;
}

async function markNeedsReconnect(tx: Transaction, accountId: string, reason: string): Promise<void> {
  await tx
    .update(account)
    .set({ status: "needs_reconnect", lastTokenError: reason })
    .where(eq(account.id, accountId));
}

async function refreshLocked(
  tx: Transaction,
  accountId: string,
  options: RefreshOptions,
): Promise<RefreshResult> {
  const [row] = await tx.select().from(account).where(eq(account.id, accountId)).for("update");
  if (!row) {
    return {
      ok: false,
      error: new AccountNeedsReconnectError(accountId, "The X account is no longer linked."),
    };
  }
  if (row.status !== "active") {
    const message = "The X account must be reconnected before it can post.";
    return { ok: false, error: new AccountNeedsReconnectError(accountId, message) };
  }

  const now = options.now ?? new Date();
  const accessToken = row.access_token ? decryptToken(row.access_token) : null;
  if (accessToken && !needsRefresh(row, accessToken, options, now)) {
    return { ok: true, token: { accessToken, expiresAt: row.expires_at, refreshed: false } };
  }
  if (!row.refresh_token) {
    await markNeedsReconnect(tx, accountId, "No refresh token is stored for this account.");
    const message = "X granted no refresh token; sign in with X again.";
    return { ok: false, error: new AccountNeedsReconnectError(accountId, message) };
  }

  const response = await callTokenEndpoint(accountId, decryptToken(row.refresh_token));
  if (response.status === null) return { ok: false, error: response.error };

  return storeTokenResponse(tx, accountId, response, now);
}

/** Stores a new pair, or marks the account when X declared its refresh token dead. */
async function storeTokenResponse(
  tx: Transaction,
  accountId: string,
  { status, body }: { status: number; body: TokenResponse | null },
  now: Date,
): Promise<RefreshResult> {
  const log = getLogger();
  if (status === 200 && body && typeof body.access_token === "string") {
    const expiresAt =
      typeof body.expires_in === "number" ? Math.floor(now.getTime() / 1000) + body.expires_in : null;
    const nextRefreshToken = typeof body.refresh_token === "string" ? body.refresh_token : null;
    if (!nextRefreshToken)
      log.warn({ accountId }, "X refreshed the access token without a new refresh token");
    await tx
      .update(account)
      .set({
        access_token: encryptToken(body.access_token),
        refresh_token: nextRefreshToken ? encryptToken(nextRefreshToken) : null,
        expires_at: expiresAt,
        tokenRefreshedAt: now,
        lastTokenError: null,
      })
      .where(eq(account.id, accountId));
    log.info({ accountId }, "X access token refreshed");

    return { ok: true, token: { accessToken: body.access_token, expiresAt, refreshed: true } };
  }

  const description = typeof body?.error_description === "string" ? body.error_description : `HTTP ${status}`;
  if (isDeadTokenResponse(status, body)) {
    await markNeedsReconnect(tx, accountId, `X rejected the refresh token: ${description}`);
    log.warn({ accountId, status }, "X refresh token is dead; the account needs to be reconnected");
    const message = "X no longer accepts this account's refresh token.";
    return { ok: false, error: new AccountNeedsReconnectError(accountId, message) };
  }

  log.warn({ accountId, status, description }, "refreshing the X access token failed");
  const message = `X's token endpoint responded with ${status}: ${description}`;
  return { ok: false, error: new TokenRefreshError(accountId, message, status) };
}
