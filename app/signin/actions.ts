"use server";

import { signIn } from "@/lib/auth";

/** Accepts only a path on this site, so the sign-in cannot be used to redirect elsewhere. */
function safeRedirectPath(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return "/dashboard";
  }

  return value;
}

export async function signInWithX(formData: FormData) {
  await signIn("twitter", { redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
}
