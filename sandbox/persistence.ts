import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { z } from "zod";

import type { Clock } from "./clock";
import { TIERS } from "./config";
import { IdGenerator } from "./ids";
import type { SandboxState } from "./state";

const SNAPSHOT_VERSION = 1;

const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  createdAt: z.number(),
  verified: z.boolean(),
  description: z.string(),
});

const postSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  text: z.string(),
  submittedText: z.string(),
  createdAt: z.number(),
  conversationId: z.string(),
  inReplyToPostId: z.string().nullable(),
  inReplyToUserId: z.string().nullable(),
  deletedAt: z.number().nullable(),
});

const tokenSchema = z.object({
  value: z.string(),
  kind: z.enum(["access", "refresh"]),
  userId: z.string(),
  clientId: z.string(),
  scopes: z.array(z.string()),
  familyId: z.string(),
  pairedWith: z.string().nullable(),
  issuedAt: z.number(),
  expiresAt: z.number().nullable(),
  status: z.enum(["active", "rotated", "revoked"]),
});

const bucketSchema = z.object({
  key: z.string(),
  windowStart: z.number(),
  windowMs: z.number(),
  limit: z.number(),
  count: z.number(),
});

const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  clockOffsetMs: z.number(),
  lastId: z.string().regex(/^[0-9]+$/),
  tier: z.enum(TIERS),
  postLimitOverrides: z.object({
    userLimit: z.number().optional(),
    userWindowMs: z.number().optional(),
    appLimit: z.number().optional(),
    appWindowMs: z.number().optional(),
  }),
  credits: z.object({
    balanceMicroUsd: z.number(),
    postCostMicroUsd: z.number(),
    urlPostCostMicroUsd: z.number(),
  }),
  settings: z.object({
    accessTokenLifetimeSeconds: z.number(),
    revokeFamilyOnReuse: z.boolean(),
  }),
  users: z.array(userSchema),
  posts: z.array(postSchema),
  tokens: z.array(tokenSchema),
  buckets: z.array(bucketSchema),
});

type Snapshot = z.infer<typeof snapshotSchema>;

function takeSnapshot(state: SandboxState, clock: Clock): Snapshot {
  return {
    version: SNAPSHOT_VERSION,
    clockOffsetMs: clock.offset,
    lastId: state.ids.lastId,
    tier: state.tier,
    postLimitOverrides: { ...state.postLimitOverrides },
    credits: { ...state.credits },
    settings: { ...state.settings },
    users: [...state.users.values()],
    posts: [...state.posts.values()],
    tokens: [...state.tokens.values()],
    buckets: [...state.buckets.entries()].map(([key, bucket]) => ({ key, ...bucket })),
  };
}

/**
 * Writes users, posts, tokens, rate limit windows, credits, settings and the
 * clock offset to `path`. Writes a temporary file first and renames it, so a
 * crash never leaves half a file. Faults and pending authorizations are not kept.
 */
export function saveState(path: string, state: SandboxState, clock: Clock): void {
  const temporaryPath = `${path}.${process.pid}.tmp`;
  writeFileSync(temporaryPath, JSON.stringify(takeSnapshot(state, clock), null, 2));
  renameSync(temporaryPath, path);
}

/**
 * Loads a file written by saveState into `state` and `clock`. Does nothing
 * when the file does not exist, and throws when it exists but is not a snapshot.
 */
export function loadState(path: string, state: SandboxState, clock: Clock): void {
  if (!existsSync(path)) {
    return;
  }

  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(
      `The X sandbox state file ${path} is not valid JSON (${String(error)}). Fix it or delete it.`,
    );
  }

  const parsed = snapshotSchema.safeParse(parsedJson);
  if (!parsed.success) {
    throw new Error(
      `The X sandbox state file ${path} has an unknown layout. Delete it to start with empty state.`,
    );
  }

  const snapshot = parsed.data;
  clock.restoreOffset(snapshot.clockOffsetMs);
  state.ids = new IdGenerator(snapshot.lastId);
  state.tier = snapshot.tier;
  state.postLimitOverrides = snapshot.postLimitOverrides;
  state.credits = snapshot.credits;
  state.settings = snapshot.settings;
  state.users = new Map(snapshot.users.map((user) => [user.id, user]));
  state.posts = new Map(snapshot.posts.map((post) => [post.id, post]));
  state.tokens = new Map(snapshot.tokens.map((token) => [token.value, token]));
  state.buckets = new Map(snapshot.buckets.map(({ key, ...bucket }) => [key, bucket]));
}
