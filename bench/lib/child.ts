// Entry point of one scenario's child process: runs it and sends the
// measurements (or the error) to the orchestrator over the IPC channel.
import { exitCleanlyOnSignals, runCleanup } from "./cleanup";
import { isScenarioName, SCENARIOS } from "./scenarios";
import type { Measurement, ScenarioContext } from "./types";

export type ChildMessage = { measurements: Measurement[] } | { error: string };

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      console.log(JSON.stringify(message, null, 2));
      resolve();
      return;
    }
    process.send(message, () => resolve());
  });
}

// Drizzle wraps the driver's error ("Failed query: …") and keeps PostgreSQL's
// message in `cause`. The innermost cause comes first, because the report
// shows the first line.
function describeError(error: unknown): string {
  const lines: string[] = [];
  let cause = error instanceof Error ? error.cause : undefined;
  while (cause instanceof Error) {
    lines.unshift(cause.message);
    cause = cause.cause;
  }
  lines.push(error instanceof Error ? (error.stack ?? error.message) : String(error));

  return lines.join("\n");
}

async function main(): Promise<number> {
  const name = process.argv[2] ?? "";
  if (!isScenarioName(name)) {
    await send({ error: `Unknown scenario "${name}". Known: ${Object.keys(SCENARIOS).join(", ")}.` });
    return 2;
  }
  const context = JSON.parse(process.env.BENCH_CONTEXT ?? "null") as ScenarioContext | null;
  if (!context) {
    await send({ error: "BENCH_CONTEXT is missing; run scenarios through bench/run.ts." });
    return 2;
  }

  exitCleanlyOnSignals();
  try {
    const scenario = await SCENARIOS[name].load();
    const measurements = await scenario.run(context);
    await runCleanup();
    await send({ measurements });
    return 0;
  } catch (error) {
    await runCleanup();
    await send({ error: describeError(error) });
    return 1;
  }
}

// Exits explicitly: an app module may leave a timer or a pool open, and the
// measurements are already sent.
process.exit(await main());
