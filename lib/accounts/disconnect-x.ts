import { and, eq, inArray } from "drizzle-orm";
import { decryptToken } from "@/lib/crypto/tokens";
import { account, getDb, thread } from "@/lib/db";
import { getLogger } from "@/lib/log";
import { revokeToken, type TokenTypeHint } from "@/lib/x/oauth";

const WAITING_STATUSES = ["scheduled", "publishing"] as const;

/** Counts the threads that wait for a working X connection. */
export async function countScheduledThreads(userId: string): Promise<number> {
  const rows = await getDb()
    .select({ id: thread.id })
    .from(thread)
    .where(and(eq(thread.userId, userId), inArray(thread.status, [...WAITING_STATUSES])));

  return rows.length;
}

async function revokeStored(stored: string | null, hint: TokenTypeHint, accountId: string): Promise<void> {
  if (!stored) return;
  const log = getLogger();
  try {
    const revoked = await revokeToken(decryptToken(stored), hint);
    if (!revoked) log.warn({ accountId, hint }, "X did not confirm the token revocation");
  } catch (error) {
    log.warn({ accountId, hint, err: error }, "revoking an X token failed");
  }
}

/**
 * Revokes both X tokens of the user's accounts and marks them revoked. The
 * stored tokens are cleared as well: they no longer work and need not be kept.
 */
export async function disconnectX(userId: string): Promise<void> {
  const db = getDb();
  const accounts = await db.select().from(account).where(eq(account.userId, userId));

  for (const row of accounts) {
    await revokeStored(row.refresh_token, "refresh_token", row.id);
    await revokeStored(row.access_token, "access_token", row.id);
    await db
      .update(account)
      .set({ status: "revoked", access_token: null, refresh_token: null, expires_at: null })
      .where(eq(account.id, row.id));
    getLogger().info({ userId, accountId: row.id }, "X account disconnected");
  }
}
