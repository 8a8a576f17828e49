import { rateLimitResetAt, type RateLimitSnapshot } from "./rate-limit-headers";

/**
 * The closed set of ways an X API v2 call can fail. Callers switch on `kind`;
 * `detail` is X's own wording (or the network error) for logs and messages.
 */
export type XFailure =
  | { kind: "unauthorized"; status: 401; detail: string; rateLimits: RateLimitSnapshot }
  | { kind: "duplicate_content"; status: 403; detail: string; rateLimits: RateLimitSnapshot }
  | { kind: "reply_not_allowed"; status: 403; detail: string; rateLimits: RateLimitSnapshot }
  | { kind: "forbidden"; status: 403; detail: string; rateLimits: RateLimitSnapshot }
  | {
      kind: "rate_limited";
      status: 429;
      detail: string;
      rateLimits: RateLimitSnapshot;
      /** When the used-up window resets, from the headers; null when X sent none. */
      resetAt: Date | null;
    }
  | { kind: "payment_required"; status: 402; detail: string; rateLimits: RateLimitSnapshot }
  | { kind: "invalid_request"; status: number; detail: string; rateLimits: RateLimitSnapshot }
  | { kind: "server_error"; status: number; detail: string; rateLimits: RateLimitSnapshot }
  | {
      kind: "no_answer";
      status: null;
      /** `timeout` when our deadline passed, `network` when the connection failed or dropped. */
      cause: "timeout" | "network";
      detail: string;
      rateLimits: RateLimitSnapshot;
    };

export type XFailureKind = XFailure["kind"];

/** Failures after which X may have acted on the request: a post may exist although no id came back. */
export function isResultUnknown(failure: XFailure): boolean {
  return failure.kind === "server_error" || failure.kind === "no_answer";
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  errors?: Array<{ message?: unknown }>;
}

/** Reads X's problem body (`title`, `detail`, `errors[].message`) into one line. */
export function problemDetail(body: unknown): string {
  if (typeof body !== "object" || body === null) return "";
  const problem = body as ProblemBody;
  const parts = [problem.detail, ...(problem.errors ?? []).map((error) => error.message)].filter(
    (part): part is string => typeof part === "string" && part.length > 0,
  );
  if (parts.length === 0 && typeof problem.title === "string") parts.push(problem.title);

  return [...new Set(parts)].join(" ");
}

// X's 403 bodies tell the cases apart only by their wording.
const DUPLICATE_PATTERN = /duplicate content/i;
const REPLY_PATTERNS = [/reply to this conversation is not allowed/i, /attempted to reply to a tweet/i];

/** Maps a non-2xx response of the v2 API to its failure kind. */
export function classifyFailure(status: number, body: unknown, rateLimits: RateLimitSnapshot): XFailure {
  const detail = problemDetail(body) || `HTTP ${status}`;

  if (status === 401) return { kind: "unauthorized", status, detail, rateLimits };
  if (status === 402) return { kind: "payment_required", status, detail, rateLimits };
  if (status === 403) {
    if (DUPLICATE_PATTERN.test(detail)) return { kind: "duplicate_content", status, detail, rateLimits };
    if (REPLY_PATTERNS.some((pattern) => pattern.test(detail))) {
      return { kind: "reply_not_allowed", status, detail, rateLimits };
    }

    return { kind: "forbidden", status, detail, rateLimits };
  }
  if (status === 429) {
    return { kind: "rate_limited", status, detail, rateLimits, resetAt: rateLimitResetAt(rateLimits) };
  }
  if (status >= 500) return { kind: "server_error", status, detail, rateLimits };

  return { kind: "invalid_request", status, detail, rateLimits };
}
