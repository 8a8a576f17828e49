/**
 * X's rate limit headers. X sends `x-rate-limit-limit`, `-remaining` and
 * `-reset` for an endpoint's window. For posting, some tiers also send
 * `x-user-limit-24hour-*` and `x-app-limit-24hour-*`. Reset values are epoch seconds.
 */

export interface RateLimitWindow {
  limit: number;
  remaining: number;
  resetAt: Date;
}

export interface RateLimitSnapshot {
  /** The endpoint's own window (15 minutes for most, 24 hours for posting on some tiers). */
  endpoint: RateLimitWindow | null;
  user24h: RateLimitWindow | null;
  app24h: RateLimitWindow | null;
}

export const EMPTY_RATE_LIMITS: RateLimitSnapshot = { endpoint: null, user24h: null, app24h: null };

function readInteger(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;

  return Number(raw.trim());
}

function readWindow(headers: Headers, prefix: string): RateLimitWindow | null {
  const limit = readInteger(headers, `${prefix}-limit`);
  const remaining = readInteger(headers, `${prefix}-remaining`);
  const reset = readInteger(headers, `${prefix}-reset`);
  if (limit === null || remaining === null || reset === null) return null;

  return { limit, remaining, resetAt: new Date(reset * 1000) };
}

export function readRateLimitHeaders(headers: Headers): RateLimitSnapshot {
  return {
    endpoint: readWindow(headers, "x-rate-limit"),
    user24h: readWindow(headers, "x-user-limit-24hour"),
    app24h: readWindow(headers, "x-app-limit-24hour"),
  };
}

/**
 * Returns the instant a rate-limited request may be sent again: the latest
 * reset of the windows that are used up, or the endpoint window's reset when
 * none is used up. Returns null when X sent no usable header.
 */
export function rateLimitResetAt(snapshot: RateLimitSnapshot): Date | null {
  const windows = [snapshot.endpoint, snapshot.user24h, snapshot.app24h].filter(
    (window): window is RateLimitWindow => window !== null,
  );
  const exhausted = windows.filter((window) => window.remaining === 0);
  if (exhausted.length > 0) return new Date(Math.max(...exhausted.map((window) => window.resetAt.getTime())));

  return snapshot.endpoint ? snapshot.endpoint.resetAt : null;
}
