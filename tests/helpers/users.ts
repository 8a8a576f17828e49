import { randomUUID } from "node:crypto";
import { getDb, user } from "@/lib/db";

/** Inserts a user row as a first sign-in would, and returns it. */
export async function createTestUser(overrides: Partial<typeof user.$inferInsert> = {}) {
  const id = randomUUID();
  const [row] = await getDb()
    .insert(user)
    .values({ id, name: "Test Writer", username: `writer_${id.slice(0, 6)}`, ...overrides })
    .returning();
  if (!row) throw new Error("Inserting a test user returned no row.");

  return row;
}
