import type { ArticleBlock } from "@/lib/articles/markdown/blocks";
import { type LinkReferences, renderInline, safeHref } from "./markdown-inline";

const LIST_ITEM = /^\s*([-*+]|\d{1,9}[.)])\s+/;

function listItems(markdown: string): string[] {
  const items: string[] = [];
  for (const line of markdown.split("\n")) {
    if (LIST_ITEM.test(line) || items.length === 0) items.push(line.replace(LIST_ITEM, ""));
    else items[items.length - 1] += ` ${line.trim()}`;
  }

  return items;
}

function tableRows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => !/^\s*\|?\s*:?-{3,}/.test(line))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, "")
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

function Figure({ markdown, references }: { markdown: string; references: LinkReferences }) {
  const lines = markdown.split("\n");
  const images = lines.flatMap((line) => [...line.matchAll(/!\[([^\]]*)\]\(([^)\s]*)/g)]);
  const caption = lines.filter((line) => !/^\s*\[?!\[/.test(line)).join(" ");

  return (
    <figure className="rounded-lg bg-neutral-50 p-4 text-sm text-neutral-700 ring-1 ring-neutral-200">
      {images.map(([, alt, source], index) => {
        const href = safeHref(source);
        const label = alt ? `Image: ${alt}` : "Image";
        return (
          <p key={index}>
            {href ? (
              <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="underline">
                {label}
              </a>
            ) : (
              label
            )}
          </p>
        );
      })}
      {caption && <figcaption className="mt-1 italic">{renderInline(caption, references)}</figcaption>}
    </figure>
  );
}

/** Renders one numbered block of an article; raw HTML is shown as text, never as markup. */
export function ArticleBlockView({ block, references }: { block: ArticleBlock; references: LinkReferences }) {
  const { markdown } = block;
  switch (block.kind) {
    case "heading": {
      const text = renderInline(markdown.replace(/^\s*#{1,6}\s*/, "").replace(/\s+#+\s*$/, ""), references);
      if (block.level <= 2) return <h2 className="mt-4 font-serif text-2xl font-semibold">{text}</h2>;
      if (block.level === 3) return <h3 className="mt-3 font-serif text-xl font-semibold">{text}</h3>;
      return <h4 className="mt-2 font-semibold">{text}</h4>;
    }
    case "list": {
      const items = listItems(markdown).map((item, index) => (
        <li key={index}>{renderInline(item, references)}</li>
      ));
      return /^\s*\d/.test(markdown) ? (
        <ol className="list-decimal space-y-1 pl-6">{items}</ol>
      ) : (
        <ul className="list-disc space-y-1 pl-6">{items}</ul>
      );
    }
    case "quote":
      return (
        <blockquote className="border-l-4 border-neutral-300 pl-4 text-neutral-700">
          {renderInline(markdown.replace(/^\s*>\s?/gm, ""), references)}
        </blockquote>
      );
    case "code":
      return (
        <pre className="overflow-x-auto rounded-lg bg-neutral-900 p-4 text-sm text-neutral-100">
          <code>
            {markdown.replace(/^ {0,3}(`{3,}|~{3,}).*\n?/, "").replace(/\n? {0,3}(`{3,}|~{3,})\s*$/, "")}
          </code>
        </pre>
      );
    case "table": {
      const [head, ...rows] = tableRows(markdown);
      return (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                {head?.map((cell, index) => (
                  <th key={index} className="border-b px-2 py-1">
                    {renderInline(cell, references)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td key={index} className="border-b border-neutral-100 px-2 py-1">
                      {renderInline(cell, references)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case "figure":
      return <Figure markdown={markdown} references={references} />;
    case "caption":
      return <p className="text-sm italic text-neutral-600">{renderInline(markdown, references)}</p>;
    case "rule":
      return <hr className="border-neutral-200" />;
    case "definitions":
      return <p className="break-all font-mono text-xs text-neutral-500">{markdown}</p>;
    case "html":
      return (
        <p className="text-neutral-600">
          {markdown
            .replace(/<[^>]*>/g, " ")
            .replace(/\s+/g, " ")
            .trim()}
        </p>
      );
    default:
      return <p>{renderInline(markdown, references)}</p>;
  }
}
