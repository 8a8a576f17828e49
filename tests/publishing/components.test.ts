import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { PublishStatus } from "@/components/publish-status";
import { WorkerStatusBanner } from "@/components/worker-status-banner";
import type { ThreadPost, ThreadWithPosts } from "@/lib/threads/types";

// The server action pulls in Auth.js, which needs the Next.js runtime; rendering only needs a function.
vi.mock("@/lib/publishing/actions", () => ({
  resumeThreadAction: async () => ({ ok: true, data: undefined }),
}));

function post(position: number, values: Partial<ThreadPost>): ThreadPost {
  return {
    id: `post-${position}`,
    threadId: "thread-1",
    position,
    text: `Post text ${position + 1}`,
    state: "pending",
    xPostId: null,
    postedAt: null,
    attempts: 0,
    lastError: null,
    ...values,
  };
}

function thread(values: Partial<ThreadWithPosts>): ThreadWithPosts {
  return {
    id: "7a0c9d43-5a3e-4f0b-9a57-3c1f7f6b2a10",
    userId: "user-1",
    accountId: null,
    insightId: null,
    title: "",
    status: "partial",
    publishAt: new Date("2026-04-01T09:00:00Z"),
    revision: 3,
    dispatchedRevision: 3,
    numbering: false,
    lastError: null,
    createdAt: new Date("2026-03-30T09:00:00Z"),
    updatedAt: new Date("2026-04-01T09:00:05Z"),
    posts: [],
    ...values,
  };
}

describe("PublishStatus", () => {
  const partial = thread({
    lastError: "Post 2 was not posted: X rejected it. Post 3 was not sent.",
    posts: [
      post(0, { state: "posted", xPostId: "1900000000000000001" }),
      post(1, {
        state: "failed",
        lastError: "X rejected it as a duplicate of a post already on your account.",
      }),
      post(2, {}),
    ],
  });

  it("links posts that went out", () => {
    const html = renderToStaticMarkup(createElement(PublishStatus, { thread: partial, username: "ada" }));

    expect(html).toContain('href="https://x.com/ada/status/1900000000000000001"');
  });

  it("says why a post failed", () => {
    const html = renderToStaticMarkup(createElement(PublishStatus, { thread: partial, username: "ada" }));

    expect(html).toContain("Partly published");
    expect(html).toContain("duplicate of a post already on your account");
    expect(html).toContain("Not sent");
  });

  it("offers Resume for a partial thread", () => {
    const html = renderToStaticMarkup(createElement(PublishStatus, { thread: partial, username: "ada" }));

    expect(html).toContain(">Resume</button>");
    expect(html).toContain(`value="${partial.id}"`);
  });

  it("offers no Resume once published", () => {
    const published = thread({ status: "published", posts: [post(0, { state: "posted", xPostId: "1" })] });

    const html = renderToStaticMarkup(createElement(PublishStatus, { thread: published, username: null }));

    expect(html).not.toContain("Resume");
    expect(html).toContain('href="https://x.com/i/web/status/1"');
  });

  it("marks unconfirmed posts", () => {
    const unsure = thread({ posts: [post(0, { state: "unknown" })] });

    expect(renderToStaticMarkup(createElement(PublishStatus, { thread: unsure, username: "ada" }))).toContain(
      "Not confirmed",
    );
  });

  it("renders nothing for a fresh schedule", () => {
    const scheduled = thread({ status: "scheduled", posts: [post(0, {})] });

    expect(renderToStaticMarkup(createElement(PublishStatus, { thread: scheduled, username: "ada" }))).toBe(
      "",
    );
  });
});

describe("WorkerStatusBanner", () => {
  it("says when the worker is offline", async () => {
    const element = await WorkerStatusBanner({
      status: { isRunning: false, lastSeenAt: new Date("2026-04-01T09:00:00Z") },
      timeZone: "Europe/Berlin",
    });

    const html = renderToStaticMarkup(element!);
    expect(html).toContain("Background publishing is offline");
    expect(html).toContain("Europe/Berlin");
  });

  it("stays hidden while the worker runs", async () => {
    expect(await WorkerStatusBanner({ status: { isRunning: true, lastSeenAt: new Date() } })).toBeNull();
  });
});
