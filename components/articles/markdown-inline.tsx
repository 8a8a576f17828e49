import type { ReactNode } from "react";

/** Link labels mapped to their targets, from the article's reference definitions. */
export type LinkReferences = ReadonlyMap<string, string>;

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

// One alternative per inline construct, tried left to right: code span,
// image, inline link, reference link, autolink, strong, emphasis.
const INLINE =
  /(`+)([\s\S]*?[^`])\1(?!`)|!\[([^\]]*)\]\([^)]*\)|\[((?:[^\][]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)|\[((?:[^\][]|\[[^\]]*\])*)\]\[([^\]]*)\]|<(https?:\/\/[^>\s]+)>|\*\*([\s\S]+?)\*\*|__([\s\S]+?)__|(?<![\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}_])|\*([^*\s](?:[^*]*[^*\s])?)\*/gu;

function plain(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/&([a-z]+);/g, (match, name: string) => ENTITIES[name] ?? match)
    .replace(/<\/?[A-Za-z][^>]*>/g, "");
}

/** Returns the URL when it is safe to link to from the app: http, https or mailto. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

function link(key: number, href: string | null, label: ReactNode): ReactNode {
  if (!href) return <span key={key}>{label}</span>;

  return (
    <a
      key={key}
      href={href}
      rel="noopener noreferrer nofollow"
      target="_blank"
      className="text-accent underline"
    >
      {label}
    </a>
  );
}

/**
 * Renders one block's inline Markdown as React elements: code, links,
 * emphasis and strong text. Images are left out (the article view loads
 * nothing from other sites), raw HTML is shown as text, and only http,
 * https and mailto links are kept.
 */
export function renderInline(markdown: string, references: LinkReferences): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of markdown.matchAll(INLINE)) {
    if (match.index > last) nodes.push(plain(markdown.slice(last, match.index)));
    const key = match.index;
    const [
      ,
      ,
      code,
      ,
      linkText,
      linkUrl,
      referenceText,
      referenceLabel,
      autolink,
      strong,
      strongUnderscore,
      emphasis,
      emphasisStar,
    ] = match;

    if (code !== undefined)
      nodes.push(
        <code key={key} className="rounded bg-neutral-100 px-1 font-mono text-[0.9em]">
          {code.trim()}
        </code>,
      );
    else if (linkText !== undefined)
      nodes.push(link(key, safeHref(linkUrl), renderInline(linkText, references)));
    else if (referenceText !== undefined) {
      const label = (referenceLabel || referenceText).toLowerCase();
      nodes.push(link(key, safeHref(references.get(label)), renderInline(referenceText, references)));
    } else if (autolink !== undefined) nodes.push(link(key, safeHref(autolink), autolink));
    else if (strong !== undefined || strongUnderscore !== undefined) {
      nodes.push(<strong key={key}>{renderInline(strong ?? strongUnderscore ?? "", references)}</strong>);
    } else if (emphasis !== undefined || emphasisStar !== undefined) {
      nodes.push(<em key={key}>{renderInline(emphasis ?? emphasisStar ?? "", references)}</em>);
    }
    last = match.index + match[0].length;
  }
  if (last < markdown.length) nodes.push(plain(markdown.slice(last)));

  return nodes;
}
