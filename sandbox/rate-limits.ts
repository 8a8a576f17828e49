import type { Clock } from "./clock";
import type { Tier } from "./config";
import type { PostLimits, RateBucket, SandboxState } from "./state";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** X's POST /2/tweets limits per access tier, per user and per app. */
export const TIER_POST_LIMITS: Record<Tier, PostLimits> = {
  free: { userLimit: 17, userWindowMs: DAY_MS, appLimit: 17, appWindowMs: DAY_MS },
  basic: { userLimit: 100, userWindowMs: DAY_MS, appLimit: 1667, appWindowMs: DAY_MS },
  pro: { userLimit: 100, userWindowMs: 15 * MINUTE_MS, appLimit: 10_000, appWindowMs: DAY_MS },
  "pay-per-use": { userLimit: 100, userWindowMs: 15 * MINUTE_MS, appLimit: 10_000, appWindowMs: DAY_MS },
};

export type ReadEndpoint = "users.me" | "users.tweets" | "tweets.delete";

// NOTE: per-user limits recalled from X's pro-tier tables and not checked against
// the current ones. X sets lower limits for free and basic, but the sandbox uses these for every tier.
const ENDPOINT_LIMITS: Record<ReadEndpoint, { limit: number; windowMs: number }> = {
  "users.me": { limit: 75, windowMs: 15 * MINUTE_MS },
  "users.tweets": { limit: 900, windowMs: 15 * MINUTE_MS },
  "tweets.delete": { limit: 50, windowMs: 15 * MINUTE_MS },
};

export interface LimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export function currentPostLimits(state: SandboxState): PostLimits {
  return { ...TIER_POST_LIMITS[state.tier], ...state.postLimitOverrides };
}

/** Returns true for free and basic, whose responses carry the 24-hour user and app headers. */
export function sends24HourHeaders(tier: Tier): boolean {
  return tier === "free" || tier === "basic";
}

function openBucket(
  state: SandboxState,
  key: string,
  limit: number,
  windowMs: number,
  now: number,
): RateBucket {
  const existing = state.buckets.get(key);
  if (existing && now < existing.windowStart + existing.windowMs) {
    existing.limit = limit;

    return existing;
  }

  // X starts a window at the first request after the previous window ended.
  const bucket: RateBucket = { windowStart: now, windowMs, limit, count: 0 };
  state.buckets.set(key, bucket);

  return bucket;
}

function resetSeconds(bucket: RateBucket): string {
  return String(Math.ceil((bucket.windowStart + bucket.windowMs) / 1000));
}

function remaining(bucket: RateBucket): string {
  return String(Math.max(0, bucket.limit - bucket.count));
}

function standardHeaders(bucket: RateBucket): Record<string, string> {
  return {
    "x-rate-limit-limit": String(bucket.limit),
    "x-rate-limit-remaining": remaining(bucket),
    "x-rate-limit-reset": resetSeconds(bucket),
  };
}

/**
 * Counts one POST /2/tweets request against the user and app windows, unless
 * `count` is false or either window is full. Returns the headers X sends.
 */
export function takePostAllowance(
  state: SandboxState,
  clock: Clock,
  userId: string,
  { count = true }: { count?: boolean } = {},
): LimitDecision {
  const now = clock.now();
  const limits = currentPostLimits(state);
  const user = openBucket(state, `tweets.create:user:${userId}`, limits.userLimit, limits.userWindowMs, now);
  const app = openBucket(state, "tweets.create:app", limits.appLimit, limits.appWindowMs, now);

  const allowed = user.count < user.limit && app.count < app.limit;
  if (allowed && count) {
    user.count += 1;
    app.count += 1;
  }

  const headers = standardHeaders(user);
  if (sends24HourHeaders(state.tier)) {
    headers["x-user-limit-24hour-limit"] = String(user.limit);
    headers["x-user-limit-24hour-remaining"] = remaining(user);
    headers["x-user-limit-24hour-reset"] = resetSeconds(user);
    headers["x-app-limit-24hour-limit"] = String(app.limit);
    headers["x-app-limit-24hour-remaining"] = remaining(app);
    headers["x-app-limit-24hour-reset"] = resetSeconds(app);
  }

  return { allowed, headers };
}

/** Counts one request to a read or delete endpoint against the caller's window. */
export function takeEndpointAllowance(
  state: SandboxState,
  clock: Clock,
  endpoint: ReadEndpoint,
  userId: string,
): LimitDecision {
  const { limit, windowMs } = ENDPOINT_LIMITS[endpoint];
  const bucket = openBucket(state, `${endpoint}:user:${userId}`, limit, windowMs, clock.now());

  const allowed = bucket.count < bucket.limit;
  if (allowed) {
    bucket.count += 1;
  }

  return { allowed, headers: standardHeaders(bucket) };
}
