import { and, sql, asc, eq, isNull, lte, ne, or } from "drizzle-orm";
import { inngest, threadPublishRequested } from "@/inngest/client";
import { account, getDb, thread } from "@/lib/db";
import { getLogger } from "@/lib/log";
import type { Thread } from "@/lib/threads/types";

/**
 * How far ahead the dispatcher sends publish requests. Short, so that
 * `publish-thread` sleeps minutes rather than days (Inngest's free plan caps
 * a sleep at 7 days) and an edit made before then simply bumps the revision.
 */
export const DISPATCH_LOOKAHEAD_MS = 5 * 60 * 1000;

/** Publish requests sent per dispatcher run; the rest go out a minute later. */
export const MAX_DISPATCH_BATCH = 500;

export interface PublishRequest {
  threadId: string;
  revision: number;
  publishAt: string;
}

export type PublishRequestEvent = ReturnType<typeof threadPublishRequested.create>;

/** Builds the event for one revision of a thread. Its id is unique per revision, so Inngest drops repeats. */
export function publishRequestEvent(request: PublishRequest): PublishRequestEvent {
  return threadPublishRequested.create(request, { id: `thread-${request.threadId}-r${request.revision}` });
}

/**
 * Scheduled threads due within the look-ahead (overdue ones included) whose
 * current revision has no publish request yet. Threads of an account that
 * needs reconnecting are left out: they wait until it works again.
 */
export async function findDueThreads(
  now = new Date(),
  limit = MAX_DISPATCH_BATCH,
): Promise<PublishRequest[]> {
  const horizon = new Date(now.getTime() + DISPATCH_LOOKAHEAD_MS);
  const rows = await getDb()
    .select({ threadId: thread.id, revision: thread.revision, publishAt: thread.publishAt })
    .from(thread)
    .leftJoin(account, eq(account.id, thread.accountId))
    .where(
      and(
        eq(thread.status, "scheduled"),
        lte(thread.publishAt, horizon),
        or(isNull(thread.dispatchedRevision), ne(thread.dispatchedRevision, thread.revision)),
        or(isNull(thread.accountId), eq(account.status, "active")),
      ),
    )
    .orderBy(asc(thread.publishAt))
    .limit(limit);

  return rows.flatMap((row) =>
    row.publishAt
      ? [{ threadId: row.threadId, revision: row.revision, publishAt: row.publishAt.toISOString() }]
      : [],
  );
}

/** Records that these revisions have a publish request. A thread edited meanwhile keeps its newer revision undispatched. */
export async function markDispatched(requests: readonly PublishRequest[]): Promise<void> {
  if (requests.length === 0) return;

  // One statement for the whole batch; a thread edited since keeps its newer revision undispatched.
  // Sent as array literals: both drivers take a string parameter, and uuids and integers need no quoting.
  const ids = `{${requests.map((request) => request.threadId).join(",")}}`;
  const revisions = `{${requests.map((request) => request.revision).join(",")}}`;
  await getDb()
    .update(thread)
    .set({ dispatchedRevision: sql`dispatched.revision` })
    .where(and(sql`${thread.id} = dispatched.id`, sql`${thread.revision} = dispatched.revision`))
    .from(sql`unnest(${ids}::uuid[], ${revisions}::int[]) as dispatched(id, revision)`);
}

type DueThread = Pick<Thread, "id" | "revision" | "status" | "publishAt" | "accountId">;

/**
 * Sends the publish request at once for a thread that was just scheduled and
 * is due within the dispatcher's look-ahead. Does nothing for later threads,
 * because the dispatcher picks them up in time. Never throws: when Inngest
 * cannot be reached it logs, and the dispatcher sends the request on its next run.
 * Resolves true when a request was sent.
 */
export async function notifyThreadScheduled(
  scheduled: DueThread,
  options: { now?: Date; send?: (event: PublishRequestEvent) => Promise<unknown> } = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  const { publishAt } = scheduled;
  if (scheduled.status !== "scheduled" || !publishAt) return false;
  if (publishAt.getTime() > now.getTime() + DISPATCH_LOOKAHEAD_MS) return false;

  const request = {
    threadId: scheduled.id,
    revision: scheduled.revision,
    publishAt: publishAt.toISOString(),
  };
  try {
    if (scheduled.accountId) {
      const [row] = await getDb()
        .select({ status: account.status })
        .from(account)
        .where(eq(account.id, scheduled.accountId))
        .limit(1);
      if (row && row.status !== "active") return false;
    }
    const send = options.send ?? ((event: PublishRequestEvent) => inngest.send(event));
    await send(publishRequestEvent(request));
    await markDispatched([request]);
    return true;
  } catch (error) {
    getLogger().warn(
      { err: error, threadId: scheduled.id, revision: scheduled.revision },
      "sending the publish request failed; the dispatcher will send it on its next run",
    );
    return false;
  }
}
