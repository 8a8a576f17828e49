import { createXClient, type XClient } from "@/lib/x/client";

/** Points in a publishing step where a real process could die. */
export type CrashPoint = "before-send" | "after-response";

/**
 * Dependencies of a publishing step. The Inngest functions pass
 * nothing and get the configured X client and the real clock; tests and the
 * chaos run pass their own.
 */
export interface PublishContext {
  x?: XClient;
  now?: () => Date;
  /** Called at each crash point; a test throws from it to simulate the process dying there. */
  checkpoint?: (point: CrashPoint) => void | Promise<void>;
}

export interface ResolvedContext {
  x: XClient;
  now: () => Date;
  checkpoint: (point: CrashPoint) => void | Promise<void>;
}

export function resolveContext(context: PublishContext = {}): ResolvedContext {
  return {
    x: context.x ?? createXClient(),
    now: context.now ?? (() => new Date()),
    checkpoint: context.checkpoint ?? (() => {}),
  };
}
