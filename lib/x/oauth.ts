import { basicAuthorization, getXEndpoints, type XEndpoints } from "./endpoints";

const REQUEST_TIMEOUT_MS = 10_000;

export type TokenTypeHint = "access_token" | "refresh_token";

/** Sends a form to an X OAuth endpoint as a confidential or public client. */
export async function postOAuthForm(
  url: string,
  form: Record<string, string>,
  endpoints: XEndpoints = getXEndpoints(),
): Promise<Response> {
  const body = new URLSearchParams(form);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  const authorization = basicAuthorization(endpoints);
  if (authorization) headers.authorization = authorization;
  else body.set("client_id", endpoints.clientId);

  return fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

/** Revokes one token at X. Resolves true when X confirmed the revocation. */
export async function revokeToken(token: string, hint: TokenTypeHint): Promise<boolean> {
  const endpoints = getXEndpoints();
  const response = await postOAuthForm(endpoints.revokeUrl, { token, token_type_hint: hint }, endpoints);
  if (!response.ok) return false;
  const body = (await response.json().catch(() => null)) as { revoked?: boolean } | null;

  return body?.revoked === true;
}
