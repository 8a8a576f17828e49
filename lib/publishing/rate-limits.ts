import { and, gt, inArray, sql } from "drizzle-orm";
import { getDb, xRateLimit } from "@/lib/db";
import type { RateLimitSnapshot, RateLimitWindow } from "@/lib/x/rate-limit-headers";

function keysFor(accountId: string) {
  return { endpoint: `user:${accountId}:endpoint`, user24h: `user:${accountId}:24h`, app24h: "app:24h" };
}

/** Stores the POST /2/tweets windows X reported on a response, replacing older observations. */
export async function recordRateLimits(accountId: string, snapshot: RateLimitSnapshot, now = new Date()) {
  const keys = keysFor(accountId);
  const rows: Array<{ key: string; accountId: string | null; window: RateLimitWindow }> = [];
  if (snapshot.endpoint) rows.push({ key: keys.endpoint, accountId, window: snapshot.endpoint });
  if (snapshot.user24h) rows.push({ key: keys.user24h, accountId, window: snapshot.user24h });
  if (snapshot.app24h) rows.push({ key: keys.app24h, accountId: null, window: snapshot.app24h });

  if (rows.length === 0) return;

  // One statement for every window, so recording costs publishing a single round trip.
  await getDb()
    .insert(xRateLimit)
    .values(rows.map((row) => ({ key: row.key, ...row.window, accountId: row.accountId, observedAt: now })))
    .onConflictDoUpdate({
      target: xRateLimit.key,
      set: {
        limit: sql`excluded.limit`,
        remaining: sql`excluded.remaining`,
        resetAt: sql`excluded.reset_at`,
        accountId: sql`excluded.account_id`,
        observedAt: sql`excluded.observed_at`,
      },
    });
}

export interface ObservedAllowance {
  /** Posts left, as X reported them, in the tightest window that has not reset yet. */
  remaining: number;
  resetAt: Date;
}

/**
 * Returns the tightest posting allowance X last reported for the account and the app,
 * ignoring windows that have reset since. Null when nothing current is known.
 */
export async function getObservedAllowance(
  accountId: string,
  now = new Date(),
): Promise<ObservedAllowance | null> {
  const keys = keysFor(accountId);
  const rows = await getDb()
    .select()
    .from(xRateLimit)
    .where(
      and(inArray(xRateLimit.key, [keys.endpoint, keys.user24h, keys.app24h]), gt(xRateLimit.resetAt, now)),
    );
  if (rows.length === 0) return null;

  const tightest = rows.reduce((best, row) => (row.remaining < best.remaining ? row : best));
  return { remaining: tightest.remaining, resetAt: tightest.resetAt };
}
