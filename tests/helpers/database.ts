import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { resetConfigCache } from "@/lib/config";
import { closeDb, getDb, migrateDatabase } from "@/lib/db";
import { templateDatabaseUrl, withDatabaseName } from "./database-names";

/**
 * Gives the calling test file a database of its own: a copy of the migrated
 * template on PostgreSQL when DATABASE_URL is set, an in-memory PGlite otherwise.
 * App code reaches it through getDb() as usual.
 */
export function setupTestDatabase() {
  const serverUrl = process.env.DATABASE_URL;
  const name = `t_${randomBytes(6).toString("hex")}`;

  beforeAll(async () => {
    if (serverUrl) {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`create database "${name}" template "${templateDatabaseUrl(serverUrl).name}"`);
      } finally {
        await admin.end();
      }
      process.env.DATABASE_URL = withDatabaseName(serverUrl, name);
    } else {
      process.env.PGLITE_DIR = "memory://";
    }

    resetConfigCache();
    await closeDb();
    await migrateDatabase();
  });

  afterAll(async () => {
    await closeDb();
    if (!serverUrl) return;

    process.env.DATABASE_URL = serverUrl;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await admin.end();
    }
  });

  return {
    get db() {
      return getDb();
    },
  };
}
