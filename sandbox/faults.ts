import { z } from "zod";

import { randomToken } from "./ids";
import type { SandboxState } from "./state";

export const FAULT_KINDS = [
  "status",
  "unauthorized",
  "rate_limit",
  "delay",
  "hang",
  "drop",
  "created_then_lost",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRuleInput = z.strictObject({
  /** HTTP method to match. `*` or an omitted method matches any. */
  method: z.string().toUpperCase().default("*"),
  /** Path to match, where `*` matches any run of characters, including `/`. */
  path: z.string().startsWith("/"),
  kind: z.enum(FAULT_KINDS),
  /** How many matching requests fire the fault. `always` never runs out. */
  times: z.union([z.number().int().positive(), z.literal("always")]).default(1),
  /** How many matching requests pass untouched before the fault starts firing. */
  skip: z.number().int().min(0).default(0),
  /** HTTP status that a `status` fault responds with. */
  status: z.union([z.literal(500), z.literal(503)]).default(503),
  /** Real-time milliseconds a `delay` fault waits before the normal response. */
  delay_ms: z.number().int().min(0).max(600_000).default(1000),
  /** Seconds from now that a `rate_limit` fault puts in x-rate-limit-reset. */
  reset_in_seconds: z.number().int().min(0).default(900),
  /** What a `created_then_lost` fault does after creating: respond 503, or destroy the connection. */
  lost_as: z.enum(["503", "drop"]).default("503"),
});

export type FaultRuleInput = z.input<typeof faultRuleInput>;

export interface FaultRule {
  id: string;
  method: string;
  path: string;
  kind: FaultKind;
  remaining: number | "always";
  skip: number;
  status: 500 | 503;
  delayMs: number;
  resetInSeconds: number;
  lostAs: "503" | "drop";
  /** Matching requests seen so far, skipped ones included. */
  seen: number;
}

function pathMatches(pattern: string, path: string): boolean {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));

  return new RegExp(`^${escaped.join(".*")}$`).test(path);
}

export function addFault(state: SandboxState, input: z.output<typeof faultRuleInput>): FaultRule {
  const rule: FaultRule = {
    id: randomToken(6),
    method: input.method,
    path: input.path,
    kind: input.kind,
    remaining: input.times,
    skip: input.skip,
    status: input.status,
    delayMs: input.delay_ms,
    resetInSeconds: input.reset_in_seconds,
    lostAs: input.lost_as,
    seen: 0,
  };
  state.faults.push(rule);

  return rule;
}

/**
 * Returns the fault to apply to this request, if any. Rules are checked in the
 * order they were added, and the first matching rule whose skip count is used
 * up fires. A rule is removed once its `times` run out.
 */
export function takeFault(state: SandboxState, method: string, path: string): FaultRule | undefined {
  for (const rule of state.faults) {
    if ((rule.method !== "*" && rule.method !== method) || !pathMatches(rule.path, path)) {
      continue;
    }

    rule.seen += 1;
    if (rule.seen <= rule.skip) {
      continue;
    }

    if (rule.remaining !== "always") {
      rule.remaining -= 1;
      if (rule.remaining <= 0) {
        state.faults.splice(state.faults.indexOf(rule), 1);
      }
    }

    return rule;
  }

  return undefined;
}

export function describeFault(rule: FaultRule): Record<string, unknown> {
  return {
    id: rule.id,
    method: rule.method,
    path: rule.path,
    kind: rule.kind,
    remaining: rule.remaining,
    skip: rule.skip,
    seen: rule.seen,
    ...(rule.kind === "status" ? { status: rule.status } : {}),
    ...(rule.kind === "delay" ? { delay_ms: rule.delayMs } : {}),
    ...(rule.kind === "rate_limit" ? { reset_in_seconds: rule.resetInSeconds } : {}),
    ...(rule.kind === "created_then_lost" ? { lost_as: rule.lostAs } : {}),
  };
}
