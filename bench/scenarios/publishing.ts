import type { Sandbox } from "../../sandbox/server";
import {
  installLoggingDatabase,
  type LoggedQuery,
  type QueryLog,
  summarizeStatements,
} from "../lib/app-database";
import { buildPostCorpus, loadFixtureArticles } from "../lib/fixtures";
import { createSandboxUser, startBenchSandbox } from "../lib/sandbox";
import { formatNumber, median, progress, timeAsync } from "../lib/stats";
import { measurement, type Measurement, type ScenarioContext } from "../lib/types";

const SCENARIO = "Publishing";
const POSTS = 25;
const MEASURED_ROUNDS = 3;

// Imported after the environment is set, because the app reads it on first use.
type App = Awaited<ReturnType<typeof loadApp>>;

async function loadApp() {
  const [db, tokens, claim, budget, post, finish] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/crypto/tokens"),
    import("@/lib/publishing/claim"),
    import("@/lib/publishing/budget-check"),
    import("@/lib/publishing/publish-post"),
    import("@/lib/publishing/finish"),
  ]);

  return { ...db, ...tokens, ...claim, ...budget, ...post, ...finish };
}

/** Posts a reply chain with bare fetch calls: the sandbox's own time per post, plus HTTP. */
async function postWithFetch(
  sandbox: Sandbox,
  texts: readonly string[],
  username: string,
): Promise<number[]> {
  const user = await createSandboxUser(sandbox, username);
  const durations: number[] = [];
  let parentId: string | null = null;
  for (const text of texts) {
    const body: Record<string, unknown> = parentId
      ? { text, reply: { in_reply_to_tweet_id: parentId } }
      : { text };
    const { wallMs, result } = await timeAsync(async () => {
      const response = await fetch(`${sandbox.url}/2/tweets`, {
        method: "POST",
        headers: { authorization: `Bearer ${user.accessToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as { data?: { id: string } } };
    });
    if (result.status !== 201 || !result.json.data) {
      throw new Error(
        `A bare POST /2/tweets to the X sandbox returned ${result.status}: ${JSON.stringify(result.json)}`,
      );
    }
    parentId = result.json.data.id;
    durations.push(wallMs);
  }

  return durations;
}

interface AppRun {
  stepMs: number[];
  statements: { claim: LoggedQuery[]; budget: LoggedQuery[]; posts: LoggedQuery[][]; finish: LoggedQuery[] };
}

async function createScheduledThread(app: App, sandbox: Sandbox, texts: readonly string[], username: string) {
  const x = await createSandboxUser(sandbox, username);
  const db = app.getDb();
  const [writer] = await db
    .insert(app.user)
    .values({ name: `Bench ${username}`, username })
    .returning();
  const [linked] = await db
    .insert(app.account)
    .values({
      userId: writer!.id,
      type: "oauth",
      provider: "twitter",
      providerAccountId: x.xUserId,
      access_token: app.encryptToken(x.accessToken),
      refresh_token: app.encryptToken(x.refreshToken),
      expires_at: Math.floor(Date.now() / 1000) + x.expiresInSeconds,
      scope: "tweet.read tweet.write users.read offline.access",
      token_type: "bearer",
      tokenRefreshedAt: new Date(),
    })
    .returning();
  const [created] = await db
    .insert(app.thread)
    .values({
      userId: writer!.id,
      accountId: linked!.id,
      title: "Benchmark thread",
      status: "scheduled",
      publishAt: new Date(Date.now() - 1000),
      revision: 1,
      numbering: true,
    })
    .returning();
  await db
    .insert(app.threadPost)
    .values(texts.map((text, position) => ({ threadId: created!.id, position, text })));

  return { threadId: created!.id, revision: 1 };
}

// Runs the publish-thread function's steps in its order, as Inngest would
// with pacing off: claim, budget check, one step per post, finish.
async function publishThroughSteps(app: App, log: QueryLog, request: { threadId: string; revision: number }) {
  const run: AppRun = { stepMs: [], statements: { claim: [], budget: [], posts: [], finish: [] } };

  log.reset();
  const claim = await app.claimThread(request);
  run.statements.claim = log.queries;
  if (claim.kind !== "claimed")
    throw new Error(`claimThread did not claim the thread: ${JSON.stringify(claim)}`);

  log.reset();
  const budget = await app.checkPublishBudget(request);
  run.statements.budget = log.queries;
  if (budget.kind !== "fits") throw new Error(`checkPublishBudget stopped the thread: ${budget.reason}`);

  for (let position = 0; position < claim.postCount; position += 1) {
    log.reset();
    const { wallMs, result } = await timeAsync(() => app.publishPost({ ...request, position }));
    run.statements.posts.push(log.queries);
    if (result.kind !== "posted")
      throw new Error(`publishPost stopped at post ${position + 1}: ${JSON.stringify(result)}`);
    run.stepMs.push(wallMs);
  }

  log.reset();
  const finished = await app.finishThread(request);
  run.statements.finish = log.queries;
  if (finished.status !== "published")
    throw new Error(`finishThread reported ${finished.status}: ${finished.lastError}`);

  return run;
}

export async function run(context: ScenarioContext): Promise<Measurement[]> {
  process.env.PUBLISH_PACING_SECONDS = "0";
  // Generous operator limits, so that the app's budget check never stops the run.
  process.env.X_USER_POST_LIMIT = "10000";
  process.env.X_APP_POST_LIMIT = "100000";
  const sandbox = await startBenchSandbox();
  process.env.X_SANDBOX_URL = sandbox.url;
  const log = await installLoggingDatabase(context.databaseUrl);
  const app = await loadApp();

  // 270 leaves room for the ` 25/25` numbering label the thread adds.
  const corpus = buildPostCorpus(loadFixtureArticles(), 270);
  const texts = corpus.slice(0, POSTS);
  const fetchMs: number[] = [];
  const runs: AppRun[] = [];
  // Round 0 warms up both paths and is not counted. Each round uses new X users,
  // because X rejects a user's duplicate post.
  for (let round = 0; round <= MEASURED_ROUNDS; round += 1) {
    progress(
      `publishing: round ${round}${round === 0 ? " (warm-up)" : ""}, ${POSTS} posts by fetch and by the app`,
    );
    const bare = await postWithFetch(sandbox, texts, `benchfetch${round}`);
    const request = await createScheduledThread(app, sandbox, texts, `benchapp${round}`);
    const appRun = await publishThroughSteps(app, log, request);
    if (round === 0) continue;
    fetchMs.push(...bare);
    runs.push(appRun);
  }

  const stepMs = median(runs.flatMap((appRun) => appRun.stepMs));
  const bareMs = median(fetchMs);
  const last = runs.at(-1)!.statements;
  const perPost = last.posts.map((queries) => queries.length);
  const total =
    last.claim.length +
    last.budget.length +
    perPost.reduce((sum, count) => sum + count, 0) +
    last.finish.length;
  const sample = `${runs.length} threads of ${POSTS} posts, ${runs.length * POSTS} posts per side`;

  return [
    measurement({
      scenario: SCENARIO,
      name: "publishPost step, per post",
      value: stepMs,
      unit: "ms",
      baseline: { name: "bare POST /2/tweets to the sandbox", value: bareMs, unit: "ms" },
      detail: `median wall time over ${sample}; the sandbox runs in the same process for both`,
    }),
    measurement({
      scenario: SCENARIO,
      name: "Time the app adds per post",
      value: stepMs - bareMs,
      unit: "ms",
      baseline: { name: "bare POST /2/tweets to the sandbox", value: bareMs, unit: "ms" },
      detail:
        "median publishPost step minus median bare POST: ledger reads and writes, token decryption, rate limit records",
    }),
    measurement({
      scenario: SCENARIO,
      name: "SQL statements per post",
      value: total / POSTS,
      unit: "statements",
      target: { on: "value", comparison: "<=", limit: 5 },
      detail:
        `${total} statements for a ${POSTS}-post thread: claim ${last.claim.length}, budget check ${last.budget.length}, ` +
        `finish ${last.finish.length}, post steps ${formatNumber(Math.min(...perPost))}–${formatNumber(Math.max(...perPost))} each ` +
        `(${summarizeStatements(last.posts[1] ?? [])})`,
    }),
  ];
}
