import type { FakeUser, Post, TokenRecord } from "./state";
import type { SandboxContext } from "./http";
import { currentPostLimits, sends24HourHeaders } from "./rate-limits";
import { profileImageUrl } from "./users";

/** JSON views of sandbox records for the admin API, in X's snake_case style. */

export function describeUser(context: SandboxContext, user: FakeUser): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    created_at: new Date(user.createdAt).toISOString(),
    verified: user.verified,
    description: user.description,
    profile_image_url: profileImageUrl(context, user),
  };
}

export function describeToken(context: SandboxContext, token: TokenRecord): Record<string, unknown> {
  return {
    token: token.value,
    kind: token.kind,
    status: token.status,
    expired: token.expiresAt !== null && token.expiresAt <= context.clock.now(),
    user_id: token.userId,
    client_id: token.clientId,
    scope: token.scopes.join(" "),
    family_id: token.familyId,
    issued_at: new Date(token.issuedAt).toISOString(),
    expires_at: token.expiresAt === null ? null : new Date(token.expiresAt).toISOString(),
  };
}

export function describePost(post: Post): Record<string, unknown> {
  return {
    id: post.id,
    author_id: post.authorId,
    text: post.text,
    submitted_text: post.submittedText,
    created_at: new Date(post.createdAt).toISOString(),
    conversation_id: post.conversationId,
    in_reply_to_tweet_id: post.inReplyToPostId,
    in_reply_to_user_id: post.inReplyToUserId,
    deleted_at: post.deletedAt === null ? null : new Date(post.deletedAt).toISOString(),
  };
}

export function describeTier(context: SandboxContext): Record<string, unknown> {
  const limits = currentPostLimits(context.state);

  return {
    tier: context.state.tier,
    limits: {
      user_limit: limits.userLimit,
      user_window_seconds: limits.userWindowMs / 1000,
      app_limit: limits.appLimit,
      app_window_seconds: limits.appWindowMs / 1000,
    },
    sends_24_hour_headers: sends24HourHeaders(context.state.tier),
  };
}

export function describeClock(context: SandboxContext): Record<string, unknown> {
  const now = context.clock.now();

  return { now: new Date(now).toISOString(), now_ms: now, offset_ms: context.clock.offset };
}

export function describeSettings(context: SandboxContext): Record<string, unknown> {
  return {
    access_token_lifetime_seconds: context.state.settings.accessTokenLifetimeSeconds,
    revoke_family_on_reuse: context.state.settings.revokeFamilyOnReuse,
  };
}
