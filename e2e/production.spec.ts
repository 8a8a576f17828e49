// Starts the production build with a complete production environment: a real
// PostgreSQL database migrated by `npm run db:migrate`, an X app and Inngest
// keys. Then checks what a deploy must get right: the health check, the landing
// page, the security headers, a CSP that the pages satisfy, and Secure cookies.
// X itself is never contacted: no test follows a redirect to x.com.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import postgres from "postgres";
import { expect, test } from "./support/fixtures";

const PORT = 3200;
const ORIGIN = `http://localhost:${PORT}`;
// An https AUTH_URL makes Auth.js use Secure, __Secure- and __Host- prefixed cookies,
// as behind a real deploy's TLS. The server itself listens on plain http here.
const PUBLIC_ORIGIN = `https://localhost:${PORT}`;
const SESSION_COOKIE = "__Secure-authjs.session-token";
const DATABASE_SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE_NAME = `insightprose_production_${randomBytes(4).toString("hex")}`;

function databaseUrl(name: string): string {
  const url = new URL(DATABASE_SERVER);
  url.pathname = `/${name}`;

  return url.toString();
}

const PRODUCTION_DATABASE_URL = databaseUrl(DATABASE_NAME);

const productionEnv = {
  DATABASE_URL: PRODUCTION_DATABASE_URL,
  DATABASE_POOL_MAX: "3",
  AUTH_SECRET: randomBytes(33).toString("base64"),
  AUTH_URL: PUBLIC_ORIGIN,
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  AUTH_TWITTER_ID: "production-test-client",
  AUTH_TWITTER_SECRET: "production-test-client-secret",
  INNGEST_SIGNING_KEY: `signkey-prod-${randomBytes(16).toString("hex")}`,
  INNGEST_EVENT_KEY: randomBytes(16).toString("hex"),
  LOG_LEVEL: "info",
};

/** Builds the environment of a production process, with nothing from the test runner but PATH and HOME. */
function processEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    ...productionEnv,
    NODE_ENV: "production",
  };
}

let server: ChildProcess | undefined;
let serverOutput = "";

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) {
      throw new Error(`The production server exited with ${server?.exitCode}:\n${serverOutput}`);
    }
    const response = await fetch(`${ORIGIN}/api/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The production server did not answer /api/health within ${timeoutMs} ms:\n${serverOutput}`,
  );
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const admin = postgres(DATABASE_SERVER, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${DATABASE_NAME}"`);
  } catch (error) {
    throw new Error(
      `Creating the test database on ${new URL(DATABASE_SERVER).host} failed. These tests need PostgreSQL ` +
        `(start it, or set DATABASE_URL to a server where user postgres may create databases): ${String(error)}`,
    );
  } finally {
    await admin.end();
  }

  const migration = spawnSync("npm", ["run", "db:migrate"], { env: processEnv(), encoding: "utf8" });
  if (migration.status !== 0) {
    throw new Error(`npm run db:migrate failed:\n${migration.stdout}\n${migration.stderr}`);
  }

  const child = spawn(
    path.join("node_modules", ".bin", "next"),
    ["start", "-H", "localhost", "-p", String(PORT)],
    {
      env: processEnv(),
    },
  );
  child.stdout.on("data", (chunk) => (serverOutput += chunk));
  child.stderr.on("data", (chunk) => (serverOutput += chunk));
  server = child;
  await waitForHealth(60_000);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  const admin = postgres(DATABASE_SERVER, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${DATABASE_NAME}" with (force)`);
  } finally {
    await admin.end();
  }
});

/** Splits a Content-Security-Policy header into its directives. */
function parsePolicy(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }

  return directives;
}

function expectCommonHeaders(headers: Headers): void {
  const hsts = headers.get("strict-transport-security") ?? "";
  const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0);

  expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
  expect(hsts).toContain("includeSubDomains");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(headers.get("x-frame-options")).toBe("DENY");
}

/** Collects every CSP violation the page reports, through the DOM event and the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });

  return async () => {
    const fromEvents = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    return [...fromEvents, ...consoleViolations];
  };
}

/** Inserts a user with a live session straight into the database, as a finished sign-in leaves them. */
async function createSession(): Promise<string> {
  const sql = postgres(PRODUCTION_DATABASE_URL, { max: 1, onnotice: () => {} });
  const userId = `production-user-${randomBytes(4).toString("hex")}`;
  const sessionToken = randomBytes(32).toString("hex");
  try {
    await sql`insert into "user" (id, name, username) values (${userId}, 'Grace Writer', 'grace_writes')`;
    // Expires in one day: older than Auth.js's update age, so it renews the cookie on the next request.
    await sql`insert into "session" ("sessionToken", "userId", expires)
              values (${sessionToken}, ${userId}, now() + interval '1 day')`;
  } finally {
    await sql.end();
  }

  return sessionToken;
}

function findCookie(setCookies: string[], name: string): string {
  const cookie = setCookies.find((value) => value.startsWith(`${name}=`));
  if (!cookie)
    throw new Error(
      `No Set-Cookie for ${name} among: ${setCookies.map((header) => header.split("=")[0]).join(", ")}`,
    );

  return cookie;
}

test("production health check reaches PostgreSQL", async () => {
  const response = await fetch(`${ORIGIN}/api/health`);

  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ database: "ok" });
  expectCommonHeaders(response.headers);
  const policy = parsePolicy(response.headers.get("content-security-policy"));
  expect(policy.get("default-src")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
});

test("landing page sends every security header", async () => {
  const response = await fetch(`${ORIGIN}/`);
  const html = await response.text();

  expect(response.status).toBe(200);
  expectCommonHeaders(response.headers);
  const policy = parsePolicy(response.headers.get("content-security-policy"));
  const scriptSources = policy.get("script-src") ?? [];
  const nonce = scriptSources.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(scriptSources).toContain("'strict-dynamic'");
  expect(scriptSources).not.toContain("'unsafe-inline'");
  expect(scriptSources).not.toContain("'unsafe-eval'");
  expect(policy.get("style-src")).not.toContain("'unsafe-inline'");
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'", "https://x.com"]);

  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
});

test("each page request gets a fresh nonce", async () => {
  const first = parsePolicy((await fetch(`${ORIGIN}/`)).headers.get("content-security-policy"));
  const second = parsePolicy((await fetch(`${ORIGIN}/`)).headers.get("content-security-policy"));

  expect(first.get("script-src")).not.toEqual(second.get("script-src"));
});

test("landing and sign-in pages run under the CSP", async ({ page }) => {
  const violations = await watchViolations(page);

  await page.goto(`${ORIGIN}/`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("threads");
  // Next.js's inline bootstrap script ran, so the nonce was accepted.
  expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f))).toBe(
    true,
  );
  await page.getByRole("link", { name: "Sign in with X" }).click();
  await expect(page.getByRole("heading", { name: "Sign in with your X account" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  expect(await violations()).toEqual([]);
});

test("signed-in dashboard runs under the CSP", async ({ page, context }) => {
  const sessionToken = await createSession();
  await context.addCookies([
    // Chromium treats http://localhost as a secure context, so it sends Secure cookies there.
    {
      name: SESSION_COOKIE,
      value: sessionToken,
      domain: "localhost",
      path: "/",
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  const violations = await watchViolations(page);

  await page.goto(`${ORIGIN}/dashboard`);
  await expect(page.getByTestId("current-handle")).toHaveText("@grace_writes");
  await page.waitForLoadState("networkidle");

  expect(await violations()).toEqual([]);
});

test("session cookie is Secure and HttpOnly", async () => {
  const sessionToken = await createSession();

  const response = await fetch(`${ORIGIN}/api/auth/session`, {
    headers: { cookie: `${SESSION_COOKIE}=${sessionToken}` },
  });

  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ user: { username: "grace_writes" } });
  const cookie = findCookie(response.headers.getSetCookie(), SESSION_COOKIE);
  expect(cookie).toMatch(/;\s*Secure(;|$)/i);
  expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
  expect(cookie).toMatch(/;\s*SameSite=Lax(;|$)/i);
});

test("sign-in cookies are Secure and HttpOnly", async () => {
  const csrf = await fetch(`${ORIGIN}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = findCookie(csrf.headers.getSetCookie(), "__Host-authjs.csrf-token");

  // Starts sign-in and stops at the redirect to X, which is not followed.
  const start = await fetch(`${ORIGIN}/api/auth/signin/twitter`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.split(";")[0]! },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${PUBLIC_ORIGIN}/dashboard` }),
  });

  expect(start.status).toBe(302);
  expect(start.headers.get("location")).toMatch(/^https:\/\/x\.com\/i\/oauth2\/authorize\?/);
  const setCookies = start.headers.getSetCookie();
  const cookies = [
    csrfCookie,
    findCookie(setCookies, "__Secure-authjs.pkce.code_verifier"),
    findCookie(setCookies, "__Secure-authjs.state"),
    findCookie(setCookies, "__Secure-authjs.callback-url"),
  ];
  for (const cookie of cookies) {
    expect(cookie).toMatch(/;\s*Secure(;|$)/i);
    expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
  }
});

test("production server logs errors as JSON lines", async () => {
  // A callback without the state cookie fails Auth.js's check before any request to X.
  const callback = await fetch(`${ORIGIN}/api/auth/callback/twitter?code=callback-code-1234&state=forged`, {
    redirect: "manual",
  });
  expect(callback.status).toBe(302);

  await expect.poll(() => serverOutput).toContain('"msg":"Auth.js error"');
  const lines = serverOutput.split("\n").filter((line) => line.startsWith("{"));
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries.find((entry) => entry.msg === "Auth.js error")).toMatchObject({
    level: 50,
    app: "insightprose",
  });
  for (const secret of [
    productionEnv.AUTH_SECRET,
    productionEnv.AUTH_TWITTER_SECRET,
    productionEnv.INNGEST_SIGNING_KEY,
    productionEnv.TOKEN_ENCRYPTION_KEY,
  ]) {
    expect(serverOutput).not.toContain(secret);
  }
});
