export { closeDb, getDb, migrateDatabase, type Database } from "./client";
export * from "./schema";
