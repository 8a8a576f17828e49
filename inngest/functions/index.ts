import { dispatchDueThreads } from "./dispatch-due-threads";
import { publishThread } from "./publish-thread";
import { refreshAccountTokenFunction, scheduleTokenRefreshes } from "./refresh-tokens";

/** Every function the app serves at /api/inngest. */
export const functions = [
  dispatchDueThreads,
  publishThread,
  scheduleTokenRefreshes,
  refreshAccountTokenFunction,
];
