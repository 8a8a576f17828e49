import { readFileSync } from "node:fs";
import os from "node:os";
import { formatNumber } from "./stats";
import type { Measurement, ScenarioResult, Target } from "./types";

export interface Machine {
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  node: string;
  platform: string;
  postgres: string | null;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (match?.[1]) return match[1].trim();
  } catch {
    // Not Linux: os.cpus() below has the same name.
  }

  return os.cpus()[0]?.model ?? "unknown";
}

export function describeMachine(postgresVersion: string | null): Machine {
  return {
    cpuModel: cpuModel(),
    cpus: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    postgres: postgresVersion,
  };
}

const COMPARISON_SIGNS: Record<Target["comparison"], string> = { "<=": "≤", "<": "<", ">=": "≥" };

function formatTarget(target: Target, unit: string): string {
  const comparison = COMPARISON_SIGNS[target.comparison];

  return target.on === "ratio"
    ? `ratio ${comparison} ${formatNumber(target.limit)}`
    : `${comparison} ${formatNumber(target.limit)} ${unit}`;
}

function resultCell(measured: Measurement): string {
  if (measured.passed === undefined) return "";

  return measured.passed ? "pass" : "**FAIL**";
}

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** Renders the results as one Markdown table, followed by numbered notes with each row's details. */
export function renderTable(results: readonly ScenarioResult[]): string {
  const lines = [
    "| Scenario | Measure | Value | Baseline (same run) | Ratio | Target | Result |",
    "|---|---|---:|---|---:|---|---|",
  ];
  const notes: string[] = [];

  for (const result of results) {
    for (const measured of result.measurements) {
      let name = measured.name;
      if (measured.detail) {
        notes.push(measured.detail);
        name += ` [${notes.length}]`;
      }
      const cells = [
        measured.scenario,
        name,
        `${formatNumber(measured.value)} ${measured.unit}`,
        measured.baseline
          ? `${measured.baseline.name}: ${formatNumber(measured.baseline.value)} ${measured.baseline.unit}`
          : "",
        measured.ratio === undefined ? "" : `${formatNumber(measured.ratio)}×`,
        measured.target ? formatTarget(measured.target, measured.unit) : "",
        resultCell(measured),
      ];
      lines.push(`| ${cells.map(escapeCell).join(" | ")} |`);
    }
    if (result.error) {
      notes.push(result.error.split("\n")[0] ?? result.error);
      lines.push(
        `| ${escapeCell(result.scenario)} | did not finish [${notes.length}] |  |  |  |  | **ERROR** |`,
      );
    }
  }

  const noteLines = notes.map((note, index) => `${index + 1}. ${note}`);

  return [...lines, "", ...noteLines].join("\n");
}

export function countFailures(results: readonly ScenarioResult[]): {
  missed: Measurement[];
  errors: ScenarioResult[];
} {
  return {
    missed: results.flatMap((result) => result.measurements.filter((measured) => measured.passed === false)),
    errors: results.filter((result) => result.error !== undefined),
  };
}
