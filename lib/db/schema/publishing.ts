import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { account } from "./auth";

// The latest rate limit windows X reported for POST /2/tweets, one row per
// window: `user:<account id>:endpoint`, `user:<account id>:24h` and `app:24h`.
export const xRateLimit = pgTable("x_rate_limit", {
  key: text("key").primaryKey(),
  // The account whose request reported the window; null for the app-wide window.
  accountId: uuid("account_id").references(() => account.id, { onDelete: "cascade" }),
  limit: integer("limit").notNull(),
  remaining: integer("remaining").notNull(),
  resetAt: timestamp("reset_at", { mode: "date", withTimezone: true }).notNull(),
  observedAt: timestamp("observed_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

// When each background job last ran; the dashboard reports the worker offline when it goes stale.
export const workerHeartbeat = pgTable("worker_heartbeat", {
  name: text("name").primaryKey(),
  beatAt: timestamp("beat_at", { mode: "date", withTimezone: true }).notNull(),
});
