import { microToUsd } from "./credits";
import { html, type Exchange, type Reply, type SandboxContext } from "./http";
import { escapeHtml, renderLayout } from "./pages";
import type { FakeUser, Post } from "./state";
import { profileImageUrl } from "./users";

function formatTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();

  return `<time datetime="${iso}">${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC</time>`;
}

function compareIds(a: Post, b: Post): number {
  return BigInt(a.id) < BigInt(b.id) ? -1 : 1;
}

function renderPost(post: Post, children: Map<string, Post[]>, users: Map<string, FakeUser>): string {
  const author = users.get(post.authorId);
  const replies = (children.get(post.id) ?? []).map((reply) => renderPost(reply, children, users)).join("\n");
  const deleted = post.deletedAt === null ? "" : ` · deleted ${formatTime(post.deletedAt)}`;
  const textClass = post.deletedAt === null ? "text" : "text deleted";

  return `<li class="post" id="post-${post.id}">
<div class="meta">@${escapeHtml(author?.username ?? "unknown")} · ${formatTime(post.createdAt)} · id ${post.id}${deleted}</div>
<div class="${textClass}">${escapeHtml(post.text)}</div>
${replies ? `<ol>${replies}</ol>` : ""}
</li>`;
}

/** Renders each conversation the user started as a nested reply chain, newest conversation first. */
function renderThreads(user: FakeUser, posts: Post[], users: Map<string, FakeUser>): string {
  const byId = new Map(posts.map((post) => [post.id, post]));
  const children = new Map<string, Post[]>();
  for (const post of [...posts].sort(compareIds)) {
    if (post.inReplyToPostId !== null && byId.has(post.inReplyToPostId)) {
      const siblings = children.get(post.inReplyToPostId) ?? [];
      siblings.push(post);
      children.set(post.inReplyToPostId, siblings);
    }
  }

  const roots = posts
    .filter(
      (post) =>
        post.authorId === user.id && (post.inReplyToPostId === null || !byId.has(post.inReplyToPostId)),
    )
    .sort(compareIds)
    .reverse();
  if (roots.length === 0) {
    return "<p>No posts yet.</p>";
  }

  return roots.map((root) => `<ol class="thread">${renderPost(root, children, users)}</ol>`).join("\n");
}

function renderSummary(context: SandboxContext): string {
  const { state, clock } = context;
  const credits =
    state.tier === "pay-per-use"
      ? ` · credit balance USD ${microToUsd(state.credits.balanceMicroUsd).toFixed(3)}`
      : "";

  return `<p>Sandbox clock ${formatTime(clock.now())} · tier ${escapeHtml(state.tier)}${credits} · client ${escapeHtml(state.client.clientId)}</p>`;
}

/** GET /: every fake user and their posts as threads, so a person can see what the app sent. */
export function handleHomePage(exchange: Exchange): Reply {
  const { context } = exchange;
  const { state } = context;
  const users = [...state.users.values()].sort((a, b) => a.createdAt - b.createdAt);
  const posts = [...state.posts.values()];

  const sections = users.map((user) => {
    const avatar = `<img src="${escapeHtml(profileImageUrl(context, user))}" alt="" width="32" height="32">`;

    return `<section aria-labelledby="user-${user.id}">
<h2 id="user-${user.id}">${avatar} ${escapeHtml(user.name)} <span class="meta">@${escapeHtml(user.username)} · id ${user.id}</span></h2>
${renderThreads(user, posts, state.users)}
</section>`;
  });
  const empty =
    "<p>No fake users yet. Sign in with X from the app, or create one with POST /_admin/users.</p>";

  const body = `<h1>X sandbox</h1>
${renderSummary(context)}
${sections.length > 0 ? sections.join("\n") : empty}`;

  return html(200, renderLayout("X sandbox", body));
}
