/** Marks the start and end of inline code in plain text, so sentences can measure how much code they hold. */
export const CODE_START = "\uE000";
export const CODE_END = "\uE001";

// The named character references that hand-written Markdown uses most.
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

function decodeEntity(match: string, name: string): string {
  if (!name.startsWith("#")) return ENTITIES[name] ?? match;

  const codePoint = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
  const isValid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);

  return String.fromCodePoint(isValid ? codePoint : 0xfffd);
}

const LINK_OR_URL =
  /!?\[(?:[^\][]|\[[^\]]*\])*\](?:\([^)]*\)|\[[^\]]*\])?|<https?:\/\/[^>]+>|https?:\/\/\S+/g;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;

/** Returns true for a line made only of links, URLs, images and punctuation. */
export function isLinkOnlyLine(line: string): boolean {
  const withoutLinks = line.replace(LIST_MARKER, "").replace(LINK_OR_URL, "");
  const hadLinks = withoutLinks.length !== line.replace(LIST_MARKER, "").length;

  return hadLinks && !/[\p{L}\p{N}]/u.test(withoutLinks);
}

function stripEmphasis(text: string): string {
  return text
    .replace(/(\*\*|__)([\s\S]*?)\1/g, "$2")
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, "$1$2")
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1");
}

/**
 * Converts one block's inline Markdown to plain text: links become their
 * text, images, footnote markers and HTML tags are dropped, emphasis markers
 * and backslash escapes are removed, and white space is collapsed. With
 * `markCode`, code spans are wrapped in CODE_START and CODE_END.
 */
export function toPlainText(markdown: string, options: { markCode?: boolean } = {}): string {
  const codeSpans: string[] = [];
  let text = markdown.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_match, _ticks: string, code: string) => {
    codeSpans.push(code.trim());
    return `\uE002${codeSpans.length - 1}\uE003`;
  });

  text = text
    .replace(/!\[(?:[^\][]|\[[^\]]*\])*\](?:\([^)]*\)|\[[^\]]*\])?/g, "")
    .replace(/\[\^[^\]]+\]/g, "")
    .replace(/\[((?:[^\][]|\[[^\]]*\])*)\](?:\([^)]*\)|\[[^\]]*\])/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/<\/?[A-Za-z][^>]*>/g, "")
    .replace(/&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[a-z]+);/g, decodeEntity);
  text = stripEmphasis(text)
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();

  return text.replace(/\uE002(\d+)\uE003/g, (_match, index: string) => {
    const code = codeSpans[Number(index)] ?? "";
    return options.markCode ? `${CODE_START}${code}${CODE_END}` : code;
  });
}

/** Removes the code marks that `toPlainText` adds with `markCode`. */
export function unmarkCode(text: string): string {
  return text.replaceAll(CODE_START, "").replaceAll(CODE_END, "");
}
