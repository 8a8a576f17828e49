import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { account, user } from "./auth";

export const article = pgTable(
  "article",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    sourceUrl: text("source_url"),
    byline: text("byline"),
    language: text("language"),
    publishedAt: timestamp("published_at", { mode: "date", withTimezone: true }),
    // Normalised Markdown; paragraphs are numbered by their order in this text.
    body: text("body").notNull(),
    wordCount: integer("word_count").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("article_user_idx").on(table.userId, table.createdAt)],
);

export const insight = pgTable(
  "insight",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => article.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    keyQuote: text("key_quote").notNull(),
    // Zero-based indices of the article paragraphs the summary was taken from.
    paragraphs: jsonb("paragraphs").$type<number[]>().notNull(),
    position: smallint("position").notNull(),
  },
  (table) => [index("insight_article_idx").on(table.articleId, table.position)],
);

export const threadStatus = pgEnum("thread_status", [
  "draft",
  "scheduled",
  "publishing",
  "published",
  "partial",
  "failed",
  "cancelled",
]);

export const thread = pgTable(
  "thread",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    // The X account that posts the thread; null until the writer has one linked.
    accountId: uuid("account_id").references(() => account.id, { onDelete: "set null" }),
    insightId: uuid("insight_id").references(() => insight.id, { onDelete: "set null" }),
    title: text("title").notNull().default(""),
    status: threadStatus("status").notNull().default("draft"),
    publishAt: timestamp("publish_at", { mode: "date", withTimezone: true }),
    // Bumped by every edit, schedule or reschedule; publishing claims a revision.
    revision: integer("revision").notNull().default(0),
    dispatchedRevision: integer("dispatched_revision"),
    numbering: boolean("numbering").notNull().default(false),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("thread_user_idx").on(table.userId, table.status, table.publishAt),
    index("thread_due_idx")
      .on(table.publishAt)
      .where(sql`${table.status} = 'scheduled'`),
    // Threads that still need a working token: scheduled or being published.
    index("thread_active_idx")
      .on(table.publishAt)
      .where(sql`${table.status} in ('scheduled', 'publishing')`),
  ],
);

export const postState = pgEnum("post_state", ["pending", "sending", "posted", "unknown", "failed"]);

// The publish ledger: one row per post of a thread.
export const threadPost = pgTable(
  "thread_post",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => thread.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    text: text("text").notNull(),
    state: postState("state").notNull().default("pending"),
    xPostId: text("x_post_id"),
    postedAt: timestamp("posted_at", { mode: "date", withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (table) => [
    uniqueIndex("thread_post_position_idx").on(table.threadId, table.position),
    // The app-wide posting budget counts posts by time across all users.
    index("thread_post_posted_idx")
      .on(table.postedAt)
      .where(sql`${table.state} = 'posted'`),
  ],
);

export const postingSlot = pgTable(
  "posting_slot",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    // ISO weekday: 1 is Monday, 7 is Sunday.
    weekday: smallint("weekday").notNull(),
    // Local wall-clock time in the writer's time zone, "HH:MM".
    localTime: text("local_time").notNull(),
  },
  (table) => [uniqueIndex("posting_slot_unique_idx").on(table.userId, table.weekday, table.localTime)],
);
