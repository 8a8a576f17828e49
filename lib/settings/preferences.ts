import { and, asc, eq } from "drizzle-orm";
import { getDb, postingSlot, user } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type PostingSlot = typeof postingSlot.$inferSelect;

/** A writer may keep this many weekly slots: three a day covers daily posting with room. */
export const MAX_SLOTS = 21;

export async function listPostingSlots(userId: string): Promise<PostingSlot[]> {
  return getDb()
    .select()
    .from(postingSlot)
    .where(eq(postingSlot.userId, userId))
    .orderBy(asc(postingSlot.weekday), asc(postingSlot.localTime));
}

export async function addPostingSlot(userId: string, weekday: number, localTime: string): Promise<void> {
  const existing = await listPostingSlots(userId);
  if (existing.length >= MAX_SLOTS) {
    throw new AppError("invalid_input", `You can keep at most ${MAX_SLOTS} posting slots. Remove one first.`);
  }
  if (existing.some((slot) => slot.weekday === weekday && slot.localTime === localTime)) {
    throw new AppError("invalid_input", "That slot already exists.");
  }

  await getDb().insert(postingSlot).values({ userId, weekday, localTime });
}

export async function removePostingSlot(userId: string, slotId: string): Promise<void> {
  await getDb()
    .delete(postingSlot)
    .where(and(eq(postingSlot.id, slotId), eq(postingSlot.userId, userId)));
}

export async function setTimeZone(userId: string, timeZone: string): Promise<void> {
  await getDb().update(user).set({ timezone: timeZone }).where(eq(user.id, userId));
}
