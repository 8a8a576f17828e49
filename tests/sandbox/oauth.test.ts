import { createHash, randomBytes } from "node:crypto";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Sandbox } from "../../sandbox/server";
import {
  APP_SCOPE,
  authorize,
  authorizeUrl,
  CLIENT_ID,
  createPkce,
  createUser,
  extractConsentId,
  getMe,
  REDIRECT_URI,
  startTestSandbox,
  submitConsent,
  tokenRequest,
  type TokenBody,
} from "./helpers";

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startTestSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

describe("authorize page", () => {
  it("labels every visible input and button", async () => {
    const { challenge } = createPkce();
    const html = await (await fetch(authorizeUrl(sandbox, { code_challenge: challenge }))).text();

    const inputIds = [...html.matchAll(/<input type="(?:text|radio)"[^>]* id="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(inputIds).toEqual(["user-new", "new-name", "new-username"]);
    for (const id of inputIds) {
      expect(html).toContain(`<label for="${id}">`);
    }
    expect(html).toContain('<label for="new-name">Display name</label>');
    expect(html).toContain('<label for="new-username">Handle</label>');
    expect(html).toMatch(/<button type="submit" name="decision" value="authorize">Authorize app<\/button>/);
    expect(html).toMatch(/<button type="submit" name="decision" value="cancel">Cancel<\/button>/);
  });

  it("lists existing users escaped", async () => {
    await createUser(sandbox, "mallory", '<script>alert("x")</script>');
    const { challenge } = createPkce();
    const html = await (await fetch(authorizeUrl(sandbox, { code_challenge: challenge }))).text();

    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; (@mallory)");
  });

  it("shows an error page for an unknown client", async () => {
    const response = await fetch(
      authorizeUrl(sandbox, { client_id: "someone-else", code_challenge: createPkce().challenge }),
      {
        redirect: "manual",
      },
    );

    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Unknown app");
  });

  it("shows an error page for an unregistered redirect URI", async () => {
    const response = await fetch(
      authorizeUrl(sandbox, {
        redirect_uri: "http://localhost:3000/other",
        code_challenge: createPkce().challenge,
      }),
      { redirect: "manual" },
    );

    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Redirect URI not registered");
  });

  it.each([
    ["state over 500 characters", { state: "s".repeat(501) }, "invalid_request", null],
    ["missing state", { state: "" }, "invalid_request", null],
    ["unknown scope", { scope: "tweet.read timeline.everything" }, "invalid_scope", "state-123"],
    ["wrong response type", { response_type: "token" }, "unsupported_response_type", "state-123"],
    ["unknown challenge method", { code_challenge_method: "S512" }, "invalid_request", "state-123"],
    ["missing challenge", { code_challenge: "" }, "invalid_request", "state-123"],
  ])("redirects back on %s", async (_name, params, error, state) => {
    const response = await fetch(
      authorizeUrl(sandbox, { code_challenge: createPkce().challenge, ...params }),
      { redirect: "manual" },
    );
    const location = new URL(response.headers.get("location") ?? "");

    expect(response.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("error")).toBe(error);
    expect(location.searchParams.get("state")).toBe(state);
  });

  it("accepts a state of exactly 500 characters", async () => {
    const response = await fetch(
      authorizeUrl(sandbox, { state: "s".repeat(500), code_challenge: createPkce().challenge }),
    );

    expect(response.status).toBe(200);
  });

  it("redirects Cancel with access_denied", async () => {
    const page = await fetch(authorizeUrl(sandbox, { code_challenge: createPkce().challenge, state: "xyz" }));
    const response = await submitConsent(sandbox, extractConsentId(await page.text()), {
      decision: "cancel",
    });
    const location = new URL(response.headers.get("location") ?? "");

    expect(response.status).toBe(302);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("xyz");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("accepts a consent form once", async () => {
    const page = await fetch(authorizeUrl(sandbox, { code_challenge: createPkce().challenge }));
    const consentId = extractConsentId(await page.text());
    await submitConsent(sandbox, consentId, { decision: "cancel" });
    const second = await submitConsent(sandbox, consentId, {
      decision: "authorize",
      user_id: "new",
      name: "A",
      username: "a",
    });

    expect(second.status).toBe(400);
  });

  it("re-renders the form for a taken handle", async () => {
    await createUser(sandbox, "ada");
    const page = await fetch(authorizeUrl(sandbox, { code_challenge: createPkce().challenge }));
    const response = await submitConsent(sandbox, extractConsentId(await page.text()), {
      decision: "authorize",
      user_id: "new",
      name: "Another Ada",
      username: "ADA",
    });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The handle @ADA is taken");
  });

  it("signs in an existing user", async () => {
    const existing = await createUser(sandbox, "grace");
    const { verifier, challenge } = createPkce();
    const code = await authorize(
      sandbox,
      { code_challenge: challenge },
      { decision: "authorize", user_id: existing.id },
    );
    const tokens = (await (
      await tokenRequest(sandbox, {
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      })
    ).json()) as TokenBody;
    const me = (await (await getMe(sandbox, tokens.access_token)).json()) as { data: { id: string } };

    expect(me.data.id).toBe(existing.id);
  });
});

describe("authorization code exchange", () => {
  it("completes a full S256 exchange", async () => {
    const { verifier, challenge } = createPkce();
    const page = await fetch(authorizeUrl(sandbox, { code_challenge: challenge, state: "abc" }));
    expect(page.status).toBe(200);

    const consent = await submitConsent(sandbox, extractConsentId(await page.text()), {
      decision: "authorize",
      user_id: "new",
      name: "Ada Lovelace",
      username: "ada",
    });
    const location = new URL(consent.headers.get("location") ?? "");
    expect(consent.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("abc");

    const response = await tokenRequest(sandbox, {
      grant_type: "authorization_code",
      code: location.searchParams.get("code") ?? "",
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    const tokens = (await response.json()) as TokenBody;
    expect(response.status).toBe(200);
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(7200);
    expect(tokens.scope).toBe(APP_SCOPE);
    expect(tokens.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(tokens.refresh_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const me = (await (await getMe(sandbox, tokens.access_token)).json()) as { data: Record<string, string> };
    expect(me.data.username).toBe("ada");
    expect(me.data.name).toBe("Ada Lovelace");
  });

  it("completes a plain exchange", async () => {
    const verifier = randomBytes(40).toString("base64url");
    const code = await authorize(sandbox, { code_challenge: verifier, code_challenge_method: "plain" });
    const response = await tokenRequest(sandbox, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });

    expect(response.status).toBe(200);
  });

  it("omits the refresh token without offline.access", async () => {
    const { verifier, challenge } = createPkce();
    const code = await authorize(sandbox, { code_challenge: challenge, scope: "tweet.read users.read" });
    const tokens = (await (
      await tokenRequest(sandbox, {
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      })
    ).json()) as TokenBody;

    expect(tokens.scope).toBe("tweet.read users.read");
    expect(tokens.refresh_token).toBeUndefined();
  });

  it("accepts a code only once", async () => {
    const { verifier, challenge } = createPkce();
    const code = await authorize(sandbox, { code_challenge: challenge });
    const params = {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    };
    const first = await tokenRequest(sandbox, params);
    const second = await tokenRequest(sandbox, params);

    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({
      error: "invalid_request",
      error_description: "Value passed for the authorization code was invalid.",
    });
  });

  it("expires a code after 30 seconds", async () => {
    const { verifier, challenge } = createPkce();
    const fresh = await authorize(sandbox, { code_challenge: challenge });
    const stale = await authorize(
      sandbox,
      { code_challenge: challenge },
      { decision: "authorize", user_id: "new", name: "B", username: "bea" },
    );
    sandbox.clock.advance(29_000);
    const inTime = await tokenRequest(sandbox, {
      grant_type: "authorization_code",
      code: fresh,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    sandbox.clock.advance(1_000);
    const late = await tokenRequest(sandbox, {
      grant_type: "authorization_code",
      code: stale,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });

    expect(inTime.status).toBe(200);
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error_description: string }).error_description).toContain(
      "authorization code",
    );
  });

  it("rejects a verifier that does not match", async () => {
    const { challenge } = createPkce();
    const code = await authorize(sandbox, { code_challenge: challenge });
    const response = await tokenRequest(sandbox, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: createPkce().verifier,
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      error_description: "Value passed for the code verifier did not match the code challenge.",
    });
  });

  it("rejects a different redirect URI", async () => {
    const { verifier, challenge } = createPkce();
    const code = await authorize(sandbox, { code_challenge: challenge });
    const response = await tokenRequest(sandbox, {
      grant_type: "authorization_code",
      code,
      redirect_uri: "http://localhost:3000/x",
      code_verifier: verifier,
    });
    const body = (await response.json()) as { error: string; error_description: string };

    expect(response.status).toBe(400);
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toContain("redirect uri");
  });

  it("names a missing parameter", async () => {
    const response = await tokenRequest(sandbox, {
      grant_type: "authorization_code",
      code: "x",
      redirect_uri: REDIRECT_URI,
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      error_description: "Missing required parameter [code_verifier].",
    });
  });

  it.each([
    ["no Authorization header", null],
    ["a wrong secret", `Basic ${Buffer.from(`${CLIENT_ID}:wrong`).toString("base64")}`],
    ["a bearer header", "Bearer abc"],
  ])("rejects a confidential client with %s", async (_name, authorization) => {
    const { verifier, challenge } = createPkce();
    const code = await authorize(sandbox, { code_challenge: challenge });
    const response = await tokenRequest(
      sandbox,
      {
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
        client_id: CLIENT_ID,
      },
      authorization,
    );

    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe("unauthorized_client");
  });
});

describe("public client", () => {
  it("exchanges with client_id in the body", async () => {
    await sandbox.close();
    sandbox = await startTestSandbox({ client: { type: "public", clientId: "public-app" } });
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const code = await authorize(sandbox, { code_challenge: challenge, client_id: "public-app" });
    const params = {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    };

    const withoutId = await tokenRequest(sandbox, params, null);
    expect(withoutId.status).toBe(400);
    expect(await withoutId.json()).toEqual({
      error: "invalid_request",
      error_description: "Missing required parameter [client_id].",
    });

    const response = await tokenRequest(sandbox, { ...params, client_id: "public-app" }, null);
    expect(response.status).toBe(200);
  });
});
