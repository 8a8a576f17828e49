import { eq } from "drizzle-orm";
import { getDb, user } from "@/lib/db";
import { getLogger } from "@/lib/log";
import { disconnectX } from "./disconnect-x";

/**
 * Revokes the user's X tokens, then deletes the user. Every row the user owns
 * (accounts, sessions, articles, insights, threads, posts, slots) references
 * the user with ON DELETE CASCADE, so one delete removes them all.
 */
export async function deleteAccount(userId: string): Promise<void> {
  await disconnectX(userId);
  await getDb().delete(user).where(eq(user.id, userId));
  getLogger().info({ userId }, "account deleted");
}
