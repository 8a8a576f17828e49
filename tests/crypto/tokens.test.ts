import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptToken, encryptToken, isEncryptedToken, parseTokenKeys } from "@/lib/crypto/tokens";

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");

describe("token encryption", () => {
  it("round-trips a token", () => {
    const keys = parseTokenKeys(oldKey);
    const stored = encryptToken("access-token-value", keys);

    expect(isEncryptedToken(stored)).toBe(true);
    expect(stored).not.toContain("access-token-value");
    expect(decryptToken(stored, keys)).toBe("access-token-value");
  });

  it("uses a fresh IV each time", () => {
    const keys = parseTokenKeys(oldKey);

    expect(encryptToken("same", keys)).not.toBe(encryptToken("same", keys));
  });

  it("decrypts old rows after key rotation", () => {
    const stored = encryptToken("refresh-token", parseTokenKeys(oldKey));
    const rotated = parseTokenKeys(`${newKey},${oldKey}`);

    expect(decryptToken(stored, rotated)).toBe("refresh-token");
    expect(encryptToken("x", rotated)).toContain(`:${rotated[0]?.id}:`);
  });

  it("rejects a token whose key was removed", () => {
    const stored = encryptToken("refresh-token", parseTokenKeys(oldKey));

    expect(() => decryptToken(stored, parseTokenKeys(newKey))).toThrow(/no longer lists/);
  });

  it("rejects tampered ciphertext", () => {
    const keys = parseTokenKeys(oldKey);
    const stored = encryptToken("refresh-token", keys);
    const tampered = stored.slice(0, -2) + (stored.endsWith("A") ? "BB" : "AA");

    expect(() => decryptToken(tampered, keys)).toThrow();
  });

  it("rejects a key of the wrong length", () => {
    expect(() => parseTokenKeys(Buffer.alloc(16).toString("base64"))).toThrow(/expected 32/);
  });

  it("rejects plaintext where ciphertext is expected", () => {
    expect(() => decryptToken("plain-token", parseTokenKeys(oldKey))).toThrow(/not in the encrypted format/);
  });
});
