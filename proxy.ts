import { NextResponse, type NextRequest } from "next/server";
import { nextWithPagePolicy } from "@/lib/security/page-policy";

// Pages anyone may see. Everything else under the matcher needs a session.
const PUBLIC_PATHS = new Set(["/", "/signin"]);

// Auth.js names the cookie with the __Secure- prefix on https origins.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Sends signed-out visitors of app pages to sign-in before any page renders,
 * and gives each page request the nonce of its Content-Security-Policy. It
 * only looks for the session cookie: each page still loads the session from
 * the database through requireUser().
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const isAllowed = PUBLIC_PATHS.has(pathname) || SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (isAllowed) return isApi ? NextResponse.next() : nextWithPagePolicy(request);

  if (isApi) {
    return NextResponse.json({ error: "Sign in to use this endpoint." }, { status: 401 });
  }
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);

  return NextResponse.redirect(signIn);
}

export const config = {
  // Leaves Auth.js, Inngest, the health check, Next.js assets and files with an extension alone.
  matcher: ["/((?!api/auth|api/inngest|api/health|_next/static|_next/image|.*\\.[A-Za-z0-9]+$).*)"],
};
