import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/lib/db/schema";
import { onCleanup } from "./cleanup";

export interface LoggedQuery {
  sql: string;
  parameters: unknown[];
}

/** Every statement the app sent through its database client since the last reset. */
export interface QueryLog {
  queries: LoggedQuery[];
  reset(): void;
}

// lib/db/client.ts keeps its one connection on globalThis under this name and
// opens a new one only when the slot is empty.
const CLIENT_SLOT = "insightproseDb";

/**
 * Gives the app's getDb() a postgres.js client whose `debug` hook logs every
 * statement, with the options lib/db/client.ts uses (pool of 10, prepared
 * statements). Call before anything calls getDb(). Throws when lib/db no longer
 * takes the client from that slot, because counts would then miss statements.
 */
export async function installLoggingDatabase(databaseUrl: string): Promise<QueryLog> {
  const log: QueryLog = {
    queries: [],
    reset() {
      this.queries = [];
    },
  };
  const client = postgres(databaseUrl, {
    max: 10,
    onnotice: () => {},
    debug: (_connection, sql, parameters) => {
      log.queries.push({ sql, parameters });
    },
  });
  const db = drizzle(client, { schema });
  const slots = globalThis as Record<string, unknown>;
  if (slots[CLIENT_SLOT])
    throw new Error("The app's database client was opened before the logging one was installed.");
  slots[CLIENT_SLOT] = {
    key: databaseUrl,
    db,
    close: () => client.end({ timeout: 5 }),
    migrate: async () => {},
  };
  onCleanup(() => client.end({ timeout: 5 }));

  const { getDb } = await import("@/lib/db");
  if ((getDb() as unknown) !== db) {
    throw new Error(
      `lib/db/client.ts no longer reads its client from globalThis.${CLIENT_SLOT}; update bench/lib/app-database.ts.`,
    );
  }

  return log;
}

/** Returns a short name for a statement, such as `update thread_post`, for breakdowns in the report. */
export function describeStatement(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? "?";
  const table =
    verb === "select"
      ? /\bfrom\s+"?(\w+)"?/i.exec(sql)?.[1]
      : /^\s*(?:insert\s+into|update|delete\s+from)\s+"?(\w+)"?/i.exec(sql)?.[1];

  return table ? `${verb} ${table}` : verb;
}

/** Counts statements by their short name, most frequent first: `update thread_post ×2, select account`. */
export function summarizeStatements(queries: readonly LoggedQuery[]): string {
  const counts = new Map<string, number>();
  for (const query of queries) {
    const name = describeStatement(query.sql);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }

  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => (count > 1 ? `${name} ×${count}` : name))
    .join(", ");
}
