import { cron } from "inngest";
import { findDueThreads, markDispatched, publishRequestEvent } from "@/lib/publishing/dispatch";
import { recordHeartbeat } from "@/lib/publishing/worker-status";
import { inngest } from "../client";

/** Events per sendEvent step. */
const SEND_BATCH = 100;

/**
 * Every minute, sends a publish request for each scheduled thread due within
 * the next few minutes whose revision has none yet, then marks those
 * revisions dispatched. Requests go out before the mark, so a crash between
 * the two repeats them, and Inngest drops the repeats by event id. Its runs
 * also serve as the worker heartbeat.
 */
export const dispatchDueThreads = inngest.createFunction(
  { id: "dispatch-due-threads", triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
  async ({ step }) => {
    const due = await step.run("find-due-threads", async () => {
      await recordHeartbeat();
      return findDueThreads();
    });
    if (due.length === 0) return { dispatched: 0 };

    for (let start = 0; start < due.length; start += SEND_BATCH) {
      const batch = due.slice(start, start + SEND_BATCH);
      await step.sendEvent(`send-publish-requests-${start / SEND_BATCH}`, batch.map(publishRequestEvent));
    }
    await step.run("mark-dispatched", () => markDispatched(due));

    return { dispatched: due.length };
  },
);
