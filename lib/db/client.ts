import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getConfig } from "@/lib/config";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

interface Connection {
  key: string;
  db: Database;
  close: () => Promise<void>;
  migrate: () => Promise<void>;
}

// One connection per process: Next.js dev reloads modules, and PGlite allows
// a single instance per data directory, so the client lives on globalThis.
const globalForDb = globalThis as unknown as {
  insightproseDb?: Connection;
  insightproseMigration?: Promise<void>;
};

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

function openConnection(): Connection {
  const { database } = getConfig();

  if (database.kind === "postgres") {
    const client = postgres(database.url, {
      max: database.poolMax,
      // Transaction poolers (PgBouncer, Supavisor in transaction mode) cannot keep prepared statements.
      prepare: !database.transactionPooler,
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema });
    return {
      key: database.url,
      db,
      close: () => client.end({ timeout: 5 }),
      migrate: async () => {
        const { migrate } = await import("drizzle-orm/postgres-js/migrator");
        await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      },
    };
  }

  const isInMemory = database.dataDir.startsWith("memory://");
  if (!isInMemory) mkdirSync(database.dataDir, { recursive: true });
  const client = new PGlite(database.dataDir);
  const db = drizzlePglite(client, { schema });
  return {
    key: `pglite:${database.dataDir}`,
    db,
    close: () => client.close(),
    migrate: async () => {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    },
  };
}

function getConnection(): Connection {
  globalForDb.insightproseDb ??= openConnection();
  return globalForDb.insightproseDb;
}

export function getDb(): Database {
  return getConnection().db;
}

/** Applies pending migrations once per process. Production runs `npm run db:migrate` at deploy instead. */
export function migrateDatabase(): Promise<void> {
  globalForDb.insightproseMigration ??= getConnection().migrate();
  return globalForDb.insightproseMigration;
}

export async function closeDb(): Promise<void> {
  const connection = globalForDb.insightproseDb;
  globalForDb.insightproseDb = undefined;
  globalForDb.insightproseMigration = undefined;
  if (connection) await connection.close();
}
