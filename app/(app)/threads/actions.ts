"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getXAccount } from "@/lib/accounts/x-account";
import { authedAction, type ActionResult } from "@/lib/actions/authed-action";
import { evaluateBudget } from "@/lib/budget/evaluate-budget";
import { getPostingLimits } from "@/lib/budget/tiers";
import { AppError, notFound } from "@/lib/errors";
import { notifyThreadScheduled } from "@/lib/publishing/dispatch";
import { getObservedAllowance } from "@/lib/publishing/rate-limits";
import { createThreadDraft, deleteThread, duplicateThread, saveThreadDraft } from "@/lib/threads/drafts";
import { estimateThreadCost } from "@/lib/threads/cost";
import { finalPostTexts } from "@/lib/threads/final-texts";
import { getOwnedThread } from "@/lib/threads/queries";
import { draftPostsSchema, threadDraftSchema, threadIdSchema, wallTimeSchema } from "@/lib/threads/schemas";
import { addThreadToQueue, cancelThread, scheduleThread, unscheduleThread } from "@/lib/threads/scheduling";
import type { Thread } from "@/lib/threads/types";
import { wallTimeToInstant } from "@/lib/time/zoned";

const idInput = z.object({ id: threadIdSchema });

function refresh(id?: string) {
  revalidatePath("/dashboard");
  if (id) revalidatePath(`/threads/${id}`);
}

export const createThreadAction = authedAction(z.object({}), async (_input, user) => {
  const created = await createThreadDraft({ userId: user.id });
  redirect(`/threads/${created.id}`);
});

/** Creates a draft for the "New thread" form. A failure here is unexpected, so it goes to the error page. */
export async function startNewThread(): Promise<void> {
  const result = await createThreadAction({});
  if (!result.ok) throw new Error(result.error);
}

export const saveThreadAction = authedAction(
  threadDraftSchema,
  async (input, user): Promise<ActionResult<{ revision: number }>> => {
    const saved = await saveThreadDraft({ userId: user.id, ...input });
    refresh();

    return { ok: true, data: { revision: saved.revision } };
  },
);

export const duplicateThreadAction = authedAction(idInput, async (input, user) => {
  const copy = await duplicateThread(user.id, input.id);
  redirect(`/threads/${copy.id}`);
});

export const deleteThreadAction = authedAction(idInput, async (input, user) => {
  await deleteThread(user.id, input.id);
  refresh();
  redirect("/dashboard");
});

/** Converts the picker's wall time, read in the writer's zone, to an instant. */
function instantFromWallTime(wall: { date: string; time: string }, timeZone: string): Date {
  const instant = wallTimeToInstant(wall, timeZone);
  if (!instant) throw new AppError("invalid_input", `${wall.date} ${wall.time} is not a real date and time.`);

  return instant;
}

async function afterScheduling(
  thread: Thread,
): Promise<ActionResult<{ publishAt: string; revision: number }>> {
  await notifyThreadScheduled(thread);
  refresh(thread.id);

  return { ok: true, data: { publishAt: thread.publishAt!.toISOString(), revision: thread.revision } };
}

export const scheduleThreadAction = authedAction(
  idInput.extend(wallTimeSchema.shape),
  async (input, user) => {
    const publishAt = instantFromWallTime(input, user.timezone);

    return afterScheduling(await scheduleThread({ userId: user.id, id: input.id, publishAt }));
  },
);

export const addToQueueAction = authedAction(idInput, async (input, user) =>
  afterScheduling(await addThreadToQueue({ userId: user.id, id: input.id })),
);

export const unscheduleThreadAction = authedAction(
  idInput,
  async (input, user): Promise<ActionResult<{ revision: number }>> => {
    const updated = await unscheduleThread(user.id, input.id);
    refresh(input.id);

    return { ok: true, data: { revision: updated.revision } };
  },
);

export const cancelThreadAction = authedAction(
  idInput,
  async (input, user): Promise<ActionResult<{ revision: number }>> => {
    const updated = await cancelThread(user.id, input.id);
    refresh(input.id);

    return { ok: true, data: { revision: updated.revision } };
  },
);

export interface BudgetPreview {
  tier: string;
  user: { limit: number; left: number; windowHours: number };
  app: { limit: number; left: number; windowHours: number };
  fits: boolean;
  overBy: number;
  earliestFit: string | null;
  costUsd: number | null;
  /** The posts X itself last reported as left, while that window is still open at the picked time. */
  observed: { remaining: number; resetAt: string } | null;
}

const budgetInput = idInput.extend(wallTimeSchema.shape).extend({
  posts: draftPostsSchema,
  numbering: z.boolean(),
});

/** Evaluates the posting budget the thread would use at the picked time, for the composer. */
export const previewBudgetAction = authedAction(
  budgetInput,
  async (input, user): Promise<ActionResult<BudgetPreview>> => {
    if (!(await getOwnedThread(user.id, input.id))) throw notFound("That thread");
    const at = instantFromWallTime(input, user.timezone);
    const xAccount = await getXAccount(user.id);
    const observed = xAccount ? await getObservedAllowance(xAccount.id) : null;
    const budget = await evaluateBudget({
      userId: user.id,
      at,
      postCount: input.posts.length,
      excludeThreadId: input.id,
    });
    const limits = getPostingLimits();
    const hours = (ms: number) => ms / 3_600_000;

    return {
      ok: true,
      data: {
        tier: limits.tier,
        user: { limit: budget.user.limit, left: budget.user.left, windowHours: hours(budget.user.windowMs) },
        app: { limit: budget.app.limit, left: budget.app.left, windowHours: hours(budget.app.windowMs) },
        fits: budget.fits,
        overBy: budget.overBy,
        earliestFit: budget.earliestFit?.toISOString() ?? null,
        costUsd: estimateThreadCost(finalPostTexts(input.posts, input.numbering), limits),
        observed:
          observed && observed.resetAt.getTime() > at.getTime()
            ? { remaining: observed.remaining, resetAt: observed.resetAt.toISOString() }
            : null,
      },
    };
  },
);
