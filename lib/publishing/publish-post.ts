import { getLogger } from "@/lib/log";
import { finalPostTexts } from "@/lib/threads/final-texts";
import type { ThreadPost } from "@/lib/threads/types";
import type { CreatePostOutcome } from "@/lib/x/client";
import type { XFailure } from "@/lib/x/outcomes";
import { AccountNeedsReconnectError, TokenRefreshError } from "@/lib/x/token-errors";
import { resolveContext, type PublishContext, type ResolvedContext } from "./context";
import { RetryLaterError, TransientPublishError } from "./errors";
import {
  loadPublishingThread,
  markFailed,
  markPending,
  markPosted,
  markSending,
  markUnknown,
} from "./ledger";
import { describeRejection, WAITING_FOR_RECONNECT } from "./messages";
import { recordRateLimits } from "./rate-limits";
import { findPostOnX } from "./reconcile";
import { openXSession, type XSession } from "./x-session";

/** How long to wait after a 429 that carried no reset header; X's windows are 15 minutes or 24 hours. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 15 * 60 * 1000;

/**
 * Pause before reconciling a post whose request got no clear response: X may
 * still be creating it, and a new post shows in the user's timeline only
 * after a moment. NOTE: 5 seconds is an estimate, not a figure X publishes.
 */
export const UNKNOWN_RESULT_SETTLE_MS = 5_000;

export type PostStepResult =
  | { kind: "posted"; position: number; xPostId: string; reused: boolean }
  | { kind: "stopped"; position: number; reason: string }
  | { kind: "needs_reconnect"; position: number; reason: string }
  | { kind: "skipped"; position: number; reason: string };

interface PostJob {
  post: ThreadPost;
  text: string;
  parentId: string | null;
  publishAt: Date;
  session: XSession;
  context: ResolvedContext;
}

function retryWhenReset(failure: Extract<XFailure, { kind: "rate_limited" }>, now: Date): RetryLaterError {
  const retryAt = failure.resetAt ?? new Date(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS);
  return new RetryLaterError(`X's rate limit is used up until ${retryAt.toISOString()}.`, retryAt);
}

/** Returns the id of the post on X if an earlier attempt created it; throws when X cannot be asked now. */
async function reconcile(job: PostJob): Promise<string | null> {
  const result = await findPostOnX({
    session: job.session,
    client: job.context.x,
    text: job.text,
    parentId: job.parentId,
    notBefore: job.publishAt,
  });
  if (result.kind === "found") return result.xPostId;
  if (result.kind === "absent") return null;
  if (result.failure.kind === "rate_limited") throw retryWhenReset(result.failure, job.context.now());

  throw new TransientPublishError(
    `Checking X for post ${job.post.position + 1} failed: ${result.failure.detail}`,
  );
}

async function applyOutcome(job: PostJob, outcome: CreatePostOutcome): Promise<PostStepResult> {
  const { post, context } = job;
  const position = post.position;

  if (outcome.kind === "posted") {
    await markPosted(post.id, outcome.id, context.now());
    await recordRateLimits(job.session.accountId, outcome.rateLimits, context.now());
    return { kind: "posted", position, xPostId: outcome.id, reused: false };
  }
  if (outcome.kind === "rate_limited") {
    await markPending(post.id, describeRejection(outcome));
    await recordRateLimits(job.session.accountId, outcome.rateLimits, context.now());
    throw retryWhenReset(outcome, context.now());
  }
  if (outcome.kind === "server_error" || outcome.kind === "no_answer") {
    await markUnknown(post.id, describeRejection(outcome));
    const retryAt = new Date(context.now().getTime() + UNKNOWN_RESULT_SETTLE_MS);
    throw new RetryLaterError(
      `X did not confirm post ${position + 1} (${outcome.detail}); checking X for it shortly.`,
      retryAt,
    );
  }
  if (outcome.kind === "unauthorized") {
    await markPending(post.id, describeRejection(outcome));
    throw new TransientPublishError(`X rejected a freshly refreshed access token for post ${position + 1}.`);
  }
  if (outcome.kind === "duplicate_content") {
    // An earlier attempt whose response was lost may have created this very post.
    const existing = await reconcile(job);
    if (existing) {
      await markPosted(post.id, existing, context.now());
      return { kind: "posted", position, xPostId: existing, reused: true };
    }
  }

  const reason = describeRejection(outcome);
  await markFailed(post.id, reason);
  getLogger().warn({ postId: post.id, kind: outcome.kind, status: outcome.status }, "X rejected a post");
  return { kind: "stopped", position, reason };
}

async function sendPost(job: PostJob): Promise<PostStepResult> {
  const { post, context } = job;
  if (post.state === "sending" || post.state === "unknown") {
    const existing = await reconcile(job);
    if (existing) {
      await markPosted(post.id, existing, context.now());
      return { kind: "posted", position: post.position, xPostId: existing, reused: true };
    }
  }

  await markSending(post.id);
  await context.checkpoint("before-send");
  let outcome: CreatePostOutcome;
  try {
    outcome = await job.session.call((accessToken) =>
      context.x.createPost({ accessToken, text: job.text, replyToId: job.parentId }),
    );
  } catch (error) {
    // The session refreshes only after a 401, which X sends before creating anything.
    await markPending(post.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await context.checkpoint("after-response");

  return applyOutcome(job, outcome);
}

/**
 * Returns the result for a post that needs no request: already posted,
 * rejected in this run, or behind a previous post that is not confirmed.
 * This guard keeps a reply from ever going out without its parent's id.
 */
function settledResult(post: ThreadPost, previous: ThreadPost | null): PostStepResult | null {
  const position = post.position;
  if (post.state === "posted" && post.xPostId)
    return { kind: "posted", position, xPostId: post.xPostId, reused: true };
  if (post.state === "failed")
    return { kind: "stopped", position, reason: post.lastError ?? "X rejected it." };
  if (previous && (previous.state !== "posted" || !previous.xPostId)) {
    return {
      kind: "stopped",
      position,
      reason: "The post before it is not confirmed on X, so it was not sent.",
    };
  }

  return null;
}

/**
 * Publishes one post of a thread that is being published, through the ledger:
 * reuses a post already confirmed, reconciles one whose earlier result is
 * unknown, and otherwise sends it as a reply to the confirmed previous post.
 * Returns what happened; throws RetryLaterError or TransientPublishError when
 * the step should run again later. Safe to run again at any point.
 */
export async function publishPost(
  input: { threadId: string; revision: number; position: number },
  options: PublishContext = {},
): Promise<PostStepResult> {
  const context = resolveContext(options);
  const { position } = input;
  const loaded = await loadPublishingThread(input.threadId);
  if (!loaded || loaded.thread.status !== "publishing" || loaded.thread.revision !== input.revision) {
    return { kind: "skipped", position, reason: "The thread is no longer being published in this revision." };
  }

  const { thread, posts } = loaded;
  const post = posts[position];
  if (!post || post.position !== position) {
    return { kind: "skipped", position, reason: "The thread has no such post." };
  }
  const settled = settledResult(post, position === 0 ? null : (posts[position - 1] ?? null));
  if (settled) return settled;

  if (!thread.accountId) {
    const reason = "No X account is linked to this thread. Connect X in Settings.";
    await markFailed(post.id, reason);
    return { kind: "stopped", position, reason };
  }

  const accountRow = loaded.account;
  if (!accountRow || accountRow.status !== "active") {
    return { kind: "needs_reconnect", position, reason: WAITING_FOR_RECONNECT };
  }

  const text = finalPostTexts(
    posts.map((row) => row.text),
    thread.numbering,
  )[position]!;
  try {
    const session = await openXSession(accountRow, context.now());
    const parentId = position === 0 ? null : posts[position - 1]!.xPostId;
    return await sendPost({
      post,
      text,
      parentId,
      publishAt: thread.publishAt ?? thread.updatedAt,
      session,
      context,
    });
  } catch (error) {
    if (error instanceof AccountNeedsReconnectError) {
      return { kind: "needs_reconnect", position, reason: WAITING_FOR_RECONNECT };
    }
    if (error instanceof TokenRefreshError) throw new TransientPublishError(error.message, { cause: error });
    throw error;
  }
}
