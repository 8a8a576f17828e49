import { fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onCleanup } from "../lib/cleanup";
import type { DistillRun } from "../lib/distill-worker";
import { buildArticle, loadFixtureArticles } from "../lib/fixtures";
import { formatNumber, progress } from "../lib/stats";
import { measurement, type Measurement, type Target } from "../lib/types";

const SCENARIO = "Distillation";
const WORKER = fileURLToPath(new URL("../lib/distill-worker.ts", import.meta.url));
const SIZES = [2_000, 10_000, 20_000] as const;
const WORKER_TIMEOUT_MS = 120_000;

interface SizedRun extends DistillRun {
  targetWords: number;
  words: number;
}

function runWorker(file: string): Promise<DistillRun> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [file], { execArgv: ["--import", "tsx", "--expose-gc"], stdio: "inherit" });
    const timer = setTimeout(() => child.kill("SIGKILL"), WORKER_TIMEOUT_MS);
    let result: DistillRun | null = null;
    child.on("message", (message) => {
      result = message as DistillRun;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else
        reject(
          new Error(
            `The distillation worker for ${file} ended (${signal ?? `code ${code}`}) without a result.`,
          ),
        );
    });
  });
}

function sizeLabel(run: SizedRun): string {
  return `${formatNumber(run.targetWords)} words`;
}

function growthRows(run: SizedRun, smaller: SizedRun | undefined, timeTarget?: Target): Measurement[] {
  const time = measurement({
    scenario: SCENARIO,
    name: `distillArticle, ${sizeLabel(run)}`,
    value: run.warmCpuMs,
    unit: "ms CPU",
    baseline: smaller ? { name: sizeLabel(smaller), value: smaller.warmCpuMs, unit: "ms CPU" } : undefined,
    target: timeTarget,
    detail:
      `${formatNumber(run.words)} words counted, ${run.insights} insights; median of 4 runs after a first run ` +
      `of ${formatNumber(run.coldCpuMs)} ms CPU (${formatNumber(run.warmWallMs)} ms wall)`,
  });
  const memory = measurement({
    scenario: SCENARIO,
    name: `Peak memory growth, ${sizeLabel(run)}`,
    value: run.peakRssGrowthBytes / 1_000_000,
    unit: "MB",
    baseline: smaller
      ? { name: sizeLabel(smaller), value: smaller.peakRssGrowthBytes / 1_000_000, unit: "MB" }
      : undefined,
    detail: `resident set growth during the first run in a fresh process (${run.peakSource})`,
  });

  return [time, memory];
}

export async function run(): Promise<Measurement[]> {
  progress("distillation: building articles from the fixtures");
  const articles = loadFixtureArticles();
  const directory = mkdtempSync(path.join(os.tmpdir(), "insightprose-bench-distill-"));
  onCleanup(() => rmSync(directory, { recursive: true, force: true }));

  const runs: SizedRun[] = [];
  for (const targetWords of SIZES) {
    const { body, words } = buildArticle(articles, targetWords);
    const file = path.join(directory, `article-${targetWords}.md`);
    writeFileSync(file, body);
    progress(`distillation: ${formatNumber(words)} words in a fresh process`);
    runs.push({ ...(await runWorker(file)), targetWords, words });
  }

  const [small, medium, large] = runs as [SizedRun, SizedRun, SizedRun];

  return [
    ...growthRows(small, undefined),
    ...growthRows(medium, small),
    ...growthRows(large, medium, { on: "ratio", comparison: "<=", limit: 2.5 }),
  ];
}
