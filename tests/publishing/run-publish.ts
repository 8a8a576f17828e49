import { checkPublishBudget } from "@/lib/publishing/budget-check";
import { claimThread } from "@/lib/publishing/claim";
import type { PublishContext } from "@/lib/publishing/context";
import { RetryLaterError } from "@/lib/publishing/errors";
import { abandonPublishRun, finishThread, type FinishResult, type StopInfo } from "@/lib/publishing/finish";
import { publishPost } from "@/lib/publishing/publish-post";

/**
 * Runs the steps of the `publish-thread` Inngest function in the same order,
 * without Inngest: each step is retried as Inngest retries a failed step, and
 * a run whose retries run out ends as the function's onFailure handler ends it.
 */

export interface RunOptions {
  context?: PublishContext;
  /** Attempts per step: Inngest's `retries` plus the first attempt. */
  maxAttempts?: number;
  /** Called before a retry that a step asked to delay; tests move the sandbox clock here. */
  beforeDelayedRetry?: (error: RetryLaterError) => Promise<void>;
  /** Called after every failed attempt, with the step id. */
  onStepError?: (stepId: string, error: unknown) => void;
  /** Called before every attempt; throwing from it models a process that dies as the step starts. */
  beforeAttempt?: (stepId: string) => void | Promise<void>;
  /** Returns true to run a step again after it succeeded, as Inngest does when the step's result was lost. */
  shouldRerun?: (stepId: string) => boolean;
}

export class StepRetriesExhausted extends Error {}

async function runStep<T>(stepId: string, body: () => Promise<T>, options: RunOptions): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 11;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await options.beforeAttempt?.(stepId);
      const result = await body();
      if (options.shouldRerun?.(stepId)) continue;
      return result;
    } catch (error) {
      options.onStepError?.(stepId, error);
      if (attempt >= maxAttempts) throw new StepRetriesExhausted(`${stepId}: ${(error as Error).message}`);
      if (error instanceof RetryLaterError) await options.beforeDelayedRetry?.(error);
    }
  }
}

export type RunSummary = FinishResult | { status: "not_claimed" | "waiting_for_reconnect" | "skipped" };

export async function runPublish(
  request: { threadId: string; revision: number },
  options: RunOptions = {},
): Promise<RunSummary> {
  try {
    return await runSteps(request, options);
  } catch (error) {
    if (!(error instanceof StepRetriesExhausted)) throw error;
    return abandonPublishRun({ ...request, error: error.message });
  }
}

async function runSteps(
  request: { threadId: string; revision: number },
  options: RunOptions,
): Promise<RunSummary> {
  const claim = await runStep("claim-thread", () => claimThread(request), options);
  if (claim.kind === "not_claimed") return { status: "not_claimed" };
  if (claim.kind === "waiting_for_reconnect") return { status: "waiting_for_reconnect" };

  const budget = await runStep("check-budget", () => checkPublishBudget(request), options);
  if (budget.kind === "over") {
    return runStep(
      "finish-thread",
      () => finishThread({ ...request, stop: { reason: budget.reason } }),
      options,
    );
  }

  let stop: StopInfo | undefined;
  for (let position = 0; position < claim.postCount; position += 1) {
    const result = await runStep(
      `publish-post-${position}`,
      () => publishPost({ ...request, position }, options.context),
      options,
    );
    if (result.kind === "skipped") return { status: "skipped" };
    if (result.kind !== "posted") {
      stop = { position, reason: result.reason, needsReconnect: result.kind === "needs_reconnect" };
      break;
    }
  }

  return runStep("finish-thread", () => finishThread({ ...request, stop }), options);
}
