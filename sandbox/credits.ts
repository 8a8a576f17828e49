import type { Credits, SandboxState } from "./state";

const MICRO_USD_PER_USD = 1_000_000;

// X's pay-per-use prices in April 2026: USD 0.015 a post, USD 0.20 a post with a URL.
// POST /_admin/credits changes them.
export const DEFAULT_POST_COST_USD = 0.015;
export const DEFAULT_URL_POST_COST_USD = 0.2;

export function usdToMicro(usd: number): number {
  return Math.round(usd * MICRO_USD_PER_USD);
}

export function microToUsd(micro: number): number {
  return micro / MICRO_USD_PER_USD;
}

export function createCredits(balanceUsd: number): Credits {
  return {
    balanceMicroUsd: usdToMicro(balanceUsd),
    postCostMicroUsd: usdToMicro(DEFAULT_POST_COST_USD),
    urlPostCostMicroUsd: usdToMicro(DEFAULT_URL_POST_COST_USD),
  };
}

/** Returns true unless the tier is pay-per-use and the balance is zero or negative. */
export function hasCredits(state: SandboxState): boolean {
  return state.tier !== "pay-per-use" || state.credits.balanceMicroUsd > 0;
}

/** Charges one created post on pay-per-use. Like X, the last post may take the balance below zero. */
export function chargePost(state: SandboxState, containsUrl: boolean): void {
  if (state.tier !== "pay-per-use") {
    return;
  }

  const cost = containsUrl ? state.credits.urlPostCostMicroUsd : state.credits.postCostMicroUsd;
  state.credits.balanceMicroUsd -= cost;
}

export function describeCredits(state: SandboxState): {
  balance_usd: number;
  post_cost_usd: number;
  url_post_cost_usd: number;
} {
  return {
    balance_usd: microToUsd(state.credits.balanceMicroUsd),
    post_cost_usd: microToUsd(state.credits.postCostMicroUsd),
    url_post_cost_usd: microToUsd(state.credits.urlPostCostMicroUsd),
  };
}
