// Distils one article in a fresh process, so that its peak memory is its own:
// `node --expose-gc --import tsx bench/lib/distill-worker.ts <body file>`.
// Sends a DistillRun over IPC.
import { readFileSync, writeFileSync } from "node:fs";
import { distillArticle } from "@/lib/articles/distill/distill-article";
import { median, timeSync } from "./stats";

export interface DistillRun {
  insights: number;
  /** CPU time of the first run, which includes compiling the code. */
  coldCpuMs: number;
  /** Median CPU time of the runs after the first. */
  warmCpuMs: number;
  warmWallMs: number;
  /** Highest growth of the resident set during the first run, over its size before it. */
  peakRssGrowthBytes: number;
  /** Source of the peak: Linux's VmHWM after a reset, or the process's lifetime maxRSS. */
  peakSource: "VmHWM" | "maxRSS";
}

const WARM_RUNS = 4;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("Run the distillation worker with node --expose-gc.");
  gc();
}

// Resets Linux's peak resident set size (VmHWM) to the current size; returns false elsewhere.
function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function peakRssBytes(fromProc: boolean): number {
  if (fromProc) {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match?.[1]) return Number(match[1]) * 1024;
  }

  return process.resourceUsage().maxRSS * 1024;
}

function main(): DistillRun {
  const file = process.argv[2];
  if (!file) throw new Error("Pass the file holding the article body.");
  const article = { body: readFileSync(file, "utf8"), language: "en", title: "Benchmark article" };

  collectGarbage();
  const isReset = resetPeakRss();
  const rssBefore = process.memoryUsage().rss;
  let insights = 0;
  const cold = timeSync(() => {
    insights = distillArticle(article).length;
  });
  // The peak is read after the first run only, before garbage from later runs piles up.
  const peakRssGrowthBytes = Math.max(0, peakRssBytes(isReset) - rssBefore);
  const warm = Array.from({ length: WARM_RUNS }, () => timeSync(() => distillArticle(article)));

  return {
    insights,
    coldCpuMs: cold.cpuMs,
    warmCpuMs: median(warm.map((run) => run.cpuMs)),
    warmWallMs: median(warm.map((run) => run.wallMs)),
    peakRssGrowthBytes,
    peakSource: isReset ? "VmHWM" : "maxRSS",
  };
}

const result = main();
process.send?.(result, () => process.exit(0));
if (!process.send) console.log(JSON.stringify(result));
