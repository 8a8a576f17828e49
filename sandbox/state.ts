import type { ClientConfig, Tier } from "./config";
import type { FaultRule } from "./faults";
import { IdGenerator } from "./ids";

export interface FakeUser {
  id: string;
  name: string;
  username: string;
  createdAt: number;
  verified: boolean;
  description: string;
}

export interface Post {
  id: string;
  authorId: string;
  /** Text as X returns it, with URLs rewritten to t.co links. */
  text: string;
  /** Text as the caller sent it, which duplicate detection compares. */
  submittedText: string;
  createdAt: number;
  conversationId: string;
  inReplyToPostId: string | null;
  inReplyToUserId: string | null;
  deletedAt: number | null;
}

export type TokenKind = "access" | "refresh";

/** `rotated` marks a refresh token that was used once, which X treats as dead. */
export type TokenStatus = "active" | "rotated" | "revoked";

export interface TokenRecord {
  value: string;
  kind: TokenKind;
  userId: string;
  clientId: string;
  scopes: string[];
  /** Every token descended from one authorization shares a family id. */
  familyId: string;
  /** The other token issued in the same response, if any. */
  pairedWith: string | null;
  issuedAt: number;
  /** Epoch milliseconds, or null for refresh tokens, which do not expire here. */
  expiresAt: number | null;
  status: TokenStatus;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string;
  codeChallengeMethod: "S256" | "plain";
  userId: string;
  expiresAt: number;
  used: boolean;
}

/** An authorize request that passed validation and waits for the consent form. */
export interface PendingConsent {
  id: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  codeChallenge: string;
  codeChallengeMethod: "S256" | "plain";
  expiresAt: number;
}

export interface PostLimits {
  userLimit: number;
  userWindowMs: number;
  appLimit: number;
  appWindowMs: number;
}

export interface RateBucket {
  windowStart: number;
  windowMs: number;
  limit: number;
  count: number;
}

export interface Credits {
  balanceMicroUsd: number;
  postCostMicroUsd: number;
  urlPostCostMicroUsd: number;
}

export interface Settings {
  accessTokenLifetimeSeconds: number;
  revokeFamilyOnReuse: boolean;
}

export interface SandboxState {
  client: ClientConfig;
  settings: Settings;
  tier: Tier;
  postLimitOverrides: Partial<PostLimits>;
  credits: Credits;
  users: Map<string, FakeUser>;
  posts: Map<string, Post>;
  tokens: Map<string, TokenRecord>;
  codes: Map<string, AuthorizationCode>;
  consents: Map<string, PendingConsent>;
  buckets: Map<string, RateBucket>;
  faults: FaultRule[];
  ids: IdGenerator;
}

export interface InitialState {
  client: ClientConfig;
  settings: Settings;
  tier: Tier;
  credits: Credits;
}

export function createState(initial: InitialState): SandboxState {
  return {
    client: { ...initial.client, redirectUris: [...initial.client.redirectUris] },
    settings: { ...initial.settings },
    tier: initial.tier,
    postLimitOverrides: {},
    credits: { ...initial.credits },
    users: new Map(),
    posts: new Map(),
    tokens: new Map(),
    codes: new Map(),
    consents: new Map(),
    buckets: new Map(),
    faults: [],
    ids: new IdGenerator(),
  };
}

/** Empties `state` in place and restores the initial settings. The id sequence keeps growing. */
export function resetState(state: SandboxState, initial: InitialState): void {
  const fresh = createState(initial);
  const ids = state.ids;
  Object.assign(state, fresh, { ids });
}

export function findUserByUsername(state: SandboxState, username: string): FakeUser | undefined {
  const wanted = username.toLowerCase();
  for (const user of state.users.values()) {
    if (user.username.toLowerCase() === wanted) {
      return user;
    }
  }

  return undefined;
}

export function isLivePost(post: Post | undefined): post is Post {
  return post !== undefined && post.deletedAt === null;
}
