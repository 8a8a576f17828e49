"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { saveThreadAction } from "@/app/(app)/threads/actions";
import { finalPostTexts, findPostProblems } from "@/lib/threads/final-texts";
import { MAX_POSTS_PER_THREAD } from "@/lib/threads/types";
import { measurePost, splitIntoPosts } from "@/lib/x/post-text";
import { PostEditor } from "./post-editor";
import { SchedulePanel, type ScheduleState } from "./schedule-panel";
import { ThreadPreview } from "./thread-preview";
import { useAutosave, type SaveState } from "./use-autosave";

export interface ComposerProps {
  thread: {
    id: string;
    title: string;
    numbering: boolean;
    revision: number;
    isEditable: boolean;
    /** Posts at the start already on X (a thread that stopped part way); they are read-only. */
    lockedCount: number;
    canSchedule: boolean;
  };
  posts: string[];
  author: { name: string | null; username: string | null; image: string | null };
  schedule: ScheduleState;
}

/** Room kept in each post for a " 12/25" numbering label when numbering is on. */
const NUMBERING_RESERVE = 6;

const SAVE_LABELS: Record<SaveState, string> = {
  saved: "All changes saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  error: "Not saved",
};

/** Splits text into posts for this thread, keeping room for numbering when it is on. */
function splitForThread(text: string, numbering: boolean): string[] {
  return splitIntoPosts(text, { maxWeightedLength: numbering ? 280 - NUMBERING_RESERVE : 280 });
}

/** Fits a list of posts into the thread's maximum, keeping every word: the overflow joins the last post. */
function capPosts(posts: string[]): string[] {
  if (posts.length <= MAX_POSTS_PER_THREAD) return posts;
  const kept = posts.slice(0, MAX_POSTS_PER_THREAD - 1);

  return [...kept, posts.slice(MAX_POSTS_PER_THREAD - 1).join("\n\n")];
}

export function Composer({ thread, posts: initialPosts, author, schedule }: ComposerProps) {
  const [title, setTitle] = useState(thread.title);
  const [posts, setPosts] = useState<string[]>(initialPosts.length > 0 ? initialPosts : [""]);
  const [numbering, setNumbering] = useState(thread.numbering);
  const revision = useRef(thread.revision);
  const disabled = !thread.isEditable;
  const { lockedCount } = thread;

  const draft = useMemo(() => ({ title, posts, numbering }), [title, posts, numbering]);
  const save = useCallback(
    async (value: typeof draft) => {
      const result = await saveThreadAction({ id: thread.id, ...value, revision: revision.current });
      if (result.ok) revision.current = result.data.revision;
      return result.ok ? { ok: true as const } : result;
    },
    [thread.id],
  );
  const autosave = useAutosave(draft, save);

  const finalTexts = useMemo(() => finalPostTexts(posts, numbering), [posts, numbering]);
  const measurements = useMemo(() => finalTexts.map((text) => measurePost(text)), [finalTexts]);
  // The same checks the server runs before scheduling, so the panel never offers what it would reject.
  const problems = useMemo(() => findPostProblems(posts, numbering), [posts, numbering]);

  function replacePost(index: number, replacement: string[]) {
    setPosts((current) =>
      capPosts([...current.slice(0, index), ...replacement, ...current.slice(index + 1)]),
    );
  }

  function changePost(index: number, text: string) {
    const parts = measurePost(text).invalidReason === "too_long" ? splitForThread(text, numbering) : [text];
    replacePost(index, parts.length > 1 ? parts : [text]);
  }

  function pasteIntoPost(index: number, pasted: string, start: number, end: number): boolean {
    const current = posts[index] ?? "";
    const combined = current.slice(0, start) + pasted + current.slice(end);
    if (measurePost(combined).invalidReason !== "too_long") return false;

    replacePost(index, splitForThread(combined, numbering));
    return true;
  }

  function splitAt(index: number, cursor: number) {
    const text = posts[index] ?? "";
    replacePost(index, [text.slice(0, cursor).trimEnd(), text.slice(cursor).trimStart()]);
  }

  function mergeWithNext(index: number) {
    setPosts((current) => {
      const joined = [current[index], current[index + 1]].filter(Boolean).join("\n\n");
      return [...current.slice(0, index), joined, ...current.slice(index + 2)];
    });
  }

  function move(index: number, offset: -1 | 1) {
    const target = index + offset;
    if (target < lockedCount || index < lockedCount || target >= posts.length) return;
    setPosts((current) => {
      const next = [...current];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
    requestAnimationFrame(() => document.getElementById(`post-${target + 1}`)?.focus());
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-4">
          <label htmlFor="thread-title" className="sr-only">
            Thread title
          </label>
          <input
            id="thread-title"
            value={title}
            disabled={disabled}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Untitled thread"
            maxLength={200}
            className="min-w-0 flex-1 border-b border-transparent bg-transparent font-serif text-2xl font-semibold focus:border-neutral-300 focus:outline-none"
          />
          <span
            role="status"
            className={`text-sm ${autosave.state === "error" ? "text-red-700" : "text-neutral-500"}`}
          >
            {SAVE_LABELS[autosave.state]}
          </span>
        </div>
        {autosave.error && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
            {autosave.error}
          </p>
        )}
        {disabled && (
          <p className="rounded-lg bg-neutral-100 p-3 text-sm text-neutral-700">
            This thread is being published or was already posted, so it can no longer be edited.
          </p>
        )}
        {lockedCount > 0 && (
          <p className="rounded-lg bg-neutral-100 p-3 text-sm text-neutral-700">
            The first {lockedCount === 1 ? "post is" : `${lockedCount} posts are`} on X and cannot change.
            Edit the posts after {lockedCount === 1 ? "it" : "them"}, then choose Resume to post the rest as
            replies.
          </p>
        )}

        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={numbering}
            disabled={disabled || lockedCount > 0}
            onChange={(event) => setNumbering(event.target.checked)}
          />
          Number the posts{posts.length > 1 && ` (1/${posts.length}, 2/${posts.length}, …)`}
        </label>

        <ol className="space-y-3">
          {posts.map((text, index) => (
            <PostEditor
              key={index}
              index={index}
              total={posts.length}
              text={text}
              measurement={measurements[index]!}
              problem={problems.find((problem) => problem.index === index)?.message ?? null}
              disabled={disabled || index < lockedCount}
              onChange={(value) => changePost(index, value)}
              onPaste={(pasted, start, end) => pasteIntoPost(index, pasted, start, end)}
              onSplitAt={(cursor) => splitAt(index, cursor)}
              onMergeWithNext={() => mergeWithNext(index)}
              onMove={(offset) => move(index, offset)}
              onDelete={() => setPosts((current) => current.filter((_, position) => position !== index))}
            />
          ))}
        </ol>
        <button
          type="button"
          disabled={disabled || posts.length >= MAX_POSTS_PER_THREAD}
          onClick={() => setPosts((current) => [...current, ""])}
          className="rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-neutral-300 hover:bg-white disabled:opacity-50"
        >
          Add post
        </button>
        {posts.length >= MAX_POSTS_PER_THREAD && (
          <p className="text-sm text-neutral-600">A thread holds at most {MAX_POSTS_PER_THREAD} posts.</p>
        )}
      </div>

      <div className="space-y-6">
        <SchedulePanel
          threadId={thread.id}
          posts={posts}
          numbering={numbering}
          state={schedule}
          isEditable={thread.canSchedule}
          hasInvalidPosts={problems.length > 0}
          flushSave={autosave.flush}
          onRevisionChange={(next) => {
            revision.current = next;
          }}
        />
        <ThreadPreview author={author} texts={finalTexts} />
      </div>
    </div>
  );
}
