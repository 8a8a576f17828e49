import { progress } from "./stats";

type CleanupStep = () => Promise<void> | void;

const steps: CleanupStep[] = [];

/**
 * Registers a step that undoes something this process started (a server, a
 * database, a directory). Steps run newest first, once, from runCleanup() or
 * on SIGINT/SIGTERM. Returns a function that runs and unregisters the step.
 */
export function onCleanup(step: CleanupStep): () => Promise<void> {
  steps.push(step);

  return async () => {
    const index = steps.indexOf(step);
    if (index === -1) return;
    steps.splice(index, 1);
    await step();
  };
}

let running: Promise<void> | null = null;
let isInterrupted = false;

/**
 * Runs the registered steps. A call made while steps are running waits for
 * the same run, so that no caller moves on (or exits) while a step is half done.
 */
export function runCleanup(): Promise<void> {
  running ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop()!;
      try {
        await step();
      } catch (error) {
        progress(`cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })().finally(() => {
    running = null;
  });

  return running;
}

/** True once SIGINT or SIGTERM arrived; the process is then cleaning up and will exit. */
export function wasInterrupted(): boolean {
  return isInterrupted;
}

/** Runs the cleanup steps and exits when the process is interrupted or terminated. */
export function exitCleanlyOnSignals(beforeCleanup?: () => Promise<void>): void {
  const handle = (signal: NodeJS.Signals) => {
    if (isInterrupted) return;
    isInterrupted = true;
    progress(`${signal} received; cleaning up`);
    void (async () => {
      await beforeCleanup?.();
      await runCleanup();
      process.exit(signal === "SIGINT" ? 130 : 143);
    })();
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
}
