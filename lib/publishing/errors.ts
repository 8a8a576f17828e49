/**
 * Errors a publishing step throws so that its runner retries it. The Inngest
 * functions turn RetryLaterError into Inngest's RetryAfterError and let
 * TransientPublishError take the normal retry with backoff.
 */

/**
 * Retry no earlier than `retryAt`: X's rate limit or the posting budget has
 * no room until then, or X left a post's result unknown and reconciliation
 * should give a late creation time to show.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
    this.name = "RetryLaterError";
  }
}

/** A failure that may pass by itself and changed nothing at X: a read or a token refresh failed. */
export class TransientPublishError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransientPublishError";
  }
}
