// Applies the SQL migrations in drizzle/ to the configured database.
// Production runs this as a deploy step, before `next build`.
import nextEnvFiles from "@next/env";
import { ConfigError, getConfig } from "@/lib/config";
import { closeDb, migrateDatabase } from "@/lib/db";

// Reads .env.local and friends as Next.js does, so this migrates the database the app uses.
nextEnvFiles.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");

let config;
try {
  config = getConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Cannot migrate. ${error.message}`);
  process.exit(1);
}
const { database } = config;
const target = database.kind === "postgres" ? new URL(database.url).host : `PGlite at ${database.dataDir}`;

try {
  await migrateDatabase();
  console.info(`Migrations applied to ${target}.`);
} catch (error) {
  console.error(`Migrating ${target} failed:`, error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
