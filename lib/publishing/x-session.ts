import { decryptToken } from "@/lib/crypto/tokens";
import type { account } from "@/lib/db";
import { DEFAULT_MIN_VALIDITY_SECONDS, refreshAccountToken } from "@/lib/x/refresh-token";

type AccountRow = typeof account.$inferSelect;

export interface XSession {
  accountId: string;
  /** X's numeric id of the account's user. */
  xUserId: string;
  /**
   * Runs an X call with the account's access token. When X responds with 401, the
   * token is refreshed once per session and the call runs again with the new one.
   */
  call<T extends { kind: string }>(request: (accessToken: string) => Promise<T>): Promise<T>;
}

/**
 * Opens a session on an account's stored access token, refreshing it first
 * when it expires within a few minutes. Throws what refreshAccountToken throws.
 */
export async function openXSession(row: AccountRow, now = new Date()): Promise<XSession> {
  const isExpiring =
    !row.access_token ||
    row.expires_at === null ||
    row.expires_at - now.getTime() / 1000 <= DEFAULT_MIN_VALIDITY_SECONDS;
  let accessToken =
    isExpiring || !row.access_token
      ? (await refreshAccountToken(row.id)).accessToken
      : decryptToken(row.access_token);
  let hasRenewed = false;

  return {
    accountId: row.id,
    xUserId: row.providerAccountId,
    async call(request) {
      const outcome = await request(accessToken);
      if (outcome.kind !== "unauthorized" || hasRenewed) return outcome;

      hasRenewed = true;
      accessToken = (await refreshAccountToken(row.id, { rejectedAccessToken: accessToken })).accessToken;
      return request(accessToken);
    },
  };
}
