import { closesFence } from "./normalize";

export type BlockKind =
  | "heading"
  | "paragraph"
  | "list"
  | "quote"
  | "code"
  | "table"
  | "figure"
  | "caption"
  | "rule"
  | "html"
  | "definitions";

/** One numbered block of an article body: a paragraph, heading, list, code block and so on. */
export interface ArticleBlock {
  /** Zero-based position in the body; insights point at blocks by this number. */
  index: number;
  kind: BlockKind;
  /** The block's Markdown, exactly as it appears in the body. */
  markdown: string;
  /** 1 to 6 for headings, 0 otherwise. */
  level: number;
}

/** Blocks whose text may hold sentences of the article. */
export const PROSE_KINDS: ReadonlySet<BlockKind> = new Set(["paragraph", "list", "quote"]);

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:\s|$)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const RULE = /^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;
const IMAGE_START = /^ {0,3}\[?!\[/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const HTML_BLOCK =
  /^ {0,3}<\/?(?:address|article|aside|audio|blockquote|center|details|div|dl|figure|footer|form|h[1-6]|header|hr|iframe|img|nav|ol|p|picture|pre|script|section|style|summary|table|ul|video)\b/i;
const FULLY_EMPHASISED = /^(?:_[^_].*_|\*[^*].*\*)$/;

function classify(lines: string[], previous: ArticleBlock | undefined): { kind: BlockKind; level: number } {
  const first = lines[0] ?? "";
  const heading = HEADING.exec(first);
  if (heading?.[1] && lines.length === 1) return { kind: "heading", level: heading[1].length };
  if (FENCE_OPEN.test(first)) return { kind: "code", level: 0 };
  if (lines.every((line) => /^(?: {4}|\t)/.test(line))) {
    return { kind: previous?.kind === "list" ? "list" : "code", level: 0 };
  }
  if (RULE.test(first) && lines.length === 1) return { kind: "rule", level: 0 };
  if (lines.every((line) => DEFINITION.test(line) || /^\s+\S/.test(line)))
    return { kind: "definitions", level: 0 };
  if (first.trimStart().startsWith("|") || TABLE_SEPARATOR.test(lines[1] ?? "x"))
    return { kind: "table", level: 0 };
  if (IMAGE_START.test(first)) return { kind: "figure", level: 0 };
  if (previous?.kind === "figure" && lines.length === 1 && FULLY_EMPHASISED.test(first.trim())) {
    return { kind: "caption", level: 0 };
  }
  if (HTML_BLOCK.test(first)) return { kind: "html", level: 0 };
  if (LIST_ITEM.test(first)) return { kind: "list", level: 0 };
  if (/^ {0,3}>/.test(first)) return { kind: "quote", level: 0 };

  return { kind: "paragraph", level: 0 };
}

/**
 * Splits a normalised article body into numbered blocks. Blocks are separated
 * by blank lines, except inside fenced code, which is always one block.
 */
export function splitArticleBlocks(body: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let lines: string[] = [];
  let fence: string | null = null;

  const flush = () => {
    if (lines.length === 0) return;
    const { kind, level } = classify(lines, blocks.at(-1));
    blocks.push({ index: blocks.length, kind, level, markdown: lines.join("\n") });
    lines = [];
  };

  for (const line of body.split("\n")) {
    if (fence !== null) {
      lines.push(line);
      if (closesFence(line, fence)) {
        fence = null;
        flush();
      }
      continue;
    }
    const opening = FENCE_OPEN.exec(line)?.[1];
    if (opening) {
      flush();
      fence = opening;
      lines.push(line);
      continue;
    }
    if (line.trim() === "") flush();
    else lines.push(line);
  }
  flush();

  return blocks;
}
