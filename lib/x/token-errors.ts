/**
 * Thrown when an account's X tokens cannot be used or refreshed any more: the
 * refresh token is dead, missing or revoked. Callers stop using the account
 * and let its threads wait; only signing in with X again fixes it.
 */
export class AccountNeedsReconnectError extends Error {
  constructor(
    readonly accountId: string,
    message: string,
  ) {
    super(message);
    this.name = "AccountNeedsReconnectError";
  }
}

/**
 * Thrown when a refresh failed for a reason that may pass: X's token endpoint
 * did not respond, responded with 5xx, or rejected our client credentials.
 * The stored tokens are unchanged, so retrying later is safe.
 */
export class TokenRefreshError extends Error {
  constructor(
    readonly accountId: string,
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "TokenRefreshError";
  }
}
