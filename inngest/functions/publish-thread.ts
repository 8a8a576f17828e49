import { getConfig } from "@/lib/config";
import { checkPublishBudget } from "@/lib/publishing/budget-check";
import { claimThread } from "@/lib/publishing/claim";
import { abandonPublishRun, finishThread, type StopInfo } from "@/lib/publishing/finish";
import { publishPost, type PostStepResult } from "@/lib/publishing/publish-post";
import { inngest, threadPublishRequested } from "../client";
import { runRetryable } from "../step-errors";

/** Retries per step. Each 429, unconfirmed post or failed read costs one. */
const PUBLISH_RETRIES = 10;

/**
 * Publishes one revision of a thread: sleeps until its publish time, claims
 * it, checks the posting budget, then sends one post per step, each replying
 * to the one before, and records how the run ended. Step ids are part of the
 * durable state of runs in flight: renaming one restarts that step.
 */
export const publishThread = inngest.createFunction(
  {
    id: "publish-thread",
    triggers: [threadPublishRequested],
    retries: PUBLISH_RETRIES,
    concurrency: { key: "event.data.threadId", limit: 1 },
    onFailure: async ({ event, error }) => {
      const { threadId, revision } = event.data.event.data;
      await abandonPublishRun({ threadId, revision, error: error.message });
    },
  },
  async ({ event, step }) => {
    const { threadId, revision, publishAt } = event.data;
    await step.sleepUntil("wait-for-publish-time", publishAt);

    const claim = await step.run("claim-thread", () => claimThread({ threadId, revision }));
    if (claim.kind !== "claimed") return claim;

    const budget = await step.run("check-budget", () =>
      runRetryable(() => checkPublishBudget({ threadId, revision })),
    );
    if (budget.kind === "over") {
      return step.run("finish-thread", () =>
        finishThread({ threadId, revision, stop: { reason: budget.reason } }),
      );
    }

    // X sometimes rejects a reply to a post created a moment earlier, so new posts are spaced out.
    const pacingMs = getConfig().publishPacingSeconds * 1000;
    let stop: StopInfo | undefined;
    let previous: PostStepResult | null = null;
    for (let position = 0; position < claim.postCount; position += 1) {
      if (pacingMs > 0 && previous?.kind === "posted" && !previous.reused) {
        await step.sleep(`pace-post-${position}`, pacingMs);
      }
      const result: PostStepResult = await step.run(`publish-post-${position}`, () =>
        runRetryable(() => publishPost({ threadId, revision, position })),
      );
      if (result.kind === "skipped") return result;
      if (result.kind !== "posted") {
        stop = { position, reason: result.reason, needsReconnect: result.kind === "needs_reconnect" };
        break;
      }
      previous = result;
    }

    return step.run("finish-thread", () => finishThread({ threadId, revision, stop }));
  },
);
