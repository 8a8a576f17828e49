/**
 * Sliding-window arithmetic for X's posting limits: at most `limit` posts in
 * any window [s, s + windowMs). Times are epoch milliseconds.
 */

/** Index of the first element of a sorted array that is >= value. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }

  return low;
}

/**
 * Returns the largest number of events in one window that also contains `at`.
 * Such windows start in (at - windowMs, at]. Sliding the start later, an
 * event enters when the window's end passes it, so the count peaks right
 * after an entry: only the earliest start and the starts that just admit a
 * later event need checking.
 */
export function busiestWindowCount(sortedEvents: readonly number[], at: number, windowMs: number): number {
  const earliestStart = at - windowMs + 1;
  const starts = [earliestStart];
  for (let index = lowerBound(sortedEvents, at + 1); index < sortedEvents.length; index += 1) {
    const time = sortedEvents[index]!;
    if (time >= at + windowMs) break;
    starts.push(time - windowMs + 1);
  }

  let busiest = 0;
  for (const start of starts) {
    const count = lowerBound(sortedEvents, start + windowMs) - lowerBound(sortedEvents, start);
    busiest = Math.max(busiest, count);
  }

  return busiest;
}

/** True when `count` more posts at `at` keep every window within `limit`. */
export function fitsAt(
  sortedEvents: readonly number[],
  at: number,
  count: number,
  limit: number,
  windowMs: number,
): boolean {
  return busiestWindowCount(sortedEvents, at, windowMs) + count <= limit;
}

/**
 * Returns the earliest time at or after `from` where `count` posts fit. A post can
 * only start to fit when an existing one leaves the window, so the candidates
 * are `from` and each event's time plus the window. Returns null when the
 * posts exceed the limit even in an empty window.
 */
export function earliestFit(
  sortedEvents: readonly number[],
  from: number,
  count: number,
  limit: number,
  windowMs: number,
): number | null {
  if (count > limit) return null;
  if (fitsAt(sortedEvents, from, count, limit, windowMs)) return from;

  for (const event of sortedEvents) {
    const candidate = event + windowMs;
    if (candidate <= from) continue;
    if (fitsAt(sortedEvents, candidate, count, limit, windowMs)) return candidate;
  }

  return null;
}
