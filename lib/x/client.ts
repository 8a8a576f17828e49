/**
 * The X API v2 calls that publishing makes: create a post, list a user's
 * recent posts. Every call has a deadline and ends in one outcome of a closed
 * set (lib/x/outcomes.ts), so nothing here throws for an HTTP or network failure.
 *
 * Built on fetch, not twitter-api-v2 (1.29.1). That library sends every
 * request through node's `https.request`, so it rejects the `http:` base URL
 * of the X sandbox with ERR_INVALID_PROTOCOL. Its `timeout` option is also a
 * socket idle timeout rather than a deadline for the whole call. Both calls
 * here need the raw status, body and rate limit headers anyway.
 */
import { getXEndpoints } from "./endpoints";
import { classifyFailure, type XFailure } from "./outcomes";
import { EMPTY_RATE_LIMITS, readRateLimitHeaders, type RateLimitSnapshot } from "./rate-limit-headers";

/** Deadline per call, in milliseconds. */
export const DEFAULT_X_TIMEOUT_MS = 10_000;

export interface XClientOptions {
  /** Base of the v2 API without a trailing slash; defaults to the configured X or X sandbox. */
  baseUrl?: string;
  timeoutMs?: number;
  /** Called before each request is sent; the chaos run counts calls with it. */
  onRequest?: (request: { method: string; path: string }) => void;
}

export interface XPost {
  id: string;
  text: string;
  createdAt: Date | null;
  /** The id this post replies to, or null for a post that starts a conversation. */
  inReplyToId: string | null;
}

export type CreatePostOutcome =
  { kind: "posted"; id: string; text: string; rateLimits: RateLimitSnapshot } | XFailure;

export type ListPostsOutcome =
  { kind: "listed"; posts: XPost[]; nextToken: string | null; rateLimits: RateLimitSnapshot } | XFailure;

export interface ListPostsInput {
  accessToken: string;
  /** X's numeric user id, which Auth.js stores as the account's providerAccountId. */
  userId: string;
  /** Only posts with a larger id, so newer than this one. */
  sinceId?: string;
  /** Only posts created at or after this instant. */
  startTime?: Date;
  paginationToken?: string;
  /** 5 to 100; X's default is 10. */
  maxResults?: number;
}

export interface XClient {
  createPost(input: {
    accessToken: string;
    text: string;
    replyToId: string | null;
  }): Promise<CreatePostOutcome>;
  listUserPosts(input: ListPostsInput): Promise<ListPostsOutcome>;
}

type RawResult =
  { ok: true; body: unknown; rateLimits: RateLimitSnapshot } | { ok: false; failure: XFailure };

function noAnswer(error: unknown): XFailure {
  const isTimeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === "string" ? ` (${cause.code})` : "";

  return {
    kind: "no_answer",
    status: null,
    cause: isTimeout ? "timeout" : "network",
    detail: isTimeout ? "X did not answer before the deadline." : `The connection to X failed${code}.`,
    rateLimits: EMPTY_RATE_LIMITS,
  };
}

async function send(
  options: XClientOptions,
  request: { method: "GET" | "POST"; path: string; accessToken: string; body?: unknown },
): Promise<RawResult> {
  const baseUrl = options.baseUrl ?? getXEndpoints().apiBaseUrl;
  const headers: Record<string, string> = { authorization: `Bearer ${request.accessToken}` };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  options.onRequest?.({ method: request.method, path: request.path.split("?")[0] ?? request.path });

  let response: Response;
  let body: unknown;
  try {
    response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_X_TIMEOUT_MS),
    });
    const raw = await response.text();
    body = raw === "" ? null : JSON.parse(raw);
  } catch (error) {
    if (error instanceof SyntaxError) {
      return { ok: false, failure: { ...noAnswer(error), detail: "X sent a response that is not JSON." } };
    }
    return { ok: false, failure: noAnswer(error) };
  }

  const rateLimits = readRateLimitHeaders(response.headers);
  if (!response.ok) return { ok: false, failure: classifyFailure(response.status, body, rateLimits) };

  return { ok: true, body, rateLimits };
}

interface RawPost {
  id?: unknown;
  text?: unknown;
  created_at?: unknown;
  referenced_tweets?: Array<{ type?: unknown; id?: unknown }>;
}

function toPost(raw: RawPost): XPost | null {
  if (typeof raw.id !== "string" || typeof raw.text !== "string") return null;
  const parent = raw.referenced_tweets?.find((reference) => reference.type === "replied_to");
  const createdAt = typeof raw.created_at === "string" ? new Date(raw.created_at) : null;

  return {
    id: raw.id,
    text: raw.text,
    createdAt: createdAt && !Number.isNaN(createdAt.getTime()) ? createdAt : null,
    inReplyToId: typeof parent?.id === "string" ? parent.id : null,
  };
}

function malformed(rateLimits: RateLimitSnapshot, what: string): XFailure {
  return { kind: "server_error", status: 200, detail: `X answered without ${what}.`, rateLimits };
}

export function createXClient(options: XClientOptions = {}): XClient {
  return {
    async createPost({ accessToken, text, replyToId }) {
      const body = replyToId === null ? { text } : { text, reply: { in_reply_to_tweet_id: replyToId } };
      const result = await send(options, { method: "POST", path: "/2/tweets", accessToken, body });
      if (!result.ok) return result.failure;

      const data = (result.body as { data?: RawPost } | null)?.data;
      const post = data ? toPost(data) : null;
      if (!post) return malformed(result.rateLimits, "the id of the new post");

      return { kind: "posted", id: post.id, text: post.text, rateLimits: result.rateLimits };
    },

    async listUserPosts(input) {
      const query = new URLSearchParams({
        max_results: String(input.maxResults ?? 100),
        "tweet.fields": "created_at,referenced_tweets",
      });
      if (input.sinceId) query.set("since_id", input.sinceId);
      if (input.startTime) query.set("start_time", input.startTime.toISOString().replace(/\.\d{3}Z$/, "Z"));
      if (input.paginationToken) query.set("pagination_token", input.paginationToken);
      const path = `/2/users/${encodeURIComponent(input.userId)}/tweets?${query.toString()}`;

      const result = await send(options, { method: "GET", path, accessToken: input.accessToken });
      if (!result.ok) return result.failure;

      const body = result.body as {
        data?: RawPost[];
        meta?: { next_token?: unknown };
        errors?: unknown[];
      } | null;
      if (!body) return malformed(result.rateLimits, "a body");
      if (!body.data && body.errors && body.errors.length > 0) {
        // X returns 200 with only `errors` when the user does not exist.
        return classifyFailure(404, { errors: body.errors }, result.rateLimits);
      }
      const posts = (body.data ?? []).map(toPost).filter((post): post is XPost => post !== null);
      const nextToken = typeof body.meta?.next_token === "string" ? body.meta.next_token : null;

      return { kind: "listed", posts, nextToken, rateLimits: result.rateLimits };
    },
  };
}
