import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { TimeZoneField } from "@/components/time-zone-field";
import { XLogo } from "@/components/x-logo";
import { getCurrentUser } from "@/lib/auth/current-user";
import { parseSignInFailure, SIGN_IN_FAILURE_MESSAGES } from "@/lib/auth/sign-in-errors";
import { getXEndpoints } from "@/lib/x/endpoints";
import { signInWithX } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<{ error?: string | string[]; callbackUrl?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : "/dashboard";
  const hasError = params.error !== undefined;

  if (!hasError && (await getCurrentUser()))
    redirect(callbackUrl.startsWith("/") ? callbackUrl : "/dashboard");

  const endpoints = getXEndpoints();
  const failure = hasError ? parseSignInFailure(params.error) : null;

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-16">
      <Link href="/" className="font-serif text-xl font-semibold">
        InsightProse
      </Link>
      <h1 className="mt-8 font-serif text-3xl font-semibold">
        {failure ? "The sign-in did not finish" : "Sign in with your X account"}
      </h1>

      {failure ? (
        <p role="alert" className="mt-4 rounded-lg bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">
          {SIGN_IN_FAILURE_MESSAGES[failure]}
        </p>
      ) : (
        <p className="mt-4 text-neutral-700">
          InsightProse posts the threads you schedule from this account. It asks X for permission to read your
          profile and posts, and to post for you; it never sees your X password.
        </p>
      )}

      <form action={signInWithX} className="mt-8">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TimeZoneField />
        <button
          type="submit"
          className="inline-flex w-full items-center justify-center gap-2 rounded-full bg-ink px-6 py-3 font-semibold text-white hover:bg-black focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        >
          <XLogo />
          {failure ? "Try again with X" : "Continue with X"}
        </button>
      </form>

      {endpoints.isSandbox && (
        <p className="mt-6 rounded-lg bg-accent-soft p-4 text-sm text-neutral-800">
          Development mode: no X app is configured, so sign-in goes to the local X sandbox at{" "}
          <code className="font-mono">{endpoints.apiBaseUrl}</code>, where you pick or create a test user.
        </p>
      )}
    </main>
  );
}
