import { cookies } from "next/headers";
import { setTimeZone } from "@/lib/settings/preferences";
import { isValidTimeZone } from "@/lib/time/zoned";

export const SIGN_IN_TIME_ZONE_COOKIE = "insightprose-sign-in-tz";

/** Gives a new user the time zone their browser reported when they started signing in. */
export async function adoptSignInTimeZone(userId: string): Promise<void> {
  const store = await cookies();
  const timeZone = store.get(SIGN_IN_TIME_ZONE_COOKIE)?.value;
  if (!timeZone || !isValidTimeZone(timeZone)) return;

  await setTimeZone(userId, timeZone);
  store.delete(SIGN_IN_TIME_ZONE_COOKIE);
}
