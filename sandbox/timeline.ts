import { json, withHeaders, type Exchange, type Reply } from "./http";
import { isNumericId } from "./ids";
import {
  forbidden,
  invalidRequest,
  problemReply,
  resourceNotFound,
  tooManyRequests,
  unauthorized,
  type Problem,
} from "./problems";
import { takeEndpointAllowance } from "./rate-limits";
import type { Post } from "./state";
import { authenticateBearer, hasScopes } from "./tokens";
import { parseFieldList } from "./users";

export const TWEET_FIELDS = [
  "author_id",
  "conversation_id",
  "created_at",
  "edit_history_tweet_ids",
  "id",
  "in_reply_to_user_id",
  "referenced_tweets",
  "reply_settings",
  "text",
] as const;

type TweetField = (typeof TWEET_FIELDS)[number];

const PAGINATION_PREFIX = "7140dibdnow9c7btw";

/** Encodes the id below which the next page starts. Callers treat it as opaque, as with X's tokens. */
export function encodePaginationToken(beforeId: string): string {
  return PAGINATION_PREFIX + BigInt(beforeId).toString(36);
}

function decodePaginationToken(token: string): string | null {
  if (!token.startsWith(PAGINATION_PREFIX)) {
    return null;
  }

  const digits = token.slice(PAGINATION_PREFIX.length);
  if (!/^[0-9a-z]{1,13}$/.test(digits)) {
    return null;
  }

  return [...digits].reduce((value, digit) => value * 36n + BigInt(parseInt(digit, 36)), 0n).toString();
}

function postObject(post: Post, fields: readonly TweetField[]): Record<string, unknown> {
  const data: Record<string, unknown> = { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] };
  for (const field of fields) {
    if (field === "author_id") data.author_id = post.authorId;
    if (field === "conversation_id") data.conversation_id = post.conversationId;
    if (field === "created_at") data.created_at = new Date(post.createdAt).toISOString();
    if (field === "reply_settings") data.reply_settings = "everyone";
    if (field === "in_reply_to_user_id" && post.inReplyToUserId)
      data.in_reply_to_user_id = post.inReplyToUserId;
    if (field === "referenced_tweets" && post.inReplyToPostId) {
      data.referenced_tweets = [{ type: "replied_to", id: post.inReplyToPostId }];
    }
  }

  return data;
}

interface TimelineQuery {
  maxResults: number;
  sinceId: bigint | null;
  untilId: bigint | null;
  startTime: number | null;
  endTime: number | null;
  beforeId: bigint | null;
  excludeReplies: boolean;
  fields: TweetField[];
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value;
}

function invalidParameter(name: string, value: string, reason: string): Problem {
  return invalidRequest(`The \`${name}\` query parameter value [${value}] ${reason}`, { [name]: [value] });
}

function parseTime(name: string, value: string | null): number | null | Problem {
  if (value === null) return null;
  const time = Date.parse(value);
  // X expects RFC 3339 (YYYY-MM-DDTHH:mm:ssZ), and Date.parse alone accepts looser forms.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(time)) {
    return invalidParameter(name, value, "is not a valid RFC 3339 date-time");
  }

  return time;
}

function parseId(name: string, value: string | null): bigint | null | Problem {
  if (value === null) return null;
  if (!isNumericId(value)) return invalidParameter(name, value, "is not valid");

  return BigInt(value);
}

function parseQuery(params: URLSearchParams): TimelineQuery | Problem {
  const rawMax = params.get("max_results") ?? "10";
  const maxResults = Number(rawMax);
  if (!/^\d+$/.test(rawMax) || maxResults < 5 || maxResults > 100) {
    return invalidParameter("max_results", rawMax, "is not between 5 and 100");
  }

  const sinceId = parseId("since_id", params.get("since_id"));
  if (isProblem(sinceId)) return sinceId;
  const untilId = parseId("until_id", params.get("until_id"));
  if (isProblem(untilId)) return untilId;
  const startTime = parseTime("start_time", params.get("start_time"));
  if (isProblem(startTime)) return startTime;
  const endTime = parseTime("end_time", params.get("end_time"));
  if (isProblem(endTime)) return endTime;

  const rawToken = params.get("pagination_token");
  const decoded = rawToken === null ? null : decodePaginationToken(rawToken);
  if (rawToken !== null && decoded === null) {
    return invalidParameter("pagination_token", rawToken, "is not valid");
  }

  const { fields, invalid } = parseFieldList(params.get("tweet.fields"), TWEET_FIELDS);
  const firstInvalid = invalid[0];
  if (firstInvalid !== undefined) {
    return invalidParameter("tweet.fields", firstInvalid, `is not one of [${TWEET_FIELDS.join(",")}]`);
  }

  const excluded = (params.get("exclude") ?? "").split(",").map((name) => name.trim());

  return {
    maxResults,
    sinceId,
    untilId,
    startTime,
    endTime,
    beforeId: decoded === null ? null : BigInt(decoded),
    excludeReplies: excluded.includes("replies"),
    fields,
  };
}

function matchesQuery(post: Post, query: TimelineQuery): boolean {
  const id = BigInt(post.id);
  if (query.sinceId !== null && id <= query.sinceId) return false;
  if (query.untilId !== null && id >= query.untilId) return false;
  if (query.beforeId !== null && id >= query.beforeId) return false;
  if (query.startTime !== null && post.createdAt < query.startTime) return false;
  if (query.endTime !== null && post.createdAt > query.endTime) return false;

  return !(query.excludeReplies && post.inReplyToPostId !== null);
}

/** GET /2/users/:id/tweets, newest first. */
export function handleUserTimeline(exchange: Exchange): Reply {
  const { context } = exchange;
  const auth = authenticateBearer(context, exchange.req);
  if (!auth.ok) {
    return problemReply(unauthorized());
  }

  const limit = takeEndpointAllowance(context.state, context.clock, "users.tweets", auth.user.id);
  const fail = (problem: Problem): Reply => problemReply(problem, limit.headers);
  if (!hasScopes(auth.token, ["tweet.read", "users.read"])) return fail(forbidden());
  if (!limit.allowed) return fail(tooManyRequests());

  const userId = exchange.params.id ?? "";
  const query = parseQuery(exchange.url.searchParams);
  if (isProblem(query)) return fail(query);

  if (!context.state.users.has(userId)) {
    // X returns 200 for an unknown user, with the problem in `errors`.
    const { status: _status, ...notFound } = resourceNotFound("user", userId);

    return withHeaders(json(200, { errors: [notFound] }), limit.headers);
  }

  const matching = [...context.state.posts.values()]
    .filter((post) => post.authorId === userId && post.deletedAt === null && matchesQuery(post, query))
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  const page = matching.slice(0, query.maxResults);
  const newest = page[0];
  const oldest = page[page.length - 1];
  if (!newest || !oldest) {
    return withHeaders(json(200, { meta: { result_count: 0 } }), limit.headers);
  }

  const meta: Record<string, unknown> = {
    result_count: page.length,
    newest_id: newest.id,
    oldest_id: oldest.id,
  };
  if (matching.length > page.length) {
    meta.next_token = encodePaginationToken(oldest.id);
  }

  return withHeaders(
    json(200, { data: page.map((post) => postObject(post, query.fields)), meta }),
    limit.headers,
  );
}
