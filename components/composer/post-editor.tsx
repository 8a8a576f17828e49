"use client";

import { useRef } from "react";
import type { PostMeasurement } from "@/lib/x/post-text";
import { PostCounter } from "./post-counter";

interface PostEditorProps {
  index: number;
  total: number;
  text: string;
  measurement: PostMeasurement;
  /** The reason the server would reject this post, or null. */
  problem: string | null;
  disabled: boolean;
  onChange: (text: string) => void;
  onPaste: (text: string, selectionStart: number, selectionEnd: number) => boolean;
  onSplitAt: (cursor: number) => void;
  onMergeWithNext: () => void;
  onMove: (offset: -1 | 1) => void;
  onDelete: () => void;
}

const buttonClass =
  "rounded px-2 py-1 text-xs text-neutral-700 ring-1 ring-neutral-200 hover:bg-neutral-50 disabled:opacity-40";

export function PostEditor(props: PostEditorProps) {
  const { index, total, text, measurement, disabled } = props;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const number = index + 1;
  const isInvalid =
    measurement.invalidReason === "too_long" || measurement.invalidReason === "invalid_character";

  return (
    <li className="rounded-xl bg-white p-4 ring-1 ring-neutral-200" data-testid={`post-${number}`}>
      <div className="flex items-center justify-between">
        <label htmlFor={`post-${number}`} className="text-sm font-medium">
          Post {number}
        </label>
        <PostCounter measurement={measurement} />
      </div>
      <textarea
        id={`post-${number}`}
        ref={textarea}
        value={text}
        disabled={disabled}
        rows={Math.min(10, Math.max(3, Math.ceil(text.length / 60)))}
        aria-invalid={isInvalid || props.problem !== null}
        aria-describedby={props.problem ? `post-${number}-problem` : undefined}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onChange={(event) => props.onChange(event.target.value)}
        onPaste={(event) => {
          const pasted = event.clipboardData.getData("text/plain");
          const target = event.currentTarget;
          if (props.onPaste(pasted, target.selectionStart, target.selectionEnd)) event.preventDefault();
        }}
        onKeyDown={(event) => {
          if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
          event.preventDefault();
          props.onMove(event.key === "ArrowUp" ? -1 : 1);
        }}
        className={`mt-2 w-full resize-y rounded-lg border px-3 py-2 text-[15px] leading-snug focus:outline-2 focus:outline-accent ${
          isInvalid ? "border-red-400 bg-red-50/40" : "border-neutral-300"
        }`}
      />
      {props.problem && (
        <p id={`post-${number}-problem`} className="mt-1 text-sm text-red-700">
          {props.problem}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label={`Post ${number} actions`}>
        <button
          type="button"
          className={buttonClass}
          disabled={disabled || total >= 25}
          onClick={() => props.onSplitAt(textarea.current?.selectionStart ?? text.length)}
        >
          Split at cursor
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={disabled || index === total - 1}
          onClick={props.onMergeWithNext}
        >
          Merge with next
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={disabled || index === 0}
          onClick={() => props.onMove(-1)}
          aria-label={`Move post ${number} up`}
        >
          Move up
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={disabled || index === total - 1}
          onClick={() => props.onMove(1)}
          aria-label={`Move post ${number} down`}
        >
          Move down
        </button>
        <button
          type="button"
          className={`${buttonClass} ml-auto text-red-700`}
          disabled={disabled || total === 1}
          onClick={props.onDelete}
          aria-label={`Delete post ${number}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
