import type { XClient } from "@/lib/x/client";
import type { XFailure } from "@/lib/x/outcomes";
import { isSamePostText } from "./comparable-text";
import type { XSession } from "./x-session";

/** Pages of 100 posts read before concluding that a post is not on X. */
const MAX_PAGES = 5;

/** Allowance for clocks: ours decides `notBefore`, X's stamps `created_at`. */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;

export type ReconcileResult =
  | { kind: "found"; xPostId: string; createdAt: Date | null }
  | { kind: "absent" }
  | { kind: "failed"; failure: XFailure };

export interface ReconcileInput {
  session: XSession;
  client: XClient;
  /** The exact text that was sent. */
  text: string;
  /** The post it replies to, or null for the first post of a thread. */
  parentId: string | null;
  /** The first post of a thread cannot have been created before the thread's publish time. */
  notBefore: Date;
}

/**
 * Looks for a post that an earlier attempt may have created: the account's
 * post with the same text (URLs masked, since X rewrites them to t.co) and the
 * same parent. A reply is searched among posts newer than its parent, the
 * first post among posts since the publish time. Picks the oldest match.
 */
export async function findPostOnX(input: ReconcileInput): Promise<ReconcileResult> {
  let paginationToken: string | undefined;
  let match: { id: string; createdAt: Date | null } | null = null;

  for (let page = 0; page < MAX_PAGES; page += 1) {
    const outcome = await input.session.call((accessToken) =>
      input.client.listUserPosts({
        accessToken,
        userId: input.session.xUserId,
        sinceId: input.parentId ?? undefined,
        startTime: input.parentId ? undefined : new Date(input.notBefore.getTime() - CLOCK_SKEW_MS),
        paginationToken,
      }),
    );
    if (outcome.kind !== "listed") return { kind: "failed", failure: outcome };

    for (const post of outcome.posts) {
      if (post.inReplyToId !== input.parentId || !isSamePostText(input.text, post.text)) continue;
      if (!match || BigInt(post.id) < BigInt(match.id)) match = { id: post.id, createdAt: post.createdAt };
    }
    if (match || !outcome.nextToken) break;
    paginationToken = outcome.nextToken;
  }

  return match ? { kind: "found", xPostId: match.id, createdAt: match.createdAt } : { kind: "absent" };
}
