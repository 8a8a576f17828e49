import { RetryAfterError } from "inngest";
import { RetryLaterError } from "@/lib/publishing/errors";

/**
 * Runs a step body and translates its errors for Inngest. RetryLaterError
 * becomes RetryAfterError, so the step runs again no earlier than the time it
 * names. Any other error is rethrown and retried with Inngest's backoff.
 */
export async function runRetryable<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof RetryLaterError)
      throw new RetryAfterError(error.message, error.retryAt, { cause: error });
    throw error;
  }
}
