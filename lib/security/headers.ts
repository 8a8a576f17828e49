import { buildApiPolicy } from "./content-security-policy";

interface Header {
  key: string;
  value: string;
}

/** Two years, the max-age that browsers' HSTS preload lists ask for. */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

/**
 * Headers for every response, in the form of next.config.ts `headers()`.
 * Pages get their Content-Security-Policy from proxy.ts, because it carries
 * a nonce per request. Browsers ignore HSTS on plain http, such as localhost.
 */
export const SECURITY_HEADERS: Header[] = [
  { key: "Strict-Transport-Security", value: `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/** Route handlers return JSON and redirects, so their policy allows nothing to load. */
export const API_HEADERS: Header[] = [{ key: "Content-Security-Policy", value: buildApiPolicy() }];
