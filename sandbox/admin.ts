import {
  adminError,
  clockInput,
  creditsInput,
  grantInput,
  parseBody,
  settingsInput,
  tierInput,
  userInput,
} from "./admin-input";
import { X_SCOPES } from "./authorize";
import { describeCredits, usdToMicro } from "./credits";
import { addFault, describeFault, faultRuleInput } from "./faults";
import {
  describeClock,
  describePost,
  describeSettings,
  describeTier,
  describeToken,
  describeUser,
} from "./admin-views";
import { json, type Handler } from "./http";
import { findUserByUsername, resetState } from "./state";
import { issueTokenPair, tokenResponseBody } from "./tokens";
import { createUser } from "./users";

/** JSON endpoints under /_admin/ for tests and people. The router admits only loopback callers. */

export const adminRoutes: Array<{ method: string; path: string; handler: Handler }> = [
  {
    method: "POST",
    path: "/_admin/reset",
    handler: ({ context }) => {
      resetState(context.state, context.initial);
      context.clock.restoreOffset(0);

      return json(200, { reset: true });
    },
  },
  { method: "GET", path: "/_admin/tier", handler: ({ context }) => json(200, describeTier(context)) },
  {
    method: "POST",
    path: "/_admin/tier",
    handler: (exchange) => {
      const body = parseBody(exchange, tierInput);
      if (!body.ok) return body.reply;

      const { state } = exchange.context;
      const limits = body.data.limits ?? {};
      state.tier = body.data.tier ?? state.tier;
      state.postLimitOverrides = {
        ...(body.data.tier ? {} : state.postLimitOverrides),
        ...(limits.user_limit !== undefined ? { userLimit: limits.user_limit } : {}),
        ...(limits.user_window_seconds !== undefined
          ? { userWindowMs: limits.user_window_seconds * 1000 }
          : {}),
        ...(limits.app_limit !== undefined ? { appLimit: limits.app_limit } : {}),
        ...(limits.app_window_seconds !== undefined ? { appWindowMs: limits.app_window_seconds * 1000 } : {}),
      };
      // New limits start new windows, so counts from the old tier do not leak in.
      state.buckets.clear();

      return json(200, describeTier(exchange.context));
    },
  },
  {
    method: "GET",
    path: "/_admin/credits",
    handler: ({ context }) => json(200, describeCredits(context.state)),
  },
  {
    method: "POST",
    path: "/_admin/credits",
    handler: (exchange) => {
      const body = parseBody(exchange, creditsInput);
      if (!body.ok) return body.reply;

      const { credits } = exchange.context.state;
      if (body.data.balance_usd !== undefined) credits.balanceMicroUsd = usdToMicro(body.data.balance_usd);
      if (body.data.post_cost_usd !== undefined)
        credits.postCostMicroUsd = usdToMicro(body.data.post_cost_usd);
      if (body.data.url_post_cost_usd !== undefined)
        credits.urlPostCostMicroUsd = usdToMicro(body.data.url_post_cost_usd);

      return json(200, describeCredits(exchange.context.state));
    },
  },
  { method: "GET", path: "/_admin/clock", handler: ({ context }) => json(200, describeClock(context)) },
  {
    method: "POST",
    path: "/_admin/clock",
    handler: (exchange) => {
      const body = parseBody(exchange, clockInput);
      if (!body.ok) return body.reply;

      const { clock } = exchange.context;
      if ("advance_ms" in body.data) {
        clock.advance(body.data.advance_ms);
      } else {
        clock.set(typeof body.data.set === "number" ? body.data.set : Date.parse(body.data.set));
      }

      return json(200, describeClock(exchange.context));
    },
  },
  { method: "GET", path: "/_admin/settings", handler: ({ context }) => json(200, describeSettings(context)) },
  {
    method: "POST",
    path: "/_admin/settings",
    handler: (exchange) => {
      const body = parseBody(exchange, settingsInput);
      if (!body.ok) return body.reply;

      const { settings } = exchange.context.state;
      settings.accessTokenLifetimeSeconds =
        body.data.access_token_lifetime_seconds ?? settings.accessTokenLifetimeSeconds;
      settings.revokeFamilyOnReuse = body.data.revoke_family_on_reuse ?? settings.revokeFamilyOnReuse;

      return json(200, describeSettings(exchange.context));
    },
  },
  {
    method: "GET",
    path: "/_admin/clients",
    handler: ({ context }) => {
      const { clientId, type, redirectUris } = context.state.client;

      return json(200, { data: [{ client_id: clientId, type, redirect_uris: redirectUris }] });
    },
  },
  {
    method: "GET",
    path: "/_admin/users",
    handler: ({ context }) =>
      json(200, { data: [...context.state.users.values()].map((user) => describeUser(context, user)) }),
  },
  {
    method: "POST",
    path: "/_admin/users",
    handler: (exchange) => {
      const body = parseBody(exchange, userInput);
      if (!body.ok) return body.reply;

      const created = createUser(exchange.context, body.data);

      return created.ok
        ? json(201, { data: describeUser(exchange.context, created.user) })
        : adminError(400, created.message);
    },
  },
  {
    method: "POST",
    path: "/_admin/grant",
    handler: (exchange) => {
      const body = parseBody(exchange, grantInput);
      if (!body.ok) return body.reply;

      const { context } = exchange;
      const { user_id: userId, username, scope, expires_in_seconds: lifetimeSeconds } = body.data;
      const user =
        userId !== undefined
          ? context.state.users.get(userId)
          : findUserByUsername(context.state, username ?? "");
      if (!user) return adminError(404, `No fake user matches ${userId ?? `@${username}`}.`);

      const scopes = scope.split(" ").filter((name) => name.length > 0);
      const unknown = scopes.find((name) => !(X_SCOPES as readonly string[]).includes(name));
      if (unknown !== undefined) return adminError(400, `Unknown scope ${unknown}.`);

      const pair = issueTokenPair(context, {
        userId: user.id,
        clientId: context.state.client.clientId,
        scopes,
        lifetimeSeconds,
      });

      return json(200, { ...tokenResponseBody(pair), user_id: user.id });
    },
  },
  {
    method: "GET",
    path: "/_admin/tokens",
    handler: ({ context }) =>
      json(200, { data: [...context.state.tokens.values()].map((token) => describeToken(context, token)) }),
  },
  {
    method: "GET",
    path: "/_admin/posts",
    handler: ({ context }) => json(200, { data: [...context.state.posts.values()].map(describePost) }),
  },
  {
    method: "GET",
    path: "/_admin/faults",
    handler: ({ context }) => json(200, { data: context.state.faults.map(describeFault) }),
  },
  {
    method: "POST",
    path: "/_admin/faults",
    handler: (exchange) => {
      const body = parseBody(exchange, faultRuleInput);
      if (!body.ok) return body.reply;

      return json(201, { data: describeFault(addFault(exchange.context.state, body.data)) });
    },
  },
  {
    method: "DELETE",
    path: "/_admin/faults",
    handler: ({ context }) => {
      const cleared = context.state.faults.length;
      context.state.faults.length = 0;

      return json(200, { cleared });
    },
  },
];
