import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Sandbox } from "../../sandbox/server";
import {
  admin,
  createUser,
  getMe,
  grant,
  revokeRequest,
  startTestSandbox,
  tokenRequest,
  type TokenBody,
} from "./helpers";

const DEAD_TOKEN_BODY = {
  error: "invalid_request",
  error_description: "Value passed for the token was invalid.",
};

let sandbox: Sandbox;
let userId: string;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  userId = (await createUser(sandbox, "ada")).id;
});

afterEach(async () => {
  await sandbox.close();
});

async function refresh(refreshToken: string): Promise<Response> {
  return tokenRequest(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken });
}

describe("refresh token rotation", () => {
  it("returns a new pair each time", async () => {
    const first = await grant(sandbox, userId);
    const response = await refresh(first.refresh_token ?? "");
    const second = (await response.json()) as TokenBody;

    expect(response.status).toBe(200);
    expect(second.token_type).toBe("bearer");
    expect(second.expires_in).toBe(7200);
    expect(second.scope).toBe(first.scope);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await getMe(sandbox, second.access_token)).status).toBe(200);
  });

  it("kills the old refresh token", async () => {
    const first = await grant(sandbox, userId);
    const second = (await (await refresh(first.refresh_token ?? "")).json()) as TokenBody;
    const reuse = await refresh(first.refresh_token ?? "");

    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toEqual(DEAD_TOKEN_BODY);
    expect((await refresh(second.refresh_token ?? "")).status).toBe(200);
  });

  it("rejects an unknown refresh token", async () => {
    const response = await refresh("bm90LWEtcmVhbC10b2tlbg");

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(DEAD_TOKEN_BODY);
  });

  it("rejects an access token as refresh token", async () => {
    const tokens = await grant(sandbox, userId);
    const response = await refresh(tokens.access_token);

    expect(await response.json()).toEqual(DEAD_TOKEN_BODY);
  });

  it("requires client authentication", async () => {
    const tokens = await grant(sandbox, userId);
    const response = await tokenRequest(
      sandbox,
      { grant_type: "refresh_token", refresh_token: tokens.refresh_token ?? "" },
      null,
    );

    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe("unauthorized_client");
  });

  it("keeps the newest pair alive on reuse by default", async () => {
    const first = await grant(sandbox, userId);
    const second = (await (await refresh(first.refresh_token ?? "")).json()) as TokenBody;
    await refresh(first.refresh_token ?? "");

    expect((await getMe(sandbox, second.access_token)).status).toBe(200);
    expect((await refresh(second.refresh_token ?? "")).status).toBe(200);
  });

  it("revokes the newest pair on reuse when enabled", async () => {
    await admin(sandbox, "POST", "/_admin/settings", { revoke_family_on_reuse: true });
    const first = await grant(sandbox, userId);
    const second = (await (await refresh(first.refresh_token ?? "")).json()) as TokenBody;
    const reuse = await refresh(first.refresh_token ?? "");

    expect(await reuse.json()).toEqual(DEAD_TOKEN_BODY);
    expect((await getMe(sandbox, second.access_token)).status).toBe(401);
    expect(await (await refresh(second.refresh_token ?? "")).json()).toEqual(DEAD_TOKEN_BODY);
  });

  it("leaves other families alone on reuse", async () => {
    await admin(sandbox, "POST", "/_admin/settings", { revoke_family_on_reuse: true });
    const other = await grant(sandbox, userId);
    const first = await grant(sandbox, userId);
    await refresh(first.refresh_token ?? "");
    await refresh(first.refresh_token ?? "");

    expect((await getMe(sandbox, other.access_token)).status).toBe(200);
  });
});

describe("access token expiry", () => {
  it("expires after 7200 seconds", async () => {
    const tokens = await grant(sandbox, userId);
    sandbox.clock.advance(7_199_000);
    const before = await getMe(sandbox, tokens.access_token);
    sandbox.clock.advance(1_000);
    const after = await getMe(sandbox, tokens.access_token);

    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({
      title: "Unauthorized",
      type: "about:blank",
      status: 401,
      detail: "Unauthorized",
    });
  });

  it("uses the configured lifetime", async () => {
    await admin(sandbox, "POST", "/_admin/settings", { access_token_lifetime_seconds: 60 });
    const tokens = await grant(sandbox, userId);
    sandbox.clock.advance(60_000);

    expect(tokens.expires_in).toBe(60);
    expect((await getMe(sandbox, tokens.access_token)).status).toBe(401);
  });

  it("takes the lifetime from startup options", async () => {
    await sandbox.close();
    sandbox = await startTestSandbox({ accessTokenLifetimeSeconds: 120 });
    const user = await createUser(sandbox, "bea");

    expect((await grant(sandbox, user.id)).expires_in).toBe(120);
  });

  it("refreshes after the access token expired", async () => {
    const tokens = await grant(sandbox, userId);
    sandbox.clock.advance(8_000_000);
    const response = await refresh(tokens.refresh_token ?? "");

    expect(response.status).toBe(200);
  });
});

describe("revoke", () => {
  it("requires token_type_hint", async () => {
    const tokens = await grant(sandbox, userId);
    const response = await revokeRequest(sandbox, { token: tokens.access_token });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      error_description: "Missing required parameter [token_type_hint].",
    });
    expect((await getMe(sandbox, tokens.access_token)).status).toBe(200);
  });

  it("rejects an unknown hint", async () => {
    const tokens = await grant(sandbox, userId);
    const response = await revokeRequest(sandbox, {
      token: tokens.access_token,
      token_type_hint: "id_token",
    });

    expect(response.status).toBe(400);
  });

  it("revokes an access token", async () => {
    const tokens = await grant(sandbox, userId);
    const response = await revokeRequest(sandbox, {
      token: tokens.access_token,
      token_type_hint: "access_token",
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revoked: true });
    expect((await getMe(sandbox, tokens.access_token)).status).toBe(401);
  });

  it("revokes a refresh token and its access token", async () => {
    const tokens = await grant(sandbox, userId);
    const response = await revokeRequest(sandbox, {
      token: tokens.refresh_token ?? "",
      token_type_hint: "refresh_token",
    });

    expect(await response.json()).toEqual({ revoked: true });
    expect(await (await refresh(tokens.refresh_token ?? "")).json()).toEqual(DEAD_TOKEN_BODY);
    expect((await getMe(sandbox, tokens.access_token)).status).toBe(401);
  });

  it("returns revoked for unknown tokens", async () => {
    const response = await revokeRequest(sandbox, { token: "unknown", token_type_hint: "access_token" });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revoked: true });
  });

  it("requires client authentication", async () => {
    const tokens = await grant(sandbox, userId);
    const response = await revokeRequest(
      sandbox,
      { token: tokens.access_token, token_type_hint: "access_token" },
      null,
    );

    expect(response.status).toBe(401);
    expect((await getMe(sandbox, tokens.access_token)).status).toBe(200);
  });
});
