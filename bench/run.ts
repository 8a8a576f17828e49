// The benchmark suite: `npm run bench [-- scenario ...]`. Every figure is
// compared with a baseline measured in the same run, because the machines it
// runs on are shared and noisy. See BENCHMARKS.md for the latest results.
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import type { ChildMessage } from "./lib/child";
import { exitCleanlyOnSignals, onCleanup, runCleanup, wasInterrupted } from "./lib/cleanup";
import {
  benchDatabaseName,
  createBenchDatabase,
  dropBenchDatabase,
  migrateBenchDatabase,
} from "./lib/database";
import { countFailures, describeMachine, renderTable } from "./lib/report";
import { isScenarioName, SCENARIOS, type ScenarioName } from "./lib/scenarios";
import { progress } from "./lib/stats";
import type { ScenarioContext, ScenarioResult } from "./lib/types";

const RESULTS_FILE = fileURLToPath(new URL("results.json", import.meta.url));
const CHILD_ENTRY = fileURLToPath(new URL("lib/child.ts", import.meta.url));
const DEFAULT_LOAD_SECONDS = 20;

const USAGE = `Usage: npm run bench [-- scenario ...]

Runs every scenario, or only those named: ${Object.keys(SCENARIOS).join(", ")}.
Prints one table, writes bench/results.json and exits with 1 when a target is missed.

Environment:
  BENCH_POSTGRES_URL   server to create the bench database on (default postgres://postgres@127.0.0.1:5432/postgres)
  BENCH_LOAD_SECONDS   seconds of load per page (default ${DEFAULT_LOAD_SECONDS}; shorter runs are for trying the suite)
  BENCH_BUILD_DIR      keep the production build in this directory and reuse it on the next run
  BENCH_FIXTURES_DIR   folder of the real article fixtures (default ../shared/fixtures/articles)`;

// Variables the app reads. Scenarios get only the values the bench sets, so a
// developer's .env or shell cannot point a measurement at another database or at X.
const APP_VARIABLE =
  /^(APP_ENV|NODE_ENV|DATABASE_|PGLITE_|AUTH_|TOKEN_ENCRYPTION_KEY|X_|INNGEST_|PUBLISH_PACING_SECONDS|ARTICLE_FETCH_|AI_WRITER_|LOG_LEVEL)/;

function parseScenarios(args: string[]): ScenarioName[] {
  if (args.length === 0) return Object.keys(SCENARIOS) as ScenarioName[];
  const unknown = args.filter((name) => !isScenarioName(name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown scenario ${unknown.join(", ")}. Choose from: ${Object.keys(SCENARIOS).join(", ")}.`,
    );
  }

  return args as ScenarioName[];
}

function parseLoadSeconds(): number {
  const raw = process.env.BENCH_LOAD_SECONDS;
  if (raw === undefined || raw === "") return DEFAULT_LOAD_SECONDS;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 300) {
    throw new Error(`BENCH_LOAD_SECONDS is invalid: "${raw}". Use a whole number of seconds from 1 to 300.`);
  }

  return seconds;
}

// NODE_ENV stays unset, so that `next start` and `next build` choose their own.
function scenarioEnvironment(databaseUrl: string, context: ScenarioContext): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (APP_VARIABLE.test(name)) Reflect.deleteProperty(env, name);
  }
  env.APP_ENV = "test";
  env.DATABASE_URL = databaseUrl;
  env.AUTH_SECRET = randomBytes(33).toString("base64");
  env.TOKEN_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  env.LOG_LEVEL = "warn";
  env.NEXT_TELEMETRY_DISABLED = "1";
  env.BENCH_CONTEXT = JSON.stringify(context);

  return env;
}

let runningChild: ChildProcess | null = null;

function runScenario(name: ScenarioName, env: NodeJS.ProcessEnv): Promise<ScenarioResult> {
  const { title } = SCENARIOS[name];
  const started = performance.now();

  return new Promise((resolve) => {
    const child = fork(CHILD_ENTRY, [name], { env, execArgv: ["--import", "tsx", "--expose-gc"] });
    runningChild = child;
    let message: ChildMessage | null = null;
    child.on("message", (received) => {
      message = received as ChildMessage;
    });
    child.on("exit", (code, signal) => {
      runningChild = null;
      const seconds = (performance.now() - started) / 1000;
      const received = message as ChildMessage | null;
      if (received && "measurements" in received) {
        resolve({ scenario: title, measurements: received.measurements, seconds });
        return;
      }
      const error =
        received?.error ?? `The scenario's process ended (${signal ?? `exit code ${code}`}) without results.`;
      resolve({ scenario: title, measurements: [], error, seconds });
    });
  });
}

async function postgresVersion(databaseUrl: string): Promise<string | null> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    return row?.server_version ?? null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function stopRunningChild(): Promise<void> {
  const child = runningChild;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const names = parseScenarios(args);
  const loadSeconds = parseLoadSeconds();
  const started = performance.now();
  exitCleanlyOnSignals(stopRunningChild);

  const databaseName = benchDatabaseName();
  progress(`creating database ${databaseName}`);
  const databaseUrl = await createBenchDatabase(databaseName);
  onCleanup(async () => {
    progress(`dropping database ${databaseName}`);
    await dropBenchDatabase(databaseName);
  });

  const context: ScenarioContext = {
    databaseUrl,
    loadSeconds,
    buildDirectory: process.env.BENCH_BUILD_DIR ?? null,
  };
  const env = scenarioEnvironment(databaseUrl, context);
  progress("applying migrations");
  await migrateBenchDatabase(databaseUrl, env);
  const machine = describeMachine(await postgresVersion(databaseUrl));
  progress(
    `machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}`,
  );

  const results: ScenarioResult[] = [];
  for (const name of names) {
    progress(`scenario ${name}: starting`);
    const result = await runScenario(name, env);
    // The signal handler is cleaning up and exits when done; nothing more starts.
    if (wasInterrupted()) return 130;
    progress(`scenario ${name}: ${result.error ? "failed" : "done"} in ${result.seconds.toFixed(0)} s`);
    if (result.error) process.stderr.write(`${result.error}\n`);
    results.push(result);
  }
  await runCleanup();

  const table = renderTable(results);
  const { missed, errors } = countFailures(results);
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(`\n${table}\n`);
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ date: new Date().toISOString(), seconds, loadSeconds, machine, results }, null, 2)}\n`,
  );
  progress(`wrote ${RESULTS_FILE} after ${seconds} s`);
  if (loadSeconds < DEFAULT_LOAD_SECONDS) {
    progress(
      `BENCH_LOAD_SECONDS=${loadSeconds} is shorter than the ${DEFAULT_LOAD_SECONDS} s the page targets assume`,
    );
  }
  if (missed.length > 0 || errors.length > 0) {
    progress(`${missed.length} target(s) missed, ${errors.length} scenario(s) failed`);
    return 1;
  }

  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await runCleanup();
  process.exitCode = 1;
}
