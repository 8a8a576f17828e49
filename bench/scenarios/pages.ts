import postgres from "postgres";
import { onCleanup } from "../lib/cleanup";
import { buildPostCorpus, loadFixtureArticles } from "../lib/fixtures";
import { CONNECTIONS, type LoadResult, loadPath } from "../lib/load";
import { prepareBuild, startApp } from "../lib/next-app";
import { measurePageWeight, type PageWeight } from "../lib/page-weight";
import { startBenchSandbox } from "../lib/sandbox";
import { PAGE_USERS, POSTS_PER_THREAD, seedPagesData, WRITER_THREADS } from "../lib/seed-pages";
import { formatBytes, formatNumber, progress } from "../lib/stats";
import { measurement, type Measurement, type ScenarioContext } from "../lib/types";

const SCENARIO = "Pages";
const WEIGHT_SCENARIO = "Page weight";
const SESSION_COOKIE = "authjs.session-token";

/** Throws unless GET returns 200 with the page's real content, not a redirect to sign-in. */
async function checkPage(
  origin: string,
  path: string,
  cookie: string,
  expected: readonly string[],
): Promise<void> {
  const response = await fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) {
    const location = response.headers.get("location");
    throw new Error(
      `GET ${path} returned ${response.status}${location ? ` to ${location}` : ""}, expected 200.`,
    );
  }
  const missing = expected.filter((text) => !html.includes(text));
  if (missing.length > 0)
    throw new Error(`GET ${path} returned 200 without ${missing.map((text) => `"${text}"`).join(", ")}.`);
}

function loadDetail(result: LoadResult): string {
  const failures = result.non2xx + result.errors;
  const outcome = failures > 0 ? `; ${result.non2xx} non-2xx answers and ${result.errors} errors` : "";

  return (
    `${formatNumber(result.requests)} requests in ${formatNumber(result.seconds)} s, ${CONNECTIONS} connections, ` +
    `p50 ${formatNumber(result.p50Ms)} ms, p99 ${formatNumber(result.p99Ms)} ms${outcome}`
  );
}

function pageRows(label: string, result: LoadResult, health: LoadResult): Measurement[] {
  const failed = result.non2xx + result.errors > 0;
  const rows = [
    measurement({
      scenario: SCENARIO,
      name: `${label}: requests per second`,
      value: result.requestsPerSecond,
      unit: "req/s",
      baseline: { name: "GET /api/health", value: health.requestsPerSecond, unit: "req/s" },
      target: { on: "ratio", comparison: ">=", limit: 0.25 },
      detail: `GET ${result.path}: ${loadDetail(result)}`,
    }),
    measurement({
      scenario: SCENARIO,
      name: `${label}: p99 latency`,
      value: result.p99Ms,
      unit: "ms",
      baseline: { name: "GET /api/health", value: health.p99Ms, unit: "ms" },
      target: { on: "ratio", comparison: "<=", limit: 4 },
    }),
  ];

  // A page that returned errors under load has not met its targets, whatever its speed.
  return failed ? rows.map((row) => ({ ...row, passed: false })) : rows;
}

function weightRow(
  label: string,
  weight: PageWeight,
  landing: PageWeight | null,
  limitKb?: number,
): Measurement {
  return measurement({
    scenario: WEIGHT_SCENARIO,
    name: `First-load JavaScript, ${label}`,
    value: weight.gzipBytes / 1000,
    unit: "kB gzip",
    baseline: landing
      ? { name: "landing page", value: landing.gzipBytes / 1000, unit: "kB gzip" }
      : undefined,
    target: limitKb === undefined ? undefined : { on: "value", comparison: "<=", limit: limitKb },
    detail:
      `GET ${weight.path}: ${weight.scripts} script files, ${formatBytes(weight.rawBytes)} as served, ` +
      `${formatBytes(weight.gzipBytes)} gzipped (1 kB = 1,000 bytes); ` +
      `${weight.noModuleScripts} nomodule polyfill file(s) that current browsers skip not counted`,
  });
}

export async function run(context: ScenarioContext): Promise<Measurement[]> {
  const sandbox = await startBenchSandbox();
  const sql = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
  onCleanup(() => sql.end({ timeout: 5 }));

  progress(
    `pages: seeding ${formatNumber(PAGE_USERS)} users and ${formatNumber(WRITER_THREADS)} threads of one writer`,
  );
  const texts = buildPostCorpus(loadFixtureArticles());
  const data = await seedPagesData(sql, texts);
  await sql.end({ timeout: 5 });

  const env: NodeJS.ProcessEnv = { ...process.env, X_SANDBOX_URL: sandbox.url };
  delete env.BENCH_CONTEXT;
  const appDirectory = await prepareBuild(env, context.buildDirectory);
  progress("pages: starting next start");
  const app = await startApp(appDirectory, env);
  const cookie = `${SESSION_COOKIE}=${data.sessionToken}`;
  const composerPath = `/threads/${data.composerThreadId}`;

  await checkPage(app.origin, "/dashboard", cookie, ["Dashboard", "Bench thread"]);
  await checkPage(app.origin, composerPath, cookie, [data.composerTitle]);
  await checkPage(app.origin, "/signin", "", ["Sign in with your X account"]);

  progress("pages: measuring first-load JavaScript");
  const landingWeight = await measurePageWeight(app.origin, "/", null);
  const dashboardWeight = await measurePageWeight(app.origin, "/dashboard", cookie);
  const composerWeight = await measurePageWeight(app.origin, composerPath, cookie);

  const health = await loadPath(app.origin, "/api/health", null, context.loadSeconds);
  const dashboard = await loadPath(app.origin, "/dashboard", cookie, context.loadSeconds);
  const composer = await loadPath(app.origin, composerPath, cookie, context.loadSeconds);
  const signIn = await loadPath(app.origin, "/signin", null, context.loadSeconds);
  await app.stop();

  const scale = `${formatNumber(WRITER_THREADS)} threads of ${POSTS_PER_THREAD} posts`;

  return [
    measurement({
      scenario: SCENARIO,
      name: "Health check: requests per second",
      value: health.requestsPerSecond,
      unit: "req/s",
      detail: `GET /api/health (one select 1): ${loadDetail(health)}`,
    }),
    ...pageRows(`Dashboard (${scale})`, dashboard, health),
    ...pageRows("Composer (10 posts)", composer, health),
    measurement({
      scenario: SCENARIO,
      name: "Sign-in page: requests per second",
      value: signIn.requestsPerSecond,
      unit: "req/s",
      baseline: { name: "GET /api/health", value: health.requestsPerSecond, unit: "req/s" },
      detail:
        `GET /signin signed out, a server-rendered page that reads no data: what rendering any page costs here; ` +
        loadDetail(signIn),
    }),
    weightRow("landing page", landingWeight, null),
    weightRow("dashboard", dashboardWeight, landingWeight),
    weightRow("composer", composerWeight, landingWeight, 200),
  ];
}
