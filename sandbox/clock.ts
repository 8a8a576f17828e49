/**
 * The sandbox clock: real time plus an offset that tests move, so token
 * expiry, code expiry, rate limit windows and post times can be tested
 * without waiting.
 */
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Moves the clock so that `now()` returns `epochMs` at this moment. */
  set(epochMs: number): void {
    this.offsetMs = epochMs - Date.now();
  }

  restoreOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }
}
