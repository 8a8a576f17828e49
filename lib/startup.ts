import { ConfigError, getConfig } from "@/lib/config";
import { migrateDatabase } from "@/lib/db";

/**
 * Checks the configuration and prepares the database when a server instance
 * starts. An invalid configuration ends the process with a message naming
 * each variable, so a misconfigured deploy never serves requests.
 */
export async function prepareServer(): Promise<void> {
  let config;
  try {
    config = getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`InsightProse cannot start. ${error.message}`);
    process.exit(1);
  }

  if (config.appEnv !== "production") await migrateDatabase();
}
