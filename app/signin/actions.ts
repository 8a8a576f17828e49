"use server";

import { cookies } from "next/headers";
import { signIn } from "@/lib/auth";
import { SIGN_IN_TIME_ZONE_COOKIE } from "@/lib/auth/time-zone-cookie";
import { isValidTimeZone } from "@/lib/time/zoned";

/** Accepts only a path on this site, so the sign-in cannot be used to redirect elsewhere. */
function safeRedirectPath(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return "/dashboard";
  }

  return value;
}

export async function signInWithX(formData: FormData) {
  const timeZone = formData.get("timeZone");
  if (typeof timeZone === "string" && isValidTimeZone(timeZone)) {
    // Read back once the user exists, to start them in the browser's time zone.
    (await cookies()).set(SIGN_IN_TIME_ZONE_COOKIE, timeZone, {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production" && process.env.APP_ENV !== "test",
      maxAge: 60 * 30,
      path: "/",
    });
  }

  await signIn("twitter", { redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
}
