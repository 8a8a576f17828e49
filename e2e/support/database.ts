import postgres from "postgres";

/**
 * Opens a connection to the database the app under test uses. Only PostgreSQL can
 * be read from a second process: with PGlite, tests that inspect rows skip.
 */
export function openAppDatabase() {
  const url = process.env.DATABASE_URL;
  return url ? postgres(url, { max: 2, onnotice: () => {} }) : null;
}

export const NEEDS_DATABASE =
  "needs DATABASE_URL: the app's PGlite database cannot be read from the test process";
