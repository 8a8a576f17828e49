import type { IncomingMessage } from "node:http";

import { parseBearer, type SandboxContext } from "./http";
import { randomToken } from "./ids";
import type { FakeUser, SandboxState, TokenKind, TokenRecord } from "./state";

export interface TokenPair {
  access: TokenRecord;
  refresh: TokenRecord | null;
}

export interface IssueRequest {
  userId: string;
  clientId: string;
  scopes: string[];
  familyId?: string;
  lifetimeSeconds?: number;
}

// Shaped like X's tokens: base64 of "<random>:<issued ms>:1:<kind marker>:1".
function mintTokenValue(kind: TokenKind, issuedAt: number): string {
  const marker = kind === "access" ? "0:at" : "1:rt";

  return Buffer.from(`${randomToken(24)}:${issuedAt}:1:${marker}:1`).toString("base64url");
}

/** Issues an access token, plus a refresh token when `offline.access` is granted. */
export function issueTokenPair(context: SandboxContext, request: IssueRequest): TokenPair {
  const { state, clock } = context;
  const issuedAt = clock.now();
  const lifetimeSeconds = request.lifetimeSeconds ?? state.settings.accessTokenLifetimeSeconds;
  const familyId = request.familyId ?? randomToken(12);
  const base = {
    userId: request.userId,
    clientId: request.clientId,
    scopes: [...request.scopes],
    familyId,
    issuedAt,
    status: "active" as const,
  };

  const access: TokenRecord = {
    ...base,
    value: mintTokenValue("access", issuedAt),
    kind: "access",
    pairedWith: null,
    expiresAt: issuedAt + lifetimeSeconds * 1000,
  };
  state.tokens.set(access.value, access);

  if (!request.scopes.includes("offline.access")) {
    return { access, refresh: null };
  }

  const refresh: TokenRecord = {
    ...base,
    value: mintTokenValue("refresh", issuedAt),
    kind: "refresh",
    pairedWith: access.value,
    expiresAt: null,
  };
  access.pairedWith = refresh.value;
  state.tokens.set(refresh.value, refresh);

  return { access, refresh };
}

/** Builds the token endpoint's success body, as X sends it. */
export function tokenResponseBody(pair: TokenPair): Record<string, string | number> {
  const body: Record<string, string | number> = {
    token_type: "bearer",
    expires_in: Math.round(((pair.access.expiresAt ?? pair.access.issuedAt) - pair.access.issuedAt) / 1000),
    access_token: pair.access.value,
    scope: pair.access.scopes.join(" "),
  };
  if (pair.refresh) {
    body.refresh_token = pair.refresh.value;
  }

  return body;
}

function revokeFamily(state: SandboxState, familyId: string): void {
  for (const token of state.tokens.values()) {
    if (token.familyId === familyId && token.status === "active") {
      token.status = "revoked";
    }
  }
}

export type RefreshOutcome = { ok: true; pair: TokenPair } | { ok: false };

/**
 * Rotates a refresh token: X returns a new access and refresh token and the
 * presented refresh token is dead from then on. A dead token presented again
 * also revokes its family's live tokens when `revokeFamilyOnReuse` is set.
 */
export function rotateRefreshToken(context: SandboxContext, value: string, clientId: string): RefreshOutcome {
  const { state } = context;
  const token = state.tokens.get(value);
  if (!token || token.kind !== "refresh" || token.clientId !== clientId || !state.users.has(token.userId)) {
    return { ok: false };
  }

  if (token.status !== "active") {
    if (token.status === "rotated" && state.settings.revokeFamilyOnReuse) {
      revokeFamily(state, token.familyId);
    }

    return { ok: false };
  }

  token.status = "rotated";
  const pair = issueTokenPair(context, {
    userId: token.userId,
    clientId: token.clientId,
    scopes: token.scopes,
    familyId: token.familyId,
  });

  return { ok: true, pair };
}

/** Revokes a token of this client. Revoking a refresh token also revokes its paired access token. */
export function revokeToken(state: SandboxState, value: string, clientId: string): void {
  const token = state.tokens.get(value);
  if (!token || token.clientId !== clientId) {
    return;
  }

  token.status = "revoked";
  if (token.kind === "refresh" && token.pairedWith) {
    const access = state.tokens.get(token.pairedWith);
    if (access) {
      access.status = "revoked";
    }
  }
}

export type BearerOutcome = { ok: true; token: TokenRecord; user: FakeUser } | { ok: false };

/** Resolves `Authorization: Bearer` to a live access token and its user. */
export function authenticateBearer(context: SandboxContext, req: IncomingMessage): BearerOutcome {
  const { state, clock } = context;
  const value = parseBearer(req.headers.authorization);
  const token = value ? state.tokens.get(value) : undefined;
  if (!token || token.kind !== "access" || token.status !== "active") {
    return { ok: false };
  }
  if (token.expiresAt === null || token.expiresAt <= clock.now()) {
    return { ok: false };
  }

  const user = state.users.get(token.userId);

  return user ? { ok: true, token, user } : { ok: false };
}

export function hasScopes(token: TokenRecord, required: readonly string[]): boolean {
  return required.every((scope) => token.scopes.includes(scope));
}
