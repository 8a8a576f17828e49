import { createHash, randomBytes } from "node:crypto";

import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/server";

export const CLIENT_ID = "insightprose-dev";
export const CLIENT_SECRET = "insightprose-dev-secret";
export const REDIRECT_URI = "http://localhost:3000/api/auth/callback/twitter";
export const APP_SCOPE = "tweet.read tweet.write users.read offline.access";

export interface TokenBody {
  token_type: string;
  expires_in: number;
  access_token: string;
  scope: string;
  refresh_token?: string;
  user_id?: string;
}

export function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, log: () => undefined, ...options });
}

export function basicAuth(clientId = CLIENT_ID, secret = CLIENT_SECRET): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
}

export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");

  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export async function admin<T = Record<string, unknown>>(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  return { status: response.status, body: (await response.json()) as T };
}

export async function createUser(
  sandbox: Sandbox,
  username: string,
  name = `User ${username}`,
): Promise<{ id: string; username: string }> {
  const { status, body } = await admin<{ data: { id: string; username: string } }>(
    sandbox,
    "POST",
    "/_admin/users",
    { name, username },
  );
  if (status !== 201) {
    throw new Error(`creating user @${username} failed with ${status}`);
  }

  return body.data;
}

export async function grant(sandbox: Sandbox, userId: string, scope = APP_SCOPE): Promise<TokenBody> {
  const { status, body } = await admin<TokenBody>(sandbox, "POST", "/_admin/grant", {
    user_id: userId,
    scope,
  });
  if (status !== 200) {
    throw new Error(`granting tokens failed with ${status}`);
  }

  return body;
}

/** Creates a user and returns it with an access token carrying the app's scopes. */
export async function signedInUser(
  sandbox: Sandbox,
  username: string,
): Promise<{ id: string; username: string; token: string; refresh: string }> {
  const user = await createUser(sandbox, username);
  const tokens = await grant(sandbox, user.id);

  return { ...user, token: tokens.access_token, refresh: tokens.refresh_token ?? "" };
}

export function authorizeUrl(sandbox: Sandbox, params: Record<string, string>): string {
  const url = new URL("/i/oauth2/authorize", sandbox.url);
  const defaults = {
    response_type: "code",
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: APP_SCOPE,
    state: "state-123",
    code_challenge_method: "S256",
  };
  for (const [name, value] of Object.entries({ ...defaults, ...params })) {
    url.searchParams.set(name, value);
  }

  return url.toString();
}

export function extractConsentId(html: string): string {
  const match = /name="consent_id" value="([^"]+)"/.exec(html);
  if (!match?.[1]) {
    throw new Error("consent page has no consent_id field");
  }

  return match[1];
}

/** Submits the consent form as a browser would and returns the redirect target. */
export async function submitConsent(
  sandbox: Sandbox,
  consentId: string,
  fields: Record<string, string>,
): Promise<Response> {
  return fetch(`${sandbox.url}/i/oauth2/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ consent_id: consentId, ...fields }).toString(),
  });
}

/** Runs the browser half of the flow and returns the code from the redirect. */
export async function authorize(
  sandbox: Sandbox,
  params: Record<string, string>,
  fields: Record<string, string> = { decision: "authorize", user_id: "new", name: "Ada", username: "ada" },
): Promise<string> {
  const page = await fetch(authorizeUrl(sandbox, params));
  const consentId = extractConsentId(await page.text());
  const response = await submitConsent(sandbox, consentId, fields);
  const code = new URL(response.headers.get("location") ?? "").searchParams.get("code");
  if (!code) {
    throw new Error(`consent did not redirect with a code (status ${response.status})`);
  }

  return code;
}

export function tokenRequest(
  sandbox: Sandbox,
  params: Record<string, string>,
  authorization: string | null = basicAuth(),
): Promise<Response> {
  return fetch(`${sandbox.url}/2/oauth2/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(authorization ? { authorization } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}

export function revokeRequest(
  sandbox: Sandbox,
  params: Record<string, string>,
  authorization: string | null = basicAuth(),
): Promise<Response> {
  return fetch(`${sandbox.url}/2/oauth2/revoke`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(authorization ? { authorization } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}

export function createPost(sandbox: Sandbox, token: string, body: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/2/tweets`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function getMe(sandbox: Sandbox, token: string, query = ""): Promise<Response> {
  return fetch(`${sandbox.url}/2/users/me${query}`, { headers: { authorization: `Bearer ${token}` } });
}

export function getTimeline(sandbox: Sandbox, token: string, userId: string, query = ""): Promise<Response> {
  return fetch(`${sandbox.url}/2/users/${userId}/tweets${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

export async function postIdOf(response: Response): Promise<string> {
  const body = (await response.json()) as { data: { id: string } };

  return body.data.id;
}
