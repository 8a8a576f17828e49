import pino from "pino";

// Log redaction: values under secret-looking keys are replaced at any depth,
// and secret-looking fragments of strings (headers, query strings, JSON bodies
// quoted in error messages) are replaced in the finished log line.

export const REDACTED = "[redacted]";

const MAX_DEPTH = 8;

/** Keys whose values are secrets, compared lowercased with `-` and `_` removed. */
function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[-_]/g, "");

  return (
    normalized.endsWith("token") ||
    normalized.endsWith("secret") ||
    normalized.includes("password") ||
    normalized.includes("cookie") ||
    normalized.includes("authorization") ||
    normalized === "codeverifier" ||
    normalized === "credentials" ||
    /(api|signing|event|encryption|private|secret)key$/.test(normalized)
  );
}

/**
 * Returns a copy of a log object with secret values replaced. Errors become
 * pino's serialized form first, so their own fields are checked too.
 */
export function redactLogObject(value: unknown): Record<string, unknown> {
  const redacted = redactValue(value, 0, new WeakSet());

  return redacted !== null && typeof redacted === "object" && !Array.isArray(redacted)
    ? (redacted as Record<string, unknown>)
    : { value: redacted };
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return "[binary]";
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  seen.add(value);

  if (value instanceof Error) return redactValue(pino.stdSerializers.err(value), depth, seen);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  if (value instanceof Headers) return redactValue(Object.fromEntries(value.entries()), depth, seen);

  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      isSecretKey(key) && item !== null && item !== undefined ? REDACTED : redactValue(item, depth + 1, seen);
  }

  return copy;
}

const STRING_PATTERNS: Array<[RegExp, string]> = [
  // Authorization header values.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}/gi, `$1 ${REDACTED}`],
  // Query strings, form bodies and Cookie headers: access_token=…, code_verifier=…, authjs.session-token=…
  [/\b([\w.-]*(?:token|secret|verifier|password)|code)=([^&;\s"\\]+)/gi, `$1=${REDACTED}`],
  // JSON bodies quoted in a message, whose quotes may be escaped: {"access_token":"…"}
  [
    /"((?:access|refresh|id)_token|token|client_secret|code_verifier|password)(\\*"\s*:\s*\\*")([^"\\]+)/gi,
    `"$1$2${REDACTED}`,
  ],
];

/** Replaces secret-looking fragments in a finished log line. */
export function scrubSecrets(line: string): string {
  let scrubbed = line;
  for (const [pattern, replacement] of STRING_PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);

  return scrubbed;
}
