/** A limit that a measurement must meet, on its raw value or on its ratio to the baseline. */
export interface Target {
  on: "value" | "ratio";
  comparison: "<=" | "<" | ">=";
  limit: number;
}

/** One line of the results table. */
export interface Measurement {
  scenario: string;
  name: string;
  value: number;
  unit: string;
  /** The figure measured in the same run that `value` is compared with. */
  baseline?: { name: string; value: number; unit: string };
  /** `value / baseline.value`. */
  ratio?: number;
  target?: Target;
  passed?: boolean;
  /** Extra facts for the reader: sample sizes, query plans, causes of a miss. */
  detail?: string;
}

export interface ScenarioResult {
  scenario: string;
  measurements: Measurement[];
  /** Set when the scenario could not finish; the message names what failed. */
  error?: string;
  seconds: number;
}

/** Settings the orchestrator passes to every scenario. */
export interface ScenarioContext {
  /** Connection string of the bench database, already migrated. */
  databaseUrl: string;
  /** Seconds of load per page under autocannon. */
  loadSeconds: number;
  /** Directory for the production build; kept and reused when the user chose it. */
  buildDirectory: string | null;
}

export function meetsTarget(actual: number, target: Target): boolean {
  if (!Number.isFinite(actual)) return false;
  if (target.comparison === "<=") return actual <= target.limit;
  if (target.comparison === "<") return actual < target.limit;

  return actual >= target.limit;
}

/**
 * Builds a measurement, computing the ratio to the baseline and whether the
 * target is met.
 */
export function measurement(input: Omit<Measurement, "ratio" | "passed">): Measurement {
  const ratio = input.baseline ? input.value / input.baseline.value : undefined;
  const result: Measurement = { ...input, ratio };
  if (input.target) {
    const actual = input.target.on === "ratio" ? ratio : input.value;
    result.passed = actual !== undefined && meetsTarget(actual, input.target);
  }

  return result;
}
