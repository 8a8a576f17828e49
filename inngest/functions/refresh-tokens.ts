import { cron } from "inngest";
import { findAccountsToRefresh, refreshAheadOfNeed } from "@/lib/publishing/token-refresh";
import { accountTokenRefreshRequested, inngest } from "../client";

/** The cron's period; refresh requests carry it in their id, so one account gets one request per run. */
const PERIOD_MS = 10 * 60 * 1000;
const SEND_BATCH = 100;

/**
 * Every 10 minutes, requests a token refresh for each account that has a
 * thread due soon and a token that would expire before then, and for each
 * account due for a keep-alive refresh, one event per account.
 */
export const scheduleTokenRefreshes = inngest.createFunction(
  { id: "schedule-token-refreshes", triggers: [cron("*/10 * * * *")], concurrency: { limit: 1 } },
  async ({ step }) => {
    const { requests, period } = await step.run("find-accounts-to-refresh", async () => ({
      requests: await findAccountsToRefresh(),
      period: Math.floor(Date.now() / PERIOD_MS),
    }));

    for (let start = 0; start < requests.length; start += SEND_BATCH) {
      const events = requests
        .slice(start, start + SEND_BATCH)
        .map((request) =>
          accountTokenRefreshRequested.create(request, { id: `refresh-${request.accountId}-${period}` }),
        );
      await step.sendEvent(`send-refresh-requests-${start / SEND_BATCH}`, events);
    }

    return { requested: requests.length };
  },
);

/** Refreshes one account's tokens; one run per account at a time, and refreshAccountToken locks the row too. */
export const refreshAccountTokenFunction = inngest.createFunction(
  {
    id: "refresh-account-token",
    triggers: [accountTokenRefreshRequested],
    concurrency: { key: "event.data.accountId", limit: 1 },
    retries: 5,
  },
  async ({ event, step }) => step.run("refresh-token", () => refreshAheadOfNeed(event.data)),
);
