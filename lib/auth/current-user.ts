import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb, user } from "@/lib/db";
import { auth } from "./index";

export type CurrentUser = typeof user.$inferSelect;

/** Loads the signed-in user once per request, or null for a visitor. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;

  const [row] = await getDb().select().from(user).where(eq(user.id, id)).limit(1);
  return row ?? null;
});

/**
 * Returns the signed-in user, or sends the request to the sign-in page.
 * Every page, server action and route handler that touches user data starts here.
 */
export async function requireUser(): Promise<CurrentUser> {
  const current = await getCurrentUser();
  if (!current) redirect("/signin");

  return current;
}
