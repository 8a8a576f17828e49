import type { thread, threadPost } from "@/lib/db";

export type Thread = typeof thread.$inferSelect;
export type ThreadPost = typeof threadPost.$inferSelect;
export type ThreadStatus = Thread["status"];
export type ThreadWithPosts = Thread & { posts: ThreadPost[] };

/** X allows long reply chains, but a thread longer than this is rarely read to the end. */
export const MAX_POSTS_PER_THREAD = 25;
/**
 * Upper bound on one post's raw text in a draft, far above any X limit
 * (25,000 weighted characters for the longest posts), so that a runaway
 * paste is rejected instead of stored.
 */
export const MAX_DRAFT_POST_CHARS = 25_000;
export const MAX_TITLE_CHARS = 200;

/** Statuses whose thread the writer may still edit. */
export const EDITABLE_STATUSES: readonly ThreadStatus[] = ["draft", "scheduled", "failed", "cancelled"];
