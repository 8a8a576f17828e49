import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq } from "drizzle-orm";
import type { Account } from "next-auth";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import { encryptOptionalToken } from "@/lib/crypto/tokens";
import { account, getDb, session, user, verificationToken } from "@/lib/db";

/** Token fields of an Auth.js account with the access and refresh tokens encrypted. */
export function encryptAccountTokens(
  data: Pick<AdapterAccount, "access_token" | "refresh_token" | "id_token">,
) {
  return {
    access_token: encryptOptionalToken(data.access_token),
    refresh_token: encryptOptionalToken(data.refresh_token),
    // X issues no id token; drop one rather than store it in plaintext.
    id_token: null,
  };
}

/**
 * Creates the Drizzle adapter on our schema, with linkAccount wrapped so that the
 * first sign-in, like every later write, stores ciphertext only.
 */
export function createAdapter(): Adapter {
  const db = getDb();
  const base = DrizzleAdapter(db, {
    usersTable: user,
    accountsTable: account,
    sessionsTable: session,
    verificationTokensTable: verificationToken,
  });

  return {
    ...base,
    async linkAccount(data) {
      await db.insert(account).values({ ...data, ...encryptAccountTokens(data) });
    },
  };
}

/**
 * Stores the tokens X issued at a later sign-in (Auth.js keeps the first ones
 * otherwise) and makes the account usable again.
 */
export async function storeFreshTokens(data: Account): Promise<void> {
  await getDb()
    .update(account)
    .set({
      ...encryptAccountTokens(data),
      expires_at: data.expires_at ?? null,
      scope: data.scope ?? null,
      token_type: data.token_type ?? null,
      status: "active",
      lastTokenError: null,
      tokenRefreshedAt: new Date(),
    })
    .where(and(eq(account.provider, data.provider), eq(account.providerAccountId, data.providerAccountId)));
}
