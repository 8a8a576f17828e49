"use client";

import { useEffect, useState } from "react";
import { CreateThreadButton } from "./create-thread-button";
import type { FormAction } from "./types";

export interface InsightView {
  id: string;
  title: string;
  summary: string;
  keyQuote: string;
  /** Zero-based block indices into the article. */
  paragraphs: number[];
}

function paragraphElements(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>("[data-paragraph]"));
}

/**
 * Lists an article's insights. Choosing one opens it, marks the paragraphs it
 * came from in the article (the `data-highlighted` attribute) and scrolls the
 * first of them into view.
 */
export function InsightPanel({
  insights,
  createThread,
}: {
  insights: InsightView[];
  createThread: FormAction;
}) {
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    const selected = insights.find((insight) => insight.id === selectedId);
    const marked = new Set(selected?.paragraphs ?? []);
    const elements = paragraphElements();
    for (const element of elements) {
      element.toggleAttribute("data-highlighted", marked.has(Number(element.dataset.paragraph)));
    }
    const first = elements.find((element) => element.hasAttribute("data-highlighted"));
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    first?.scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "center" });
  }, [selectedId, insights]);

  if (insights.length === 0) {
    return (
      <p className="rounded-lg border-2 border-dashed border-neutral-300 p-4 text-sm text-neutral-600">
        This article has no insights yet.
      </p>
    );
  }

  return (
    <ol className="space-y-3">
      {insights.map((insight, position) => {
        const isSelected = insight.id === selectedId;
        const panelId = `insight-${insight.id}`;
        return (
          <li
            key={insight.id}
            className={`rounded-xl bg-white p-4 ring-1 ${isSelected ? "ring-2 ring-accent" : "ring-neutral-200"}`}
          >
            <h3>
              <button
                type="button"
                aria-expanded={isSelected}
                aria-controls={panelId}
                onClick={() => setSelectedId(isSelected ? null : insight.id)}
                className="w-full text-left font-semibold hover:text-accent"
              >
                <span className="mr-1 text-sm text-neutral-500">{position + 1}.</span> {insight.title}
              </button>
            </h3>
            <p className="mt-1 text-xs text-neutral-500">
              {insight.paragraphs.length === 1 ? "Paragraph" : "Paragraphs"}{" "}
              {insight.paragraphs.map((paragraph) => paragraph + 1).join(", ")}
            </p>
            {isSelected && (
              <div id={panelId} className="mt-3 space-y-3 text-sm leading-relaxed">
                <blockquote className="border-l-4 border-accent pl-3 font-serif text-base italic">
                  {insight.keyQuote}
                </blockquote>
                {insight.summary.split("\n\n").map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
                <CreateThreadButton insightId={insight.id} createThread={createThread} />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
