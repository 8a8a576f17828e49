import { eventType, Inngest } from "inngest";
import { z } from "zod";
import { getLogger } from "@/lib/log";

/** Passes the SDK's object-first log calls to pino, resolved at call time rather than at import. */
function forward(level: "info" | "warn" | "error" | "debug", args: unknown[]): void {
  const [first, ...rest] = args;
  const log = getLogger();
  if (typeof first === "string") log[level]({ details: rest.length > 0 ? rest : undefined }, first);
  else log[level](first as object, typeof rest[0] === "string" ? rest[0] : "inngest");
}

/**
 * The Inngest client. The SDK reads INNGEST_DEV, INNGEST_SIGNING_KEY,
 * INNGEST_EVENT_KEY and INNGEST_BASE_URL itself; lib/config.ts checks the same
 * variables at startup (production does not start without a signing key).
 * Nothing here reads the configuration at import, so `next build` can load it.
 */
export const inngest = new Inngest({
  id: "insightprose",
  // Checkpointing runs steps eagerly within one request. It hands the run over
  // to Inngest before app/api/inngest/route.ts's maxDuration of 60 seconds runs out.
  checkpointing: { maxRuntime: "50s" },
  logger: {
    info: (...args) => forward("info", args),
    warn: (...args) => forward("warn", args),
    error: (...args) => forward("error", args),
    debug: (...args) => forward("debug", args),
  },
});

/** Publish one revision of a thread. Its id, `thread-<id>-r<revision>`, makes repeats harmless. */
export const threadPublishRequested = eventType("thread/publish.requested", {
  schema: z.object({
    threadId: z.string(),
    revision: z.number().int(),
    /** ISO 8601 instant the function sleeps until. */
    publishAt: z.string(),
  }),
});

/** Refresh one account's X tokens ahead of need. */
export const accountTokenRefreshRequested = eventType("account/token.refresh-requested", {
  schema: z.object({
    accountId: z.string(),
    reason: z.enum(["due-soon", "keep-alive"]),
  }),
});
