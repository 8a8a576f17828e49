import { createHash, timingSafeEqual } from "node:crypto";

import { isFormBody, json, parseBasicAuth, type Exchange, type Reply } from "./http";
import { issueTokenPair, revokeToken, rotateRefreshToken, tokenResponseBody } from "./tokens";

/** Token and revoke endpoints of X's OAuth 2.0 authorization server. */

function oauthError(status: number, error: string, description: string): Reply {
  return json(status, { error, error_description: description });
}

const missingParameter = (name: string): Reply =>
  oauthError(400, "invalid_request", `Missing required parameter [${name}].`);

const invalidValue = (what: string): Reply =>
  oauthError(400, "invalid_request", `Value passed for the ${what} was invalid.`);

function secretsMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);

  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Identifies the client. A confidential client must send HTTP Basic auth, as
 * X requires, and a public client sends `client_id` in the form body.
 */
function authenticateClient(exchange: Exchange, form: URLSearchParams): { clientId: string } | Reply {
  const { client } = exchange.context.state;
  const basic = parseBasicAuth(exchange.req.headers.authorization);

  if (client.type === "confidential") {
    if (!basic || basic.username !== client.clientId || !secretsMatch(basic.password, client.clientSecret)) {
      return oauthError(401, "unauthorized_client", "Missing valid authorization header");
    }

    return { clientId: client.clientId };
  }

  const clientId = form.get("client_id") ?? basic?.username;
  if (!clientId) {
    return missingParameter("client_id");
  }
  if (clientId !== client.clientId) {
    return invalidValue("client_id");
  }

  return { clientId };
}

function readForm(exchange: Exchange): URLSearchParams {
  return isFormBody(exchange.req) ? new URLSearchParams(exchange.body) : new URLSearchParams();
}

/** RFC 7636: 43 to 128 characters from the unreserved set. */
const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

export function challengeFromVerifier(verifier: string, method: "S256" | "plain"): string {
  return method === "plain" ? verifier : createHash("sha256").update(verifier).digest("base64url");
}

function exchangeAuthorizationCode(exchange: Exchange, form: URLSearchParams, clientId: string): Reply {
  const { state, clock } = exchange.context;
  const code = form.get("code");
  const redirectUri = form.get("redirect_uri");
  const verifier = form.get("code_verifier");
  if (!code) return missingParameter("code");
  if (!redirectUri) return missingParameter("redirect_uri");
  if (!verifier) return missingParameter("code_verifier");

  const grant = state.codes.get(code);
  if (!grant || grant.used || grant.clientId !== clientId || grant.expiresAt <= clock.now()) {
    return invalidValue("authorization code");
  }

  // A code is spent by its first exchange attempt, successful or not.
  grant.used = true;

  if (grant.redirectUri !== redirectUri) {
    return oauthError(
      400,
      "invalid_request",
      "Value passed for the redirect uri did not match the uri of the authorization code.",
    );
  }
  if (!CODE_VERIFIER_PATTERN.test(verifier)) {
    return invalidValue("code verifier");
  }
  if (challengeFromVerifier(verifier, grant.codeChallengeMethod) !== grant.codeChallenge) {
    return oauthError(
      400,
      "invalid_request",
      "Value passed for the code verifier did not match the code challenge.",
    );
  }
  if (!state.users.has(grant.userId)) {
    return invalidValue("authorization code");
  }

  const pair = issueTokenPair(exchange.context, { userId: grant.userId, clientId, scopes: grant.scopes });

  return json(200, tokenResponseBody(pair));
}

function exchangeRefreshToken(exchange: Exchange, form: URLSearchParams, clientId: string): Reply {
  const refreshToken = form.get("refresh_token");
  if (!refreshToken) return missingParameter("refresh_token");

  const outcome = rotateRefreshToken(exchange.context, refreshToken, clientId);
  if (!outcome.ok) {
    return oauthError(400, "invalid_request", "Value passed for the token was invalid.");
  }

  return json(200, tokenResponseBody(outcome.pair));
}

/** POST /2/oauth2/token */
export function handleToken(exchange: Exchange): Reply {
  const form = readForm(exchange);
  const client = authenticateClient(exchange, form);
  if ("status" in client) {
    return client;
  }

  const grantType = form.get("grant_type");
  if (!grantType) return missingParameter("grant_type");
  if (grantType === "authorization_code") return exchangeAuthorizationCode(exchange, form, client.clientId);
  if (grantType === "refresh_token") return exchangeRefreshToken(exchange, form, client.clientId);

  return invalidValue("grant type");
}

/** POST /2/oauth2/revoke. As RFC 7009 allows, an unknown token still returns `revoked: true`. */
export function handleRevoke(exchange: Exchange): Reply {
  const form = readForm(exchange);
  const client = authenticateClient(exchange, form);
  if ("status" in client) {
    return client;
  }

  const token = form.get("token");
  const hint = form.get("token_type_hint");
  if (!token) return missingParameter("token");
  if (!hint) return missingParameter("token_type_hint");
  if (hint !== "access_token" && hint !== "refresh_token") return invalidValue("token_type_hint");

  revokeToken(exchange.context.state, token, client.clientId);

  return json(200, { revoked: true });
}
