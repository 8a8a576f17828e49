import { html, redirect, type Exchange, type Reply } from "./http";
import { randomToken } from "./ids";
import { renderConsentPage, renderErrorPage } from "./pages";
import type { PendingConsent } from "./state";
import { createUser } from "./users";

/** OAuth 2.0 scope names X accepts. */
export const X_SCOPES = [
  "tweet.read",
  "tweet.write",
  "tweet.moderate.write",
  "users.email",
  "users.read",
  "follows.read",
  "follows.write",
  "offline.access",
  "space.read",
  "mute.read",
  "mute.write",
  "like.read",
  "like.write",
  "list.read",
  "list.write",
  "block.read",
  "block.write",
  "bookmark.read",
  "bookmark.write",
  "media.write",
  "dm.read",
  "dm.write",
] as const;

const MAX_STATE_LENGTH = 500;
const AUTHORIZATION_CODE_LIFETIME_MS = 30_000;
const CONSENT_LIFETIME_MS = 10 * 60_000;

function redirectWith(redirectUri: string, params: Record<string, string>): Reply {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    target.searchParams.set(name, value);
  }

  return redirect(target.toString());
}

function validChallenge(challenge: string, method: string): boolean {
  return method === "S256"
    ? /^[A-Za-z0-9_-]{43}$/.test(challenge)
    : /^[A-Za-z0-9\-._~]{43,128}$/.test(challenge);
}

/**
 * GET /i/oauth2/authorize. A bad client or redirect URI gets an error page and
 * no redirect, so the sandbox never sends a browser to an unregistered URI.
 * Other mistakes go back to the app with an OAuth error code.
 */
export function handleAuthorizePage(exchange: Exchange): Reply {
  const { state, clock } = exchange.context;
  const params = exchange.url.searchParams;
  const clientId = params.get("client_id");
  const redirectUri = params.get("redirect_uri");

  if (clientId !== state.client.clientId) {
    return html(
      400,
      renderErrorPage("Unknown app", `No app is registered with client_id "${clientId ?? ""}".`),
    );
  }
  if (!redirectUri || !state.client.redirectUris.includes(redirectUri)) {
    return html(
      400,
      renderErrorPage(
        "Redirect URI not registered",
        `The redirect_uri "${redirectUri ?? ""}" does not match a registered redirect URI exactly. ` +
          `Registered: ${state.client.redirectUris.join(", ")}. Start the sandbox with X_SANDBOX_REDIRECT_URIS to register others.`,
      ),
    );
  }

  const appState = params.get("state");
  const fail = (error: string, description: string): Reply =>
    redirectWith(redirectUri, {
      error,
      error_description: description,
      ...(appState && appState.length <= MAX_STATE_LENGTH ? { state: appState } : {}),
    });

  if (params.get("response_type") !== "code")
    return fail("unsupported_response_type", "response_type must be code.");
  if (!appState) return fail("invalid_request", "Missing required parameter [state].");
  if (appState.length > MAX_STATE_LENGTH)
    return fail("invalid_request", `state must be at most ${MAX_STATE_LENGTH} characters.`);

  const scopes = (params.get("scope") ?? "").split(" ").filter((scope) => scope.length > 0);
  const unknownScope = scopes.find((scope) => !(X_SCOPES as readonly string[]).includes(scope));
  if (scopes.length === 0) return fail("invalid_scope", "Missing required parameter [scope].");
  if (unknownScope !== undefined) return fail("invalid_scope", `Unknown scope ${unknownScope}.`);

  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (!challenge) return fail("invalid_request", "Missing required parameter [code_challenge].");
  if (method !== "S256" && method !== "plain")
    return fail("invalid_request", "code_challenge_method must be S256 or plain.");
  if (!validChallenge(challenge, method))
    return fail("invalid_request", `code_challenge is not a valid ${method} challenge.`);

  const consent: PendingConsent = {
    id: randomToken(24),
    redirectUri,
    scopes,
    state: appState,
    codeChallenge: challenge,
    codeChallengeMethod: method,
    expiresAt: clock.now() + CONSENT_LIFETIME_MS,
  };
  state.consents.set(consent.id, consent);

  return html(
    200,
    renderConsentPage({ consentId: consent.id, clientId, scopes, users: [...state.users.values()] }),
  );
}

/** POST /i/oauth2/authorize: the consent form's Authorize or Cancel. */
export function handleAuthorizeDecision(exchange: Exchange): Reply {
  const { context } = exchange;
  const { state, clock } = context;
  const form = new URLSearchParams(exchange.body);
  const consent = state.consents.get(form.get("consent_id") ?? "");
  if (!consent || consent.expiresAt <= clock.now()) {
    return html(
      400,
      renderErrorPage(
        "Sign-in expired",
        "This authorization request expired or was already answered. Start signing in again from the app.",
      ),
    );
  }

  const decision = form.get("decision");
  if (decision === "cancel") {
    state.consents.delete(consent.id);

    return redirectWith(consent.redirectUri, { error: "access_denied", state: consent.state });
  }
  if (decision !== "authorize") {
    return html(
      400,
      renderErrorPage("Invalid form", "The consent form needs decision=authorize or decision=cancel."),
    );
  }

  const userChoice = form.get("user_id") ?? "new";
  let user = userChoice === "new" ? undefined : state.users.get(userChoice);
  if (userChoice !== "new" && !user) {
    return html(400, renderErrorPage("Unknown user", `No fake user has id ${userChoice}.`));
  }
  if (!user) {
    const created = createUser(context, {
      name: form.get("name") ?? "",
      username: form.get("username") ?? "",
    });
    if (!created.ok) {
      const page = renderConsentPage({
        consentId: consent.id,
        clientId: state.client.clientId,
        scopes: consent.scopes,
        users: [...state.users.values()],
        error: created.message,
        name: form.get("name") ?? "",
        username: form.get("username") ?? "",
      });

      return html(400, page);
    }
    user = created.user;
  }

  state.consents.delete(consent.id);
  const code = randomToken(32);
  state.codes.set(code, {
    code,
    clientId: state.client.clientId,
    redirectUri: consent.redirectUri,
    scopes: consent.scopes,
    codeChallenge: consent.codeChallenge,
    codeChallengeMethod: consent.codeChallengeMethod,
    userId: user.id,
    expiresAt: clock.now() + AUTHORIZATION_CODE_LIFETIME_MS,
    used: false,
  });

  return redirectWith(consent.redirectUri, { state: consent.state, code });
}
