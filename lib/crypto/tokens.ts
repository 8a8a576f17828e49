import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";
import { parseTokenKeys, TokenKeyError, type TokenKey } from "./token-keys";

export { parseTokenKeys, TokenKeyError };

// X tokens are stored as `enc:v1:<key id>:<iv>:<ciphertext and tag>` (base64url
// parts), encrypted with AES-256-GCM. TOKEN_ENCRYPTION_KEY contains one or more
// base64 keys of 32 bytes separated by commas: the first encrypts, every one
// decrypts, so a key is rotated by putting the new key first and keeping the
// old one after it until every row has been written again.

const PREFIX = "enc:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

const globalForKeys = globalThis as unknown as {
  insightproseTokenKeys?: { source: string; keys: TokenKey[] };
};

function currentKeys(): TokenKey[] {
  const source = getConfig().tokenEncryptionKeys;
  if (globalForKeys.insightproseTokenKeys?.source !== source) {
    globalForKeys.insightproseTokenKeys = { source, keys: parseTokenKeys(source) };
  }

  return globalForKeys.insightproseTokenKeys.keys;
}

export function isEncryptedToken(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function encryptToken(plaintext: string, keys: TokenKey[] = currentKeys()): string {
  const [primary] = keys;
  if (!primary) throw new TokenKeyError("No token encryption key is configured.");

  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", primary.key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);

  return `${PREFIX}${primary.id}:${iv.toString("base64url")}:${body.toString("base64url")}`;
}

export function decryptToken(stored: string, keys: TokenKey[] = currentKeys()): string {
  if (!isEncryptedToken(stored)) throw new TokenKeyError("The stored token is not in the encrypted format.");

  const [keyId, ivPart, bodyPart] = stored.slice(PREFIX.length).split(":");
  const match = keys.find((candidate) => candidate.id === keyId);
  if (!match || !ivPart || !bodyPart) {
    throw new TokenKeyError(
      `The token was encrypted with key ${keyId}, which TOKEN_ENCRYPTION_KEY no longer lists.`,
    );
  }

  const body = Buffer.from(bodyPart, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", match.key, Buffer.from(ivPart, "base64url"));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));

  return Buffer.concat([
    decipher.update(body.subarray(0, body.length - TAG_BYTES)),
    decipher.final(),
  ]).toString("utf8");
}

/** Encrypts a token that may be absent, as Auth.js hands them over. */
export function encryptOptionalToken(value: string | null | undefined): string | null {
  return value ? encryptToken(value) : null;
}
