export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** CPU time (user and system, all threads of this process) in milliseconds. */
export function cpuMilliseconds(): number {
  const usage = process.cpuUsage();

  return (usage.user + usage.system) / 1000;
}

export interface Timing {
  cpuMs: number;
  wallMs: number;
}

/** Runs `body` once and returns the CPU and wall time it took, in milliseconds. */
export function timeSync(body: () => void): Timing {
  const cpuStart = cpuMilliseconds();
  const wallStart = performance.now();
  body();

  return { cpuMs: cpuMilliseconds() - cpuStart, wallMs: performance.now() - wallStart };
}

/** Runs `body` once and returns the wall time it took, in milliseconds, with its result. */
export async function timeAsync<T>(body: () => Promise<T>): Promise<{ wallMs: number; result: T }> {
  const start = performance.now();
  const result = await body();

  return { wallMs: performance.now() - start, result };
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  let digits = 3;
  if (magnitude >= 100) digits = 0;
  else if (magnitude >= 10) digits = 1;
  else if (magnitude >= 1) digits = 2;

  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${formatNumber(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${formatNumber(bytes / 1_000)} kB`;

  return `${bytes} B`;
}

/** Prints one progress line on stderr, so that stdout keeps only the results table. */
export function progress(message: string): void {
  const time = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${time}] ${message}\n`);
}
