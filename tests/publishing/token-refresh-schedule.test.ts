import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, getDb } from "@/lib/db";
import {
  findAccountsToRefresh,
  KEEP_ALIVE_AFTER_MS,
  refreshAheadOfNeed,
} from "@/lib/publishing/token-refresh";
import { getWorkerStatus, recordHeartbeat, WORKER_STALE_AFTER_MS } from "@/lib/publishing/worker-status";
import type { Sandbox } from "../../sandbox/server";
import { setupTestDatabase } from "../helpers/database";
import { createScheduledThread, createWriter, startPublishingSandbox } from "./fixtures";

setupTestDatabase();

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startPublishingSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

async function setAccount(accountId: string, values: Partial<typeof account.$inferInsert>) {
  await getDb().update(account).set(values).where(eq(account.id, accountId));
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("accounts to refresh", () => {
  it("refreshes ahead of a thread due soon", async () => {
    const writer = await createWriter(sandbox, "schedule1");
    await setAccount(writer.accountId, { expires_at: nowSeconds() + 20 * 60 });
    await createScheduledThread(writer, ["Due soon."], { publishAt: new Date(Date.now() + 15 * 60_000) });

    const requests = await findAccountsToRefresh();

    expect(requests).toContainEqual({ accountId: writer.accountId, reason: "due-soon" });
    expect(await refreshAheadOfNeed({ accountId: writer.accountId, reason: "due-soon" })).toEqual({
      outcome: "refreshed",
    });
  });

  it("skips a token valid past the thread", async () => {
    const writer = await createWriter(sandbox, "schedule2");
    await createScheduledThread(writer, ["Due soon."], { publishAt: new Date(Date.now() + 15 * 60_000) });

    const requests = await findAccountsToRefresh();

    expect(requests.map((request) => request.accountId)).not.toContain(writer.accountId);
  });

  it("keeps idle accounts alive", async () => {
    const writer = await createWriter(sandbox, "schedule3");
    await setAccount(writer.accountId, {
      tokenRefreshedAt: new Date(Date.now() - KEEP_ALIVE_AFTER_MS - 60_000),
      expires_at: nowSeconds() - 60,
    });

    const requests = await findAccountsToRefresh();

    expect(requests).toContainEqual({ accountId: writer.accountId, reason: "keep-alive" });
    expect(await refreshAheadOfNeed({ accountId: writer.accountId, reason: "keep-alive" })).toEqual({
      outcome: "refreshed",
    });
  });

  it("skips accounts that need reconnecting", async () => {
    const writer = await createWriter(sandbox, "schedule4");
    await setAccount(writer.accountId, {
      status: "needs_reconnect",
      tokenRefreshedAt: null,
      expires_at: null,
    });

    const requests = await findAccountsToRefresh();

    expect(requests.map((request) => request.accountId)).not.toContain(writer.accountId);
    expect(await refreshAheadOfNeed({ accountId: writer.accountId, reason: "keep-alive" })).toEqual({
      outcome: "needs_reconnect",
    });
  });
});

describe("worker status", () => {
  it("is offline before the first heartbeat", async () => {
    expect(await getWorkerStatus()).toEqual({ isRunning: false, lastSeenAt: null });
  });

  it("runs while heartbeats are fresh", async () => {
    const beat = new Date();
    await recordHeartbeat(undefined, beat);

    expect(await getWorkerStatus(new Date(beat.getTime() + 60_000))).toEqual({
      isRunning: true,
      lastSeenAt: beat,
    });
    expect((await getWorkerStatus(new Date(beat.getTime() + WORKER_STALE_AFTER_MS + 1))).isRunning).toBe(
      false,
    );
  });
});
