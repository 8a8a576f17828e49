/**
 * `npm run test:chaos`: publishes a few hundred threads of 1 to 8 posts
 * through the functions the `publish-thread` steps call, against the X
 * sandbox with random faults injected into more than 10% of API calls.
 * Failed steps are retried as Inngest retries them. Some processes are
 * "killed" before a request or between X's response and the ledger write,
 * and some step results are "lost" so that steps run again. Then it compares
 * the ledger with the sandbox and prints
 *
 *   threads: N, posts: M, duplicates: 0, orphans: 0, lost: 0
 *
 * and exits 1 on any other count. A duplicate is a second copy of a post on
 * X, a post claimed by two ledger rows, or a second copy X refused as
 * duplicate content (the sandbox, like X, never stores one). CHAOS_SEED
 * repeats a run; with DATABASE_URL set it uses a fresh PostgreSQL database
 * on that server, otherwise an in-memory PGlite.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { account, closeDb, getDb, migrateDatabase } from "@/lib/db";
import type { RetryLaterError } from "@/lib/publishing/errors";
import { createXClient } from "@/lib/x/client";
import { addFault, faultRuleInput } from "../../sandbox/faults";
import type { Sandbox } from "../../sandbox/server";
import { withDatabaseName } from "../helpers/database-names";
import { auditPublishing } from "../publishing/audit";
import {
  createScheduledThread,
  createWriter,
  sandboxAdmin,
  startPublishingSandbox,
  type Writer,
} from "../publishing/fixtures";
import { runPublish } from "../publishing/run-publish";

const THREAD_COUNT = 220;
const WRITER_COUNT = 20;
const WORKERS = 6;
const API_FAULT_RATE = 0.15;
const TOKEN_FAULT_RATE = 0.2;
const KILL_RATE = 0.04;
const LOST_RESULT_RATE = 0.03;
const CLIENT_TIMEOUT_MS = 400;
const MAX_ATTEMPTS = 21;

const seed = Number(process.env.CHAOS_SEED ?? randomBytes(4).readUInt32LE());

/** mulberry32: a small seeded generator, so that CHAOS_SEED repeats a run's choices. */
function createRandom(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const POST_FAULTS = [
  { kind: "status", status: 503 },
  { kind: "status", status: 500 },
  { kind: "unauthorized" },
  { kind: "rate_limit", reset_in_seconds: 1 },
  { kind: "delay", delay_ms: 30 },
  { kind: "hang" },
  { kind: "drop" },
  { kind: "created_then_lost", lost_as: "503" },
  { kind: "created_then_lost", lost_as: "drop" },
] as const;
const READ_FAULTS = POST_FAULTS.filter((fault) => fault.kind !== "created_then_lost");
// A token request that X processed but whose response was lost costs the
// refresh token (X rotates it), so it is left out: no client can recover from it.
const TOKEN_FAULTS = [
  { kind: "status", status: 503 },
  { kind: "status", status: 500 },
  { kind: "drop" },
  { kind: "delay", delay_ms: 30 },
] as const;

async function prepareDatabase(): Promise<() => Promise<void>> {
  process.env.APP_ENV = "test";
  process.env.LOG_LEVEL ??= "silent";
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.env.PGLITE_DIR = "memory://";
    return async () => {};
  }

  const name = `chaos_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  process.env.DATABASE_URL = withDatabaseName(serverUrl, name);

  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
}

function postText(thread: number, position: number): string {
  const words = [
    "essay",
    "insight",
    "draft",
    "reader",
    "signal",
    "craft",
    "habit",
    "focus",
    "story",
    "method",
  ];
  const body = Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(words)).join(" ");
  const link = random() < 0.25 ? ` https://example.com/chaos/${thread}/${position}?q=a&b=c` : "";
  const amp = random() < 0.1 ? " Q&A <notes>" : "";

  return `Chaos ${thread}.${position}: ${body}${link}${amp}.`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const dropDatabase = await prepareDatabase();
  const sandbox: Sandbox = await startPublishingSandbox();
  await migrateDatabase();
  await sandboxAdmin(sandbox, "POST", "/_admin/tier", {
    limits: { user_limit: 5000, app_limit: 100_000, user_window_seconds: 86_400, app_window_seconds: 86_400 },
  });

  const writers: Writer[] = [];
  for (let index = 0; index < WRITER_COUNT; index += 1) {
    const writer = await createWriter(sandbox, `chaos${index}`);
    // A quarter start with an expired access token, so that refreshes race under faults too.
    if (index % 4 === 0) {
      await getDb()
        .update(account)
        .set({ expires_at: Math.floor(Date.now() / 1000) - 60 })
        .where(eq(account.id, writer.accountId));
    }
    writers.push(writer);
  }
  const threads = [];
  for (let index = 0; index < THREAD_COUNT; index += 1) {
    const postCount = 1 + Math.floor(random() * 8);
    const posts = Array.from({ length: postCount }, (_, position) => postText(index, position));
    threads.push(await createScheduledThread(pick(writers), posts, { numbering: random() < 0.3 }));
  }

  let apiCalls = 0;
  let faultsAdded = 0;
  let duplicateRejections = 0;
  let kills = 0;
  const injectFault = (method: string, path: string, faults: readonly Record<string, unknown>[]) => {
    addFault(sandbox.state, faultRuleInput.parse({ method, path, ...pick(faults) }));
    faultsAdded += 1;
  };
  const baseClient = createXClient({
    timeoutMs: CLIENT_TIMEOUT_MS,
    onRequest: ({ method, path }) => {
      apiCalls += 1;
      if (random() < API_FAULT_RATE) injectFault(method, path, method === "POST" ? POST_FAULTS : READ_FAULTS);
    },
  });
  const client: typeof baseClient = {
    ...baseClient,
    async createPost(input) {
      const outcome = await baseClient.createPost(input);
      if (outcome.kind === "duplicate_content") duplicateRejections += 1;
      return outcome;
    },
  };

  const statuses = new Map<string, number>();
  const queue = [...threads];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const summary = await runPublish(
        { threadId: next.id, revision: next.revision },
        {
          maxAttempts: MAX_ATTEMPTS,
          context: {
            x: client,
            checkpoint: () => {
              if (random() >= KILL_RATE) return;
              kills += 1;
              throw new Error("simulated process death");
            },
          },
          beforeAttempt: (stepId) => {
            if (stepId.startsWith("publish-post") && random() < TOKEN_FAULT_RATE / 10) {
              injectFault("POST", "/2/oauth2/token", TOKEN_FAULTS);
            }
          },
          shouldRerun: () => random() < LOST_RESULT_RATE,
          beforeDelayedRetry: async (error: RetryLaterError) => {
            // Real waits are capped to keep the run short; 1 s is far beyond the sandbox's own delays.
            await sleep(Math.min(1000, Math.max(0, error.retryAt.getTime() - sandbox.clock.now())));
          },
        },
      );
      statuses.set(summary.status, (statuses.get(summary.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));

  const unfired = sandbox.state.faults.length;
  sandbox.state.faults.length = 0;
  const audit = await auditPublishing(
    sandbox,
    threads.map((thread) => thread.id),
    writers.map((writer) => writer.xUserId),
  );
  const duplicates = audit.duplicates + duplicateRejections;
  const faultsFired = faultsAdded - unfired;
  const faultShare = faultsFired / Math.max(1, apiCalls);

  console.log(
    `seed ${seed}; ${apiCalls} API calls, ${faultsFired} faults fired (${(faultShare * 100).toFixed(1)}%), ` +
      `${kills} simulated deaths; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const problem of audit.problems.slice(0, 20)) console.log(`problem: ${problem}`);
  console.log(
    `threads: ${audit.threads}, posts: ${audit.posts}, duplicates: ${duplicates}, orphans: ${audit.orphans}, lost: ${audit.lost}`,
  );

  await sandbox.close();
  await closeDb();
  await dropDatabase();

  const isClean = duplicates === 0 && audit.orphans === 0 && audit.lost === 0;
  const isComplete = audit.threads >= 200 && statuses.get("published") === audit.threads && faultShare >= 0.1;
  if (!isComplete)
    console.error("chaos: not every thread was published, or faults hit fewer than 10% of calls");

  return isClean && isComplete ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
