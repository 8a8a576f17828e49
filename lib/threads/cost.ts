import twitterText from "twitter-text";
import type { PostingLimits } from "@/lib/budget/tiers";

/** Estimates what posting these texts costs on pay-per-use, in USD. Returns null on subscription tiers. */
export function estimateThreadCost(texts: readonly string[], limits: PostingLimits): number | null {
  if (!limits.pricing) return null;
  const { perPost, perPostWithUrl } = limits.pricing;
  // Summed in thousandths of a dollar so that 0.015 adds up without floating-point drift.
  const mills = texts.reduce((sum, text) => {
    const price = twitterText.extractUrls(text).length > 0 ? perPostWithUrl : perPost;
    return sum + Math.round(price * 1000);
  }, 0);

  return mills / 1000;
}
