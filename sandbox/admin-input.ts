import { z } from "zod";

import { TIERS } from "./config";
import { json, type Exchange, type Reply } from "./http";

/** Request bodies of the admin API and the parser that checks them. */

const DEFAULT_GRANT_SCOPE = "tweet.read tweet.write users.read offline.access";

export function adminError(status: number, message: string): Reply {
  return json(status, { error: message });
}

/** Parses the JSON body with `schema`, treating an empty body as `{}`. */
export function parseBody<T extends z.ZodType>(
  exchange: Exchange,
  schema: T,
): { ok: true; data: z.output<T> } | { ok: false; reply: Reply } {
  let raw: unknown = {};
  if (exchange.body.trim().length > 0) {
    try {
      raw = JSON.parse(exchange.body);
    } catch {
      return { ok: false, reply: adminError(400, "The request body is not valid JSON.") };
    }
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);

    return { ok: false, reply: adminError(400, `Invalid admin request: ${issues.join("; ")}.`) };
  }

  return { ok: true, data: parsed.data };
}

const positiveInt = z.number().int().positive();

export const tierInput = z.strictObject({
  tier: z.enum(TIERS).optional(),
  limits: z
    .strictObject({
      user_limit: z.number().int().min(0).optional(),
      user_window_seconds: positiveInt.optional(),
      app_limit: z.number().int().min(0).optional(),
      app_window_seconds: positiveInt.optional(),
    })
    .optional(),
});

export const clockInput = z.union([
  z.strictObject({ advance_ms: z.number().int() }),
  z.strictObject({ set: z.union([z.iso.datetime({ offset: true }), z.number().int().positive()]) }),
]);

export const creditsInput = z.strictObject({
  balance_usd: z.number().finite().optional(),
  post_cost_usd: z.number().min(0).optional(),
  url_post_cost_usd: z.number().min(0).optional(),
});

export const settingsInput = z.strictObject({
  access_token_lifetime_seconds: positiveInt.optional(),
  revoke_family_on_reuse: z.boolean().optional(),
});

export const userInput = z.strictObject({
  name: z.string(),
  username: z.string(),
  verified: z.boolean().optional(),
  description: z.string().max(160).optional(),
});

export const grantInput = z
  .strictObject({
    user_id: z.string().optional(),
    username: z.string().optional(),
    scope: z.string().default(DEFAULT_GRANT_SCOPE),
    expires_in_seconds: positiveInt.optional(),
  })
  .refine(
    (input) => (input.user_id === undefined) !== (input.username === undefined),
    "give exactly one of user_id and username",
  );
