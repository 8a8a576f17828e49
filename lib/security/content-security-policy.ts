// The Content-Security-Policy of the app's pages and of its API responses.
// Pages get a fresh nonce per request (see proxy.ts): Next.js reads it from
// the request's Content-Security-Policy header and puts it on its own scripts,
// so script-src needs neither 'unsafe-inline' nor a list of hosts.

/** X's image hosts: profile pictures are on pbs.twimg.com, default avatars on abs.twimg.com. */
const X_IMAGE_ORIGINS = ["https://pbs.twimg.com", "https://abs.twimg.com"];

export interface PagePolicyOptions {
  nonce: string;
  /** `next dev` needs 'unsafe-eval' for React's debugging and injects inline styles. */
  isDevelopment: boolean;
  /**
   * Origin of the X authorization page. Without JavaScript, the sign-in form
   * is a plain POST whose redirect goes there, and form-action covers redirects.
   */
  authorizeOrigin: string;
  /** Origin that serves profile pictures besides X's own hosts (the X sandbox in development). */
  imageOrigins?: string[];
}

/** Creates a nonce of 128 random bits in base64, new for every request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));

  return btoa(String.fromCharCode(...bytes));
}

/** Builds the policy for HTML pages and their React Server Component requests. */
export function buildPagePolicy(options: PagePolicyOptions): string {
  const { nonce, isDevelopment, authorizeOrigin } = options;
  const imageOrigins = [...new Set([...X_IMAGE_ORIGINS, ...(options.imageOrigins ?? [])])];
  // 'strict-dynamic' lets the nonced scripts load Next.js's chunks; browsers
  // that know it ignore 'self', which stays for those that do not.
  const scriptSources = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  if (isDevelopment) scriptSources.push("'unsafe-eval'");
  // The production pages use Tailwind's stylesheet only. Development adds inline styles.
  const styleSources = isDevelopment ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`];

  return joinDirectives({
    "default-src": ["'self'"],
    "script-src": scriptSources,
    "style-src": styleSources,
    "img-src": ["'self'", "data:", "blob:", ...imageOrigins],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", authorizeOrigin],
    "frame-ancestors": ["'none'"],
  });
}

/** Builds the policy for route handlers: JSON and redirects, nothing to render or frame. */
export function buildApiPolicy(): string {
  return joinDirectives({
    "default-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
}

function joinDirectives(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(" ")}`)
    .join("; ");
}
