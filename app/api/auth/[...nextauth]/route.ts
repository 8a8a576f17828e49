import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { runWithFailureCapture } from "@/lib/auth/sign-in-errors";

/**
 * Runs an Auth.js handler and, when it redirects to the sign-in page with an
 * error, replaces Auth.js's generic error type with the cause it logged.
 */
async function withSignInFailure(handler: (request: NextRequest) => Promise<Response>, request: NextRequest) {
  const captured = await runWithFailureCapture(() => handler(request));
  const { result } = captured;
  // X sends the user back with error=access_denied after Cancel; Auth.js keeps only a generic error type.
  const failure =
    request.nextUrl.searchParams.get("error") === "access_denied" ? "cancelled" : captured.failure;
  const location = result.headers.get("location");
  if (!failure || !location) return result;

  const url = new URL(location, request.url);
  if (!url.searchParams.has("error")) return result;
  url.searchParams.set("error", failure);
  const headers = new Headers(result.headers);
  headers.set("location", url.toString());

  return new Response(result.body, { status: result.status, headers });
}

export function GET(request: NextRequest) {
  return withSignInFailure(handlers.GET, request);
}

export function POST(request: NextRequest) {
  return withSignInFailure(handlers.POST, request);
}
