import type { NextAuthConfig } from "next-auth";
import { getConfig } from "@/lib/config";
import { getLogger } from "@/lib/log";
import { createAdapter, storeFreshTokens } from "./adapter";
import { recordSignInError } from "./sign-in-errors";
import { adoptSignInTimeZone } from "./time-zone-cookie";
import { createXProvider } from "./x-provider";

declare module "next-auth" {
  interface User {
    username?: string | null;
  }
  interface Session {
    user: { id: string; name?: string | null; image?: string | null; username: string | null };
  }
}

export function buildAuthConfig(): NextAuthConfig {
  const config = getConfig();
  const log = getLogger();

  return {
    adapter: createAdapter(),
    providers: [createXProvider()],
    secret: config.authSecret,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    trustHost: true,
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      session({ session, user }) {
        return {
          ...session,
          user: { id: user.id, name: user.name, image: user.image, username: user.username ?? null },
        };
      },
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        if (account) await storeFreshTokens(account);
        if (isNewUser && user.id) await adoptSignInTimeZone(user.id);
        log.info({ userId: user.id, isNewUser: isNewUser ?? false }, "signed in with X");
      },
      async signOut() {
        // Signing out ends the app session only: scheduled threads still need the X tokens.
        log.info("signed out");
      },
    },
    logger: {
      error(error) {
        recordSignInError(error);
        log.error({ err: { name: error.name, message: error.message } }, "Auth.js error");
      },
      warn(code) {
        log.warn({ code }, "Auth.js warning");
      },
      debug() {},
    },
  };
}
