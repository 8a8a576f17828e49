import autocannon from "autocannon";
import { progress } from "./stats";

export const CONNECTIONS = 20;
const WARMUP_SECONDS = 3;
const REQUEST_TIMEOUT_SECONDS = 10;

export interface LoadResult {
  path: string;
  /** Responses with a 2xx status per second of the run. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

function fire(url: string, cookie: string | null, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    headers: cookie ? { cookie } : {},
  });
}

/**
 * Loads one path with 20 connections for `seconds`, after a short warm-up
 * whose numbers are dropped. Both runs stop by themselves when their time is up.
 */
export async function loadPath(
  origin: string,
  path: string,
  cookie: string | null,
  seconds: number,
): Promise<LoadResult> {
  const url = `${origin}${path}`;
  progress(`pages: warming up ${path} for ${WARMUP_SECONDS} s`);
  await fire(url, cookie, WARMUP_SECONDS);
  progress(`pages: loading ${path} with ${CONNECTIONS} connections for ${seconds} s`);
  const result = await fire(url, cookie, seconds);

  return {
    path,
    requestsPerSecond: result["2xx"] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: result.duration,
  };
}
