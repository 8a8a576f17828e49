import { and, eq } from "drizzle-orm";
import { account, getDb } from "@/lib/db";

export type XAccount = typeof account.$inferSelect;

/** Loads the X account linked to a user, or null when there is none. */
export async function getXAccount(userId: string): Promise<XAccount | null> {
  const [row] = await getDb()
    .select()
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.provider, "twitter")))
    .limit(1);

  return row ?? null;
}
