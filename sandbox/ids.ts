import { randomBytes } from "node:crypto";

// X's snowflake epoch (2010-11-04T01:42:54.657Z) in Unix milliseconds.
const SNOWFLAKE_EPOCH_MS = 1_288_834_974_657n;
const TIMESTAMP_SHIFT = 22n;

/**
 * Issues snowflake-like ids: numeric strings of up to 19 digits that grow
 * with the sandbox clock and never repeat, even when the clock moves back.
 */
export class IdGenerator {
  private last = 0n;

  constructor(last = "0") {
    this.last = BigInt(last);
  }

  next(nowMs: number): string {
    const elapsed = BigInt(Math.max(0, Math.floor(nowMs))) - SNOWFLAKE_EPOCH_MS;
    const candidate = (elapsed > 0n ? elapsed : 0n) << TIMESTAMP_SHIFT;
    this.last = candidate > this.last ? candidate : this.last + 1n;

    return this.last.toString();
  }

  get lastId(): string {
    return this.last.toString();
  }
}

/** Returns `bytes` random bytes as base64url text. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Returns `length` random letters and digits, the alphabet of t.co paths. */
export function randomAlphanumeric(length: number): string {
  const bytes = randomBytes(length);
  let text = "";
  for (const byte of bytes) {
    text += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  }

  return text;
}

/** Returns true for a decimal id string of 1 to 19 digits. */
export function isNumericId(value: string): boolean {
  return /^[0-9]{1,19}$/.test(value);
}
