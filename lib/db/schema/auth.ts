import type { AdapterAccountType } from "next-auth/adapters";
import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Auth.js tables, shaped as @auth/drizzle-adapter expects them, plus the
// columns InsightProse adds. Composite primary keys use the array form: the
// object form silently creates no key.

export const user = pgTable("user", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  // X does not return an email address, so it stays empty and is never a key.
  email: text("email").unique(),
  emailVerified: timestamp("emailVerified", { mode: "date", withTimezone: true }),
  image: text("image"),
  username: text("username"),
  timezone: text("timezone").notNull().default("UTC"),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

export const accountStatus = pgEnum("account_status", ["active", "needs_reconnect", "revoked"]);

export const account = pgTable(
  "account",
  {
    // A surrogate key, so that jobs and locks can name one account by one value.
    id: uuid("id").notNull().unique().defaultRandom(),
    userId: text("userId")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("providerAccountId").notNull(),
    // access_token and refresh_token hold ciphertext only (lib/crypto/tokens.ts).
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    // Epoch seconds, as Auth.js stores it.
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
    status: accountStatus("status").notNull().default("active"),
    tokenRefreshedAt: timestamp("token_refreshed_at", { mode: "date", withTimezone: true }),
    lastTokenError: text("last_token_error"),
  },
  (table) => [
    primaryKey({ columns: [table.provider, table.providerAccountId] }),
    index("account_user_idx").on(table.userId),
    index("account_refresh_idx")
      .on(table.expires_at)
      .where(sql`${table.status} = 'active' and ${table.refresh_token} is not null`),
    // The keep-alive refresh walks accounts from the longest unrefreshed, never-refreshed first.
    index("account_keep_alive_idx")
      .on(sql`coalesce(${table.tokenRefreshedAt}, '-infinity'::timestamptz)`)
      .where(sql`${table.status} = 'active' and ${table.refresh_token} is not null`),
  ],
);

export const session = pgTable(
  "session",
  {
    sessionToken: text("sessionToken").primaryKey(),
    userId: text("userId")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (table) => [index("session_user_idx").on(table.userId)],
);

export const verificationToken = pgTable(
  "verificationToken",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);
