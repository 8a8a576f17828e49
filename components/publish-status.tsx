import type { ThreadPost, ThreadWithPosts } from "@/lib/threads/types";
import { ResumeThreadButton } from "./resume-thread-button";

export interface PublishStatusProps {
  thread: ThreadWithPosts;
  /** The X handle the thread was posted from, without `@`; null links through X's handle-less URL. */
  username: string | null;
}

const HEADLINES: Partial<Record<ThreadWithPosts["status"], string>> = {
  publishing: "Publishing now",
  published: "Published on X",
  partial: "Partly published",
  failed: "Not published",
  scheduled: "Scheduled",
};

function postUrl(username: string | null, xPostId: string): string {
  return username
    ? `https://x.com/${encodeURIComponent(username)}/status/${xPostId}`
    : `https://x.com/i/web/status/${xPostId}`;
}

function excerpt(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function PostLine({ post, username }: { post: ThreadPost; username: string | null }) {
  const label = `Post ${post.position + 1}`;
  if (post.state === "posted" && post.xPostId) {
    return (
      <>
        <span className="font-medium text-accent">Posted</span>{" "}
        <a href={postUrl(username, post.xPostId)} className="underline" target="_blank" rel="noreferrer">
          View {label.toLowerCase()} on X
        </a>
      </>
    );
  }
  if (post.state === "failed") {
    return (
      <>
        <span className="font-medium text-red-700">Not posted</span> {post.lastError ?? "X rejected it."}
      </>
    );
  }
  if (post.state === "sending" || post.state === "unknown") {
    return (
      <>
        <span className="font-medium text-amber-800">Not confirmed</span> X did not confirm this post yet; it
        is checked on X before it is ever sent again.
      </>
    );
  }

  return (
    <>
      <span className="font-medium text-neutral-600">Not sent</span>
      {post.lastError ? ` ${post.lastError}` : ""}
    </>
  );
}

/**
 * Shows which posts of a thread went out (with links to X), which did not, and why,
 * with a Resume button for a partly published thread. Renders nothing for a
 * thread that was never sent.
 */
export function PublishStatus({ thread, username }: PublishStatusProps) {
  const hasHistory = thread.posts.some((post) => post.state !== "pending" || post.lastError);
  const headline = HEADLINES[thread.status];
  if (!headline || (thread.status === "scheduled" && !thread.lastError && !hasHistory)) return null;

  return (
    <section aria-label="Publishing status" className="rounded-lg bg-white p-4 ring-1 ring-neutral-200">
      <h2 className="font-semibold">{headline}</h2>
      {thread.lastError && <p className="mt-1 text-sm text-neutral-700">{thread.lastError}</p>}
      <ol className="mt-3 space-y-2 text-sm">
        {thread.posts.map((post) => (
          <li key={post.id} className="flex flex-col gap-0.5">
            <span className="text-neutral-500">
              Post {post.position + 1}: {excerpt(post.text)}
            </span>
            <span>
              <PostLine post={post} username={username} />
            </span>
          </li>
        ))}
      </ol>
      {thread.status === "partial" && (
        <div className="mt-4">
          <ResumeThreadButton threadId={thread.id} />
        </div>
      )}
    </section>
  );
}
