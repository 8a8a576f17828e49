import { json, withHeaders, type Exchange, type Reply, type SandboxContext } from "./http";
import { forbidden, invalidRequest, problemReply, tooManyRequests, unauthorized } from "./problems";
import { takeEndpointAllowance } from "./rate-limits";
import { findUserByUsername, type FakeUser } from "./state";
import { authenticateBearer, hasScopes } from "./tokens";

export const USER_FIELDS = [
  "created_at",
  "description",
  "id",
  "name",
  "profile_image_url",
  "protected",
  "public_metrics",
  "url",
  "username",
  "verified",
  "verified_type",
] as const;

const USERNAME_PATTERN = /^[A-Za-z0-9_]{1,15}$/;

export type CreateUserResult = { ok: true; user: FakeUser } | { ok: false; message: string };

/** Creates a fake user after checking the name and handle the way X limits them. */
export function createUser(
  context: SandboxContext,
  input: { name: string; username: string; verified?: boolean; description?: string },
): CreateUserResult {
  const name = input.name.trim();
  const username = input.username.trim().replace(/^@/, "");
  if (name.length === 0 || name.length > 50) {
    return { ok: false, message: "Display name must be 1 to 50 characters." };
  }
  if (!USERNAME_PATTERN.test(username)) {
    return { ok: false, message: "Handle must be 1 to 15 letters, digits or underscores." };
  }
  if (findUserByUsername(context.state, username)) {
    return {
      ok: false,
      message: `The handle @${username} is taken. Pick another handle or choose that user.`,
    };
  }

  const now = context.clock.now();
  const user: FakeUser = {
    id: context.state.ids.next(now),
    name,
    username,
    createdAt: now,
    verified: input.verified ?? false,
    description: input.description ?? "",
  };
  context.state.users.set(user.id, user);

  return { ok: true, user };
}

export function profileImageUrl(context: SandboxContext, user: FakeUser): string {
  return `${context.baseUrl}/avatars/${user.id}.svg`;
}

function fieldValue(context: SandboxContext, user: FakeUser, field: (typeof USER_FIELDS)[number]): unknown {
  switch (field) {
    case "created_at":
      return new Date(user.createdAt).toISOString();
    case "description":
      return user.description;
    case "profile_image_url":
      return profileImageUrl(context, user);
    case "protected":
      return false;
    case "public_metrics":
      return {
        followers_count: 0,
        following_count: 0,
        tweet_count: countPosts(context, user.id),
        listed_count: 0,
      };
    case "url":
      return "";
    case "verified":
      return user.verified;
    case "verified_type":
      return user.verified ? "blue" : "none";
    default:
      return undefined;
  }
}

function countPosts(context: SandboxContext, userId: string): number {
  let count = 0;
  for (const post of context.state.posts.values()) {
    if (post.authorId === userId && post.deletedAt === null) count += 1;
  }

  return count;
}

/** Parses a comma-separated `*.fields` value; returns the unknown names in `invalid`. */
export function parseFieldList<T extends string>(
  raw: string | null,
  allowed: readonly T[],
): { fields: T[]; invalid: string[] } {
  const names = (raw ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const fields = names.filter((name): name is T => (allowed as readonly string[]).includes(name));
  const invalid = names.filter((name) => !(allowed as readonly string[]).includes(name));

  return { fields, invalid };
}

export function userObject(
  context: SandboxContext,
  user: FakeUser,
  fields: readonly (typeof USER_FIELDS)[number][],
): Record<string, unknown> {
  const data: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
  for (const field of fields) {
    if (!(field in data)) {
      data[field] = fieldValue(context, user, field);
    }
  }

  return data;
}

/** GET /2/users/me. X requires both `users.read` and `tweet.read` here. */
export function handleUsersMe(exchange: Exchange): Reply {
  const { context } = exchange;
  const auth = authenticateBearer(context, exchange.req);
  if (!auth.ok) {
    return problemReply(unauthorized());
  }

  const limit = takeEndpointAllowance(context.state, context.clock, "users.me", auth.user.id);
  if (!hasScopes(auth.token, ["users.read", "tweet.read"])) {
    return problemReply(forbidden(), limit.headers);
  }
  if (!limit.allowed) {
    return problemReply(tooManyRequests(), limit.headers);
  }

  const { fields, invalid } = parseFieldList(exchange.url.searchParams.get("user.fields"), USER_FIELDS);
  const firstInvalid = invalid[0];
  if (firstInvalid !== undefined) {
    const message = `The \`user.fields\` query parameter value [${firstInvalid}] is not one of [${USER_FIELDS.join(",")}]`;

    return problemReply(invalidRequest(message, { "user.fields": [firstInvalid] }), limit.headers);
  }

  return withHeaders(json(200, { data: userObject(context, auth.user, fields) }), limit.headers);
}

/** GET /avatars/:id.svg, the profile image URL the sandbox hands out. */
export function handleAvatar(exchange: Exchange): Reply {
  const user = exchange.context.state.users.get(exchange.params.id ?? "");
  const initial = (user?.name.trim()[0] ?? "?").toUpperCase().replace(/[^A-Z0-9]/, "?");
  const hue = Number(BigInt(exchange.params.id ?? "0") % 360n);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<rect width="96" height="96" rx="48" fill="hsl(${hue} 55% 45%)"/>
<text x="48" y="62" font-family="sans-serif" font-size="44" text-anchor="middle" fill="#fff">${initial}</text>
</svg>`;

  return { status: user ? 200 : 404, headers: { "content-type": "image/svg+xml" }, body: svg };
}
