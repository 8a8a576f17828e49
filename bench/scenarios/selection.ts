import type { InngestTestEngine } from "@inngest/test";
import postgres from "postgres";
import { installLoggingDatabase, type QueryLog, summarizeStatements } from "../lib/app-database";
import { onCleanup } from "../lib/cleanup";
import { explainQuery, type PlanSummary } from "../lib/query-plans";
import { BURST_THREADS, SCALE_ACCOUNTS, SCALE_THREADS, seedScaleData } from "../lib/seed-scale";
import { formatNumber, median, progress, timeAsync } from "../lib/stats";
import { measurement, type Measurement, type ScenarioContext } from "../lib/types";

const SCENARIO = "Background selection";
const WARMUP_CALLS = 5;
const TIMED_CALLS = 30;
// More mocked sendEvent steps than any run here needs: the functions send at most 100 events per step.
const MOCKED_SEND_STEPS = 100;

type App = Awaited<ReturnType<typeof loadApp>>;

async function loadApp() {
  const [db, drizzle, dispatch, refresh, dispatcher, refreshCron, inngestTest] = await Promise.all([
    import("@/lib/db"),
    import("drizzle-orm"),
    import("@/lib/publishing/dispatch"),
    import("@/lib/publishing/token-refresh"),
    import("@/inngest/functions/dispatch-due-threads"),
    import("@/inngest/functions/refresh-tokens"),
    import("@inngest/test"),
  ]);

  return { ...db, eq: drizzle.eq, ...dispatch, ...refresh, ...dispatcher, ...refreshCron, ...inngestTest };
}

interface Selection {
  label: string;
  call: () => Promise<unknown[]>;
}

/** Times each selection against a primary-key lookup of a random thread, calls interleaved. */
async function timeAgainstPrimaryKey(
  app: App,
  threadIds: readonly string[],
  selections: readonly Selection[],
) {
  const lookUp = (index: number) =>
    app
      .getDb()
      .select()
      .from(app.thread)
      .where(app.eq(app.thread.id, threadIds[index % threadIds.length]!))
      .limit(1);
  for (let index = 0; index < WARMUP_CALLS; index += 1) {
    await lookUp(index);
    for (const selection of selections) await selection.call();
  }

  const primaryKeyMs: number[] = [];
  const selectionMs = selections.map(() => [] as number[]);
  const rowCounts = selections.map(() => 0);
  for (let index = 0; index < TIMED_CALLS; index += 1) {
    for (const [position, selection] of selections.entries()) {
      primaryKeyMs.push((await timeAsync(() => lookUp(index * selections.length + position))).wallMs);
      const { wallMs, result } = await timeAsync(selection.call);
      selectionMs[position]!.push(wallMs);
      rowCounts[position] = result.length;
    }
  }

  return { primaryKeyMs: median(primaryKeyMs), selectionMs: selectionMs.map(median), rowCounts };
}

async function explainSelection(
  sql: postgres.Sql,
  log: QueryLog,
  selection: Selection,
): Promise<PlanSummary[]> {
  log.reset();
  await selection.call();
  const queries = log.queries;

  return Promise.all(queries.map((query) => explainQuery(sql, query)));
}

function planDetail(plans: readonly PlanSummary[]): string {
  return plans
    .map(
      (plan, index) => `query ${index + 1} (${formatNumber(plan.executionMs)} ms): ${plan.scans.join(", ")}`,
    )
    .join("; ");
}

interface FanOut {
  events: number;
  batches: number[];
  statements: string;
  statementCount: number;
  wallMs: number;
}

// Runs a cron function through @inngest/test with every sendEvent step
// mocked, so that the real selection and marking run and nothing is sent.
async function runCron(
  app: App,
  log: QueryLog,
  fn: ConstructorParameters<typeof InngestTestEngine>[0]["function"],
  stepPrefix: string,
): Promise<FanOut> {
  const steps = Array.from({ length: MOCKED_SEND_STEPS }, (_, index) => ({
    id: `${stepPrefix}-${index}`,
    handler: () => undefined,
  }));
  const engine = new app.InngestTestEngine({ function: fn, steps });
  log.reset();
  const { wallMs, result } = await timeAsync(() => engine.execute());
  const sendEvent = result.ctx.step.sendEvent as unknown as { mock: { calls: [string, unknown[]][] } };
  const batches = sendEvent.mock.calls.map(([, events]) => events.length);

  return {
    events: batches.reduce((sum, size) => sum + size, 0),
    batches,
    statements: summarizeStatements(log.queries),
    statementCount: log.queries.length,
    wallMs,
  };
}

function fanOutRow(name: string, fanOut: FanOut): Measurement {
  const largest = Math.max(0, ...fanOut.batches);

  return measurement({
    scenario: SCENARIO,
    name,
    value: fanOut.batches.length === 0 ? 0 : fanOut.events / fanOut.batches.length,
    unit: "events per sendEvent step",
    target: { on: "value", comparison: ">=", limit: 2 },
    detail:
      `${formatNumber(fanOut.events)} events in ${fanOut.batches.length} sendEvent steps of at most ${largest}; ` +
      `the run took ${formatNumber(fanOut.wallMs)} ms and ${formatNumber(fanOut.statementCount)} SQL statements (${fanOut.statements})`,
  });
}

export async function run(context: ScenarioContext): Promise<Measurement[]> {
  const sql = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
  onCleanup(() => sql.end({ timeout: 5 }));
  progress(
    `selection: seeding ${formatNumber(SCALE_ACCOUNTS)} accounts and ${formatNumber(SCALE_THREADS)} threads`,
  );
  const seeded = await timeAsync(() => seedScaleData(sql));
  progress(`selection: seeded in ${(seeded.wallMs / 1000).toFixed(0)} s`);

  const log = await installLoggingDatabase(context.databaseUrl);
  const app = await loadApp();
  const sample = await sql<{ id: string }[]>`select id from thread tablesample system (1) limit 500`;
  const threadIds = sample.map((row) => row.id);

  const selections: Selection[] = [
    { label: "Dispatcher: findDueThreads", call: () => app.findDueThreads() },
    { label: "Refresh cron: findAccountsToRefresh", call: () => app.findAccountsToRefresh() },
  ];
  progress("selection: timing the selection queries against a primary-key lookup");
  const timing = await timeAgainstPrimaryKey(app, threadIds, selections);

  progress("selection: EXPLAIN ANALYZE of each query");
  const plans: PlanSummary[][] = [];
  for (const selection of selections) plans.push(await explainSelection(sql, log, selection));

  progress("selection: running both cron functions with sendEvent mocked");
  const dispatcherFanOut = await runCron(app, log, app.dispatchDueThreads, "send-publish-requests");
  const refreshFanOut = await runCron(app, log, app.scheduleTokenRefreshes, "send-refresh-requests");

  const scale = `${formatNumber(SCALE_ACCOUNTS)} accounts, ${formatNumber(SCALE_THREADS)} threads (${formatNumber(BURST_THREADS)} due in the same minute)`;
  const rows: Measurement[] = [];
  for (const [position, selection] of selections.entries()) {
    const selectionPlans = plans[position]!;
    const seqScans = selectionPlans.flatMap((plan) => plan.seqScansOnLargeTables);
    rows.push(
      measurement({
        scenario: SCENARIO,
        name: selection.label,
        value: timing.selectionMs[position]!,
        unit: "ms",
        baseline: { name: "thread by primary key", value: timing.primaryKeyMs, unit: "ms" },
        target: { on: "ratio", comparison: "<=", limit: 10 },
        detail: `${scale}; ${formatNumber(timing.rowCounts[position]!)} rows returned; median of ${TIMED_CALLS} calls, each after a primary-key lookup`,
      }),
      measurement({
        scenario: SCENARIO,
        name: `${selection.label}: sequential scans of large tables`,
        value: seqScans.length,
        unit: "scans",
        target: { on: "value", comparison: "<=", limit: 0 },
        detail: `EXPLAIN ANALYZE, ${selectionPlans.length} ${selectionPlans.length === 1 ? "query" : "queries"}: ${planDetail(selectionPlans)}`,
      }),
    );
  }
  rows.push(
    fanOutRow("Dispatcher run: fan-out", dispatcherFanOut),
    fanOutRow("Refresh cron run: fan-out", refreshFanOut),
  );

  return rows;
}
