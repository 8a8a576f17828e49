import { eq } from "drizzle-orm";
import { getDb, workerHeartbeat } from "@/lib/db";

/** The heartbeat the dispatcher cron writes on every run. */
export const DISPATCHER_HEARTBEAT = "dispatcher";

/** The dispatcher runs every minute, so three missed runs mean the worker is not running. */
export const WORKER_STALE_AFTER_MS = 3 * 60 * 1000;

export async function recordHeartbeat(name = DISPATCHER_HEARTBEAT, now = new Date()): Promise<void> {
  await getDb()
    .insert(workerHeartbeat)
    .values({ name, beatAt: now })
    .onConflictDoUpdate({ target: workerHeartbeat.name, set: { beatAt: now } });
}

export interface WorkerStatus {
  isRunning: boolean;
  /** When the dispatcher last ran; null when it never has. */
  lastSeenAt: Date | null;
}

/**
 * Reports whether the background worker (Inngest calling this app's functions) is
 * running, judged by the dispatcher's heartbeat. Without it, scheduled
 * threads wait.
 */
export async function getWorkerStatus(now = new Date()): Promise<WorkerStatus> {
  const [row] = await getDb()
    .select()
    .from(workerHeartbeat)
    .where(eq(workerHeartbeat.name, DISPATCHER_HEARTBEAT))
    .limit(1);
  const lastSeenAt = row?.beatAt ?? null;

  return {
    isRunning: lastSeenAt !== null && now.getTime() - lastSeenAt.getTime() <= WORKER_STALE_AFTER_MS,
    lastSeenAt,
  };
}
