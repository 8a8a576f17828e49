import { afterAll, beforeAll } from "vitest";
import { eq } from "drizzle-orm";
import { resetConfigCache } from "@/lib/config";
import { encryptToken } from "@/lib/crypto/tokens";
import { account, getDb, thread, threadPost, user } from "@/lib/db";
import type { Thread } from "@/lib/threads/types";
import { startSandbox, type Sandbox } from "../../sandbox/server";

/**
 * Starts the X sandbox on a free loopback port and points the app at it,
 * with no pacing between posts. Call after setupTestDatabase() or the chaos
 * run's own database setup.
 */
/**
 * Starts one sandbox for the calling test file before its tests and stops it
 * after them. The sandbox is on `current` once the tests run.
 */
export function setupPublishingSandbox(): { current: Sandbox } {
  const handle = {} as { current: Sandbox };
  beforeAll(async () => {
    handle.current = await startPublishingSandbox();
  });
  afterAll(async () => {
    await handle.current?.close();
  });

  return handle;
}

export async function startPublishingSandbox(): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, log: () => {} });
  process.env.X_SANDBOX_URL = sandbox.url;
  process.env.PUBLISH_PACING_SECONDS = "0";
  // Generous operator limits, so that the app's own budget check never stops a test.
  process.env.X_USER_POST_LIMIT = "10000";
  process.env.X_APP_POST_LIMIT = "100000";
  resetConfigCache();

  return sandbox;
}

export async function sandboxAdmin<T = unknown>(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} failed with ${response.status}: ${await response.text()}`);

  return (await response.json()) as T;
}

export function addFault(sandbox: Sandbox, rule: Record<string, unknown>) {
  return sandboxAdmin(sandbox, "POST", "/_admin/faults", rule);
}

export interface Writer {
  userId: string;
  accountId: string;
  xUserId: string;
  username: string;
  accessToken: string;
  refreshToken: string;
}

/** Creates a sandbox user with tokens and the matching app user and linked X account, tokens encrypted. */
export async function createWriter(
  sandbox: Sandbox,
  username: string,
  options: { expiresInSeconds?: number } = {},
): Promise<Writer> {
  const created = await sandboxAdmin<{ data: { id: string } }>(sandbox, "POST", "/_admin/users", {
    name: `Writer ${username}`,
    username,
  });
  const xUserId = created.data.id;
  const tokens = await sandboxAdmin<{ access_token: string; refresh_token: string; expires_in: number }>(
    sandbox,
    "POST",
    "/_admin/grant",
    {
      user_id: xUserId,
      ...(options.expiresInSeconds ? { expires_in_seconds: options.expiresInSeconds } : {}),
    },
  );

  const db = getDb();
  const [appUser] = await db
    .insert(user)
    .values({ name: `Writer ${username}`, username })
    .returning();
  const [linked] = await db
    .insert(account)
    .values({
      userId: appUser!.id,
      type: "oauth",
      provider: "twitter",
      providerAccountId: xUserId,
      access_token: encryptToken(tokens.access_token),
      refresh_token: encryptToken(tokens.refresh_token),
      expires_at: Math.floor(Date.now() / 1000) + tokens.expires_in,
      scope: "tweet.read tweet.write users.read offline.access",
      token_type: "bearer",
      tokenRefreshedAt: new Date(),
    })
    .returning();

  return {
    userId: appUser!.id,
    accountId: linked!.id,
    xUserId,
    username,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
  };
}

/** Inserts a scheduled thread with its posts, as scheduling leaves it. */
export async function createScheduledThread(
  writer: Writer,
  posts: readonly string[],
  options: { publishAt?: Date; numbering?: boolean; revision?: number } = {},
): Promise<Thread> {
  const db = getDb();
  const [created] = await db
    .insert(thread)
    .values({
      userId: writer.userId,
      accountId: writer.accountId,
      title: posts[0]?.slice(0, 40) ?? "",
      status: "scheduled",
      publishAt: options.publishAt ?? new Date(Date.now() - 1000),
      revision: options.revision ?? 1,
      numbering: options.numbering ?? false,
    })
    .returning();
  await db
    .insert(threadPost)
    .values(posts.map((text, position) => ({ threadId: created!.id, position, text })));

  return created!;
}

export async function loadThread(threadId: string) {
  const db = getDb();
  const [row] = await db.select().from(thread).where(eq(thread.id, threadId));
  const posts = await db
    .select()
    .from(threadPost)
    .where(eq(threadPost.threadId, threadId))
    .orderBy(threadPost.position);

  return { ...row!, posts };
}

export async function loadAccount(accountId: string) {
  const [row] = await getDb().select().from(account).where(eq(account.id, accountId));
  return row!;
}

/** Lists the writer's live posts on the sandbox, oldest first. */
export function postsOnX(sandbox: Sandbox, xUserId: string) {
  return [...sandbox.state.posts.values()]
    .filter((post) => post.authorId === xUserId && post.deletedAt === null)
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}
