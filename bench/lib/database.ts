import { spawn } from "node:child_process";
import postgres from "postgres";
import { progress } from "./stats";

/** The PostgreSQL server the bench creates its database on; trust authentication is expected. */
export const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

const NAME_PREFIX = "insightprose_bench_";

export function serverUrl(): string {
  return process.env.BENCH_POSTGRES_URL ?? DEFAULT_SERVER_URL;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;

  return parsed.toString();
}

export function benchDatabaseName(pid = process.pid): string {
  return `${NAME_PREFIX}${pid}`;
}

function adminClient() {
  return postgres(serverUrl(), { max: 1, onnotice: () => {}, connect_timeout: 10 });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Drops bench databases whose run was killed before it could drop them (its process is gone). */
async function dropStaleDatabases(sql: postgres.Sql): Promise<void> {
  const rows = await sql<{ datname: string }[]>`
    select datname from pg_database where datname like ${`${NAME_PREFIX}%`}`;
  for (const { datname } of rows) {
    const pid = Number(datname.slice(NAME_PREFIX.length));
    if (!Number.isSafeInteger(pid) || pid === process.pid || isProcessAlive(pid)) continue;
    progress(`dropping ${datname}, left by an earlier run that did not finish`);
    await sql.unsafe(`drop database if exists "${datname}" with (force)`);
  }
}

/** Creates an empty database for this run and returns its connection string. */
export async function createBenchDatabase(name: string): Promise<string> {
  const sql = adminClient();
  try {
    await dropStaleDatabases(sql);
    await sql.unsafe(`create database "${name}"`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Creating the bench database ${name} on ${new URL(serverUrl()).host} failed: ${reason}. ` +
        "Start PostgreSQL there or set BENCH_POSTGRES_URL to a server where this user may create databases.",
    );
  } finally {
    await sql.end({ timeout: 5 });
  }

  return withDatabaseName(serverUrl(), name);
}

export async function dropBenchDatabase(name: string): Promise<void> {
  const sql = adminClient();
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Applies the app's migrations with its own script, as a deploy does. */
export function migrateBenchDatabase(databaseUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
      env: { ...env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`scripts/migrate.ts exited with code ${code}: ${errors.trim()}`));
    });
  });
}
