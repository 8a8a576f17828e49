import { addDays, toWallTime, wallTimeToInstant, weekdayOf } from "./zoned";

export interface WeeklySlot {
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  /** HH:MM in the writer's time zone. */
  localTime: string;
}

/** How far ahead "Add to queue" looks for a free slot. */
export const QUEUE_HORIZON_DAYS = 56;

/**
 * Finds the next posting slot after `after` that no scheduled thread uses.
 * Days and weekdays are the writer's, computed in `timeZone`. A slot on a
 * daylight-saving day resolves as wallTimeToInstant does: a skipped time moves
 * to the next valid minute, and a repeated time takes its first occurrence.
 * An occurrence counts as used when a scheduled thread's instant equals it, so
 * each is used at most once.
 */
export function nextFreeSlot(input: {
  slots: readonly WeeklySlot[];
  timeZone: string;
  after: Date;
  takenInstants: ReadonlySet<number>;
}): Date | null {
  if (input.slots.length === 0) return null;

  const sortedSlots = [...input.slots].sort((a, b) => a.localTime.localeCompare(b.localTime));
  const today = toWallTime(input.after, input.timeZone).date;
  for (let offset = 0; offset <= QUEUE_HORIZON_DAYS; offset += 1) {
    const date = addDays(today, offset);
    const weekday = weekdayOf(date);
    for (const slot of sortedSlots) {
      if (slot.weekday !== weekday) continue;
      const instant = wallTimeToInstant({ date, time: slot.localTime }, input.timeZone);
      if (!instant || instant.getTime() <= input.after.getTime()) continue;
      if (input.takenInstants.has(instant.getTime())) continue;

      return instant;
    }
  }

  return null;
}
