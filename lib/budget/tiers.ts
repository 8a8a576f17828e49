import { getConfig, type Config } from "@/lib/config";

export type XApiTier = Config["xApiTier"];

export interface PostingLimit {
  limit: number;
  windowMs: number;
}

export interface PostingLimits {
  tier: XApiTier;
  user: PostingLimit;
  app: PostingLimit;
  /** USD per post on pay-per-use, null on subscription tiers. */
  pricing: { perPost: number; perPostWithUrl: number } | null;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

// X's published POST /2/tweets limits per access tier, and pay-per-use prices as of April 2026.
const TIER_LIMITS: Record<XApiTier, Omit<PostingLimits, "tier">> = {
  free: { user: { limit: 17, windowMs: DAY_MS }, app: { limit: 17, windowMs: DAY_MS }, pricing: null },
  basic: { user: { limit: 100, windowMs: DAY_MS }, app: { limit: 1667, windowMs: DAY_MS }, pricing: null },
  pro: {
    user: { limit: 100, windowMs: 15 * MINUTE_MS },
    app: { limit: 10_000, windowMs: DAY_MS },
    pricing: null,
  },
  "pay-per-use": {
    user: { limit: 100, windowMs: 15 * MINUTE_MS },
    app: { limit: 10_000, windowMs: DAY_MS },
    pricing: { perPost: 0.015, perPostWithUrl: 0.2 },
  },
};

/** Returns the posting limits in force: the tier's defaults with the operator's overrides. */
export function getPostingLimits(): PostingLimits {
  const { xApiTier, xPostLimits } = getConfig();
  const defaults = TIER_LIMITS[xApiTier];

  return {
    tier: xApiTier,
    user: { ...defaults.user, limit: xPostLimits.user ?? defaults.user.limit },
    app: { ...defaults.app, limit: xPostLimits.app ?? defaults.app.limit },
    pricing: defaults.pricing,
  };
}
