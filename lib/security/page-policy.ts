import { NextResponse, type NextRequest } from "next/server";
import { getXEndpoints } from "@/lib/x/endpoints";
import { buildPagePolicy, createNonce } from "./content-security-policy";

/**
 * Lets a page request through with a fresh CSP nonce. Next.js takes the nonce
 * from the request's Content-Security-Policy header and adds it to the scripts
 * it renders, so this works only for pages rendered per request: a prerendered
 * page has no nonce and the browser would block its scripts.
 */
export function nextWithPagePolicy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const endpoints = getXEndpoints();
  const policy = buildPagePolicy({
    nonce,
    isDevelopment: process.env.NODE_ENV === "development",
    authorizeOrigin: new URL(endpoints.authorizeUrl).origin,
    imageOrigins: endpoints.isSandbox ? [new URL(endpoints.apiBaseUrl).origin] : [],
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);

  return response;
}
