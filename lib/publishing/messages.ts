import type { XFailure } from "@/lib/x/outcomes";

/**
 * Sentences for the writer about a post X rejected for good, stored in
 * `thread_post.last_error` and shown beside the post.
 */
export function describeRejection(failure: XFailure): string {
  switch (failure.kind) {
    case "payment_required":
      return "X rejected it because the app's X API credits are used up. Add credits in the X developer portal, then resume.";
    case "duplicate_content":
      return "X rejected it as a duplicate of a post already on your account.";
    case "reply_not_allowed":
      return "X did not allow it as a reply to the post before it, which may have been deleted.";
    case "forbidden":
      return `X rejected it (403): ${failure.detail}`;
    case "invalid_request":
      return `X rejected it as invalid (${failure.status}): ${failure.detail}`;
    case "unauthorized":
      return "X did not accept the account's access token, even after refreshing it.";
    case "rate_limited":
      return "X's posting limit is used up.";
    case "server_error":
    case "no_answer":
      return `X did not confirm it: ${failure.detail}`;
  }
}

/** Builds the thread's `last_error` when it stops at a post: what happened and what was not sent. */
export function describeStop(input: { position: number; postCount: number; reason: string }): string {
  const number = input.position + 1;
  const unsent = input.postCount - number;
  const rest =
    unsent === 0
      ? ""
      : unsent === 1
        ? ` Post ${input.postCount} was not sent.`
        : ` Posts ${number + 1} to ${input.postCount} were not sent.`;

  return `Post ${number} was not posted: ${input.reason}${rest}`;
}

export const WAITING_FOR_RECONNECT =
  "Waiting for you to reconnect your X account; it will be published once you sign in with X again.";
