import { createHash } from "node:crypto";

export interface TokenKey {
  id: string;
  key: Buffer;
}

export class TokenKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenKeyError";
  }
}

export function parseTokenKeys(value: string): TokenKey[] {
  const keys = value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part, index) => {
      const key = Buffer.from(part, "base64");
      if (key.length !== 32) {
        throw new TokenKeyError(
          `TOKEN_ENCRYPTION_KEY entry ${index + 1} is invalid: it decodes to ${key.length} bytes, expected 32 (create one with \`openssl rand -base64 32\`).`,
        );
      }
      return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
    });
  if (keys.length === 0) throw new TokenKeyError("TOKEN_ENCRYPTION_KEY is empty.");

  return keys;
}
