import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { templateDatabaseUrl, withDatabaseName } from "../helpers/database-names";

// With DATABASE_URL set, builds one migrated template database per run, which
// each test file copies (CREATE DATABASE ... TEMPLATE is much faster than migrating).
export async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;

  const template = templateDatabaseUrl(url);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${template.name}" with (force)`);
    await admin.unsafe(`create database "${template.name}"`);
  } finally {
    await admin.end();
  }

  const client = postgres(withDatabaseName(url, template.name), { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(client), { migrationsFolder: "drizzle" });
  } finally {
    await client.end();
  }
}

export async function teardown() {
  const url = process.env.DATABASE_URL;
  if (!url) return;

  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${templateDatabaseUrl(url).name}" with (force)`);
  } finally {
    await admin.end();
  }
}
