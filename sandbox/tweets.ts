import twitterText from "twitter-text";
import { z } from "zod";

import { chargePost, hasCredits } from "./credits";
import { json, withHeaders, type Exchange, type Reply, type SandboxContext } from "./http";
import { isNumericId, randomAlphanumeric } from "./ids";
import {
  creditsDepleted,
  DUPLICATE_CONTENT_DETAIL,
  forbidden,
  invalidRequest,
  problemReply,
  REPLY_RESTRICTED_DETAIL,
  REPLY_TARGET_MISSING_DETAIL,
  resourceNotFound,
  tooManyRequests,
  unauthorized,
  type Problem,
} from "./problems";
import { takeEndpointAllowance, takePostAllowance } from "./rate-limits";
import { isLivePost, type FakeUser, type Post } from "./state";
import { authenticateBearer, hasScopes } from "./tokens";

/** Scopes X requires for creating and deleting posts. */
const WRITE_SCOPES = ["tweet.read", "tweet.write", "users.read"] as const;

const MAX_WEIGHTED_LENGTH = 280;

const createPostBody = z.strictObject({
  text: z.string(),
  reply: z.strictObject({ in_reply_to_tweet_id: z.string() }).optional(),
});

/** Replaces every URL twitter-text finds with a t.co link, as X does in the text it returns. */
export function shortenUrls(text: string): { text: string; containsUrl: boolean } {
  const urls = twitterText.extractUrlsWithIndices(text);
  let result = "";
  let cursor = 0;
  for (const { indices } of urls) {
    result += text.slice(cursor, indices[0]) + `https://t.co/${randomAlphanumeric(10)}`;
    cursor = indices[1];
  }

  return { text: result + text.slice(cursor), containsUrl: urls.length > 0 };
}

function parseCreateBody(
  body: string,
): { ok: true; text: string; replyTo: string | null } | { ok: false; problem: Problem } {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, problem: invalidRequest("The request body is not valid JSON.") };
  }

  const parsed = createPostBody.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? `$.${issue.path.join(".")}` : "$";

    return { ok: false, problem: invalidRequest(`${path}: ${issue?.message ?? "invalid body"}`) };
  }

  return { ok: true, text: parsed.data.text, replyTo: parsed.data.reply?.in_reply_to_tweet_id ?? null };
}

function checkText(text: string): Problem | null {
  if (text.trim().length === 0) {
    return invalidRequest("Post text must not be empty.", { text: [text] });
  }

  const weightedLength = twitterText.parseTweet(text).weightedLength;
  if (weightedLength > MAX_WEIGHTED_LENGTH) {
    return invalidRequest("Your Tweet text is too long.", {
      text: [`Your Tweet text is ${weightedLength} characters, however the limit is ${MAX_WEIGHTED_LENGTH}.`],
    });
  }

  return null;
}

/**
 * Applies X's reply rules: the parent must exist, and since February 2026 a
 * self-serve app may reply to another user's post only when that post mentions
 * the caller. Replies to one's own posts, which is what a thread is, pass.
 */
function checkReply(
  context: SandboxContext,
  author: FakeUser,
  replyTo: string,
): { parent: Post } | { problem: Problem } {
  const parent = context.state.posts.get(replyTo);
  if (!isNumericId(replyTo) || !isLivePost(parent)) {
    return { problem: forbidden(REPLY_TARGET_MISSING_DETAIL) };
  }
  if (parent.authorId === author.id) {
    return { parent };
  }

  const mentioned = twitterText.extractMentions(parent.text).map((name) => name.toLowerCase());

  return mentioned.includes(author.username.toLowerCase())
    ? { parent }
    : { problem: forbidden(REPLY_RESTRICTED_DETAIL) };
}

function isDuplicate(context: SandboxContext, authorId: string, text: string): boolean {
  const normalized = text.normalize("NFC");
  for (const post of context.state.posts.values()) {
    if (
      post.authorId === authorId &&
      post.deletedAt === null &&
      post.submittedText.normalize("NFC") === normalized
    ) {
      return true;
    }
  }

  return false;
}

/** POST /2/tweets */
export function handleCreatePost(exchange: Exchange): Reply {
  const { context } = exchange;
  const { state, clock } = context;
  const auth = authenticateBearer(context, exchange.req);
  if (!auth.ok) {
    return problemReply(unauthorized());
  }

  const limit = takePostAllowance(state, clock, auth.user.id);
  const fail = (problem: Problem): Reply => problemReply(problem, limit.headers);
  if (!hasScopes(auth.token, WRITE_SCOPES)) return fail(forbidden());
  if (!limit.allowed) return fail(tooManyRequests());
  if (!hasCredits(state)) return fail(creditsDepleted(state.client.clientId));

  const body = parseCreateBody(exchange.body);
  if (!body.ok) return fail(body.problem);

  const textProblem = checkText(body.text);
  if (textProblem) return fail(textProblem);

  const reply = body.replyTo === null ? null : checkReply(context, auth.user, body.replyTo);
  if (reply && "problem" in reply) return fail(reply.problem);
  if (isDuplicate(context, auth.user.id, body.text)) return fail(forbidden(DUPLICATE_CONTENT_DETAIL));

  const shortened = shortenUrls(body.text);
  const now = clock.now();
  const id = state.ids.next(now);
  const parent = reply?.parent ?? null;
  const post: Post = {
    id,
    authorId: auth.user.id,
    text: shortened.text,
    submittedText: body.text,
    createdAt: now,
    conversationId: parent?.conversationId ?? id,
    inReplyToPostId: parent?.id ?? null,
    inReplyToUserId: parent?.authorId ?? null,
    deletedAt: null,
  };
  state.posts.set(id, post);
  chargePost(state, shortened.containsUrl);

  return withHeaders(
    json(201, { data: { id, text: post.text, edit_history_tweet_ids: [id] } }),
    limit.headers,
  );
}

/** DELETE /2/tweets/:id, for the caller's own posts only. */
export function handleDeletePost(exchange: Exchange): Reply {
  const { context } = exchange;
  const auth = authenticateBearer(context, exchange.req);
  if (!auth.ok) {
    return problemReply(unauthorized());
  }

  const limit = takeEndpointAllowance(context.state, context.clock, "tweets.delete", auth.user.id);
  const fail = (problem: Problem): Reply => problemReply(problem, limit.headers);
  if (!hasScopes(auth.token, WRITE_SCOPES)) return fail(forbidden());
  if (!limit.allowed) return fail(tooManyRequests());

  const id = exchange.params.id ?? "";
  const post = context.state.posts.get(id);
  // NOTE: X does not document its responses for a missing post or another user's
  // post, so these 404 resource-not-found and 403 Forbidden bodies are guesses.
  if (!isLivePost(post)) return fail(resourceNotFound("tweet", id));
  if (post.authorId !== auth.user.id) return fail(forbidden("You are not permitted to delete this Tweet."));

  post.deletedAt = context.clock.now();

  return withHeaders(json(200, { data: { deleted: true } }), limit.headers);
}
