import { type FrontMatter, splitFrontMatter } from "./front-matter";

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;

interface Segment {
  isFence: boolean;
  lines: string[];
}

/** Returns true when `line` closes a fence opened by `opening` (e.g. "```" or "~~~~"). */
export function closesFence(line: string, opening: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);

  return Boolean(match?.[1] && match[1][0] === opening[0] && match[1].length >= opening.length);
}

// Splits lines into runs outside and inside fenced code, so that clean-up
// never touches code. An unclosed fence runs to the end, as in CommonMark.
function splitFences(lines: string[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { isFence: false, lines: [] };
  let opening: string | null = null;

  for (const line of lines) {
    if (opening === null) {
      const match = FENCE_OPEN.exec(line);
      if (match?.[1]) {
        if (current.lines.length > 0) segments.push(current);
        opening = match[1];
        current = { isFence: true, lines: [line.trimEnd()] };
        continue;
      }
      current.lines.push(line);
      continue;
    }
    current.lines.push(line.trimEnd());
    if (closesFence(line, opening)) {
      segments.push(current);
      opening = null;
      current = { isFence: false, lines: [] };
    }
  }
  if (current.lines.length > 0) segments.push(current);

  return segments;
}

function convertSetextHeadings(lines: string[]): string[] {
  const output: string[] = [];
  for (const line of lines) {
    const previous = output.at(-1);
    const isUnderline = /^ {0,3}(=+|-+)\s*$/.exec(line);
    const canBeHeading =
      previous !== undefined &&
      previous.trim() !== "" &&
      !ATX_HEADING.test(previous) &&
      !LIST_ITEM.test(previous);
    if (isUnderline?.[1] && canBeHeading && (output.length < 2 || output.at(-2)?.trim() === "")) {
      output[output.length - 1] = `${isUnderline[1].startsWith("=") ? "#" : "##"} ${previous.trim()}`;
      continue;
    }
    output.push(line);
  }

  return output;
}

function cleanProse(lines: string[]): string[] {
  const text = lines
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/<!--[\s\S]*?-->/g, "");
  const output: string[] = [];
  for (const line of convertSetextHeadings(text.split("\n"))) {
    if (ATX_HEADING.test(line)) output.push("", line.trim(), "");
    else output.push(line);
  }

  return output;
}

/**
 * Normalises pasted or converted Markdown into the stored article body and
 * returns the front matter it removed. The body is in Unicode NFC with LF line
 * endings and no trailing spaces. HTML comments are dropped and setext
 * headings become ATX. Blocks are one blank line apart, and headings and
 * fenced code are always blocks of their own. Fenced code keeps its lines and
 * blank lines, losing only trailing spaces.
 */
export function normalizeArticleMarkdown(input: string): { body: string; frontMatter: FrontMatter } {
  const unified = input
    .replace(/^\uFEFF/, "")
    .normalize("NFC")
    .replace(/\r\n?/g, "\n");
  const { frontMatter, content } = splitFrontMatter(unified);

  const parts: string[] = [];
  for (const segment of splitFences(content.split("\n"))) {
    const text = segment.isFence
      ? segment.lines.join("\n")
      : cleanProse(segment.lines)
          .join("\n")
          .replace(/\n(?:[ \t]*\n)+/g, "\n\n")
          .replace(/^(?:[ \t]*\n)+|\s+$/g, "");
    if (text.trim() !== "") parts.push(text);
  }
  const body = parts.join("\n\n");

  return { body, frontMatter };
}
