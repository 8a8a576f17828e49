import { and, eq, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { account, getDb, thread } from "@/lib/db";
import { refreshAccountToken } from "@/lib/x/refresh-token";
import { AccountNeedsReconnectError } from "@/lib/x/token-errors";

/** Accounts with a thread due within this window are refreshed ahead of it. */
export const DUE_SOON_MS = 30 * 60 * 1000;

/** Such an account's access token must stay valid this long; X's access tokens live 2 hours. */
export const DUE_SOON_MIN_VALIDITY_SECONDS = 60 * 60;

/**
 * Accounts without upcoming threads are refreshed when their last refresh is
 * this old, so their refresh token keeps being used.
 * NOTE: X does not document how long an unused refresh token lives; 3 days is a guess well inside any plausible limit.
 */
export const KEEP_ALIVE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Keep-alive refreshes requested per cron run, to spread a large user base
 * over several runs. At one run every 10 minutes, 500 covers 72,000 accounts
 * a day, which keeps 200,000 accounts within the 3-day keep-alive.
 */
const KEEP_ALIVE_BATCH = 500;

export type RefreshReason = "due-soon" | "keep-alive";

export interface RefreshRequest {
  accountId: string;
  reason: RefreshReason;
}

/**
 * Accounts the refresh cron should refresh now: those with a thread due soon
 * whose token would not last, then a batch of the longest-unrefreshed others.
 * Both queries follow partial indexes (thread_active_idx, account_keep_alive_idx),
 * so their cost does not grow with the number of accounts or threads.
 */
export async function findAccountsToRefresh(now = new Date()): Promise<RefreshRequest[]> {
  const db = getDb();
  const isRefreshable = and(eq(account.status, "active"), isNotNull(account.refresh_token));
  const expiryLimit = Math.floor(now.getTime() / 1000) + DUE_SOON_MIN_VALIDITY_SECONDS;
  const expiresSoon = or(isNull(account.expires_at), lt(account.expires_at, expiryLimit));

  const dueAccountIds = db
    .selectDistinct({ accountId: thread.accountId })
    .from(thread)
    .where(
      and(
        sql`${thread.status} in ('scheduled', 'publishing')`,
        lte(thread.publishAt, new Date(now.getTime() + DUE_SOON_MS)),
      ),
    );
  // `= any(array(...))` looks each account up by id; `in (subquery)` lets PostgreSQL
  // hash-join the whole account table instead.
  const dueSoon = await db
    .select({ accountId: account.id })
    .from(account)
    .where(and(sql`${account.id} = any(array(${dueAccountIds}))`, isRefreshable, expiresSoon));
  const dueIds = new Set(dueSoon.map((row) => row.accountId));

  const lastRefreshed = sql`coalesce(${account.tokenRefreshedAt}, '-infinity'::timestamptz)`;
  const stale = await db
    .select({ accountId: account.id })
    .from(account)
    .where(
      and(
        isRefreshable,
        sql`${lastRefreshed} < ${new Date(now.getTime() - KEEP_ALIVE_AFTER_MS).toISOString()}::timestamptz`,
        // Skips tokens issued within the last hour by other means, such as a sign-in.
        expiresSoon,
      ),
    )
    .orderBy(lastRefreshed)
    .limit(KEEP_ALIVE_BATCH);

  return [
    ...[...dueIds].map((accountId) => ({ accountId, reason: "due-soon" as const })),
    ...stale
      .filter((row) => !dueIds.has(row.accountId))
      .map((row) => ({ accountId: row.accountId, reason: "keep-alive" as const })),
  ];
}

export type RefreshResult = { outcome: "refreshed" | "still_valid" | "needs_reconnect" };

/**
 * Refreshes one account for the refresh cron. A dead refresh token is a
 * result, not an error, because retrying cannot fix it; X being unreachable
 * throws TokenRefreshError so that the caller retries.
 */
export async function refreshAheadOfNeed(request: RefreshRequest, now = new Date()): Promise<RefreshResult> {
  const options =
    request.reason === "due-soon"
      ? { minValiditySeconds: DUE_SOON_MIN_VALIDITY_SECONDS, now }
      : { refreshedBefore: new Date(now.getTime() - KEEP_ALIVE_AFTER_MS), now };
  try {
    const token = await refreshAccountToken(request.accountId, options);
    return { outcome: token.refreshed ? "refreshed" : "still_valid" };
  } catch (error) {
    if (error instanceof AccountNeedsReconnectError) return { outcome: "needs_reconnect" };
    throw error;
  }
}
