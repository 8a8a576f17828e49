import type { ArticleBlock } from "@/lib/articles/markdown/blocks";
import { ArticleBlockView } from "./article-block";
import type { LinkReferences } from "./markdown-inline";

const DEFINITION = /^ {0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s+["'(].*)?$/;

function collectReferences(blocks: readonly ArticleBlock[]): LinkReferences {
  const references = new Map<string, string>();
  for (const block of blocks.filter((candidate) => candidate.kind === "definitions")) {
    for (const line of block.markdown.split("\n")) {
      const match = DEFINITION.exec(line);
      if (match?.[1] && match[2]) references.set(match[1].toLowerCase(), match[2]);
    }
  }

  return references;
}

/**
 * Renders an article's blocks, each with its paragraph number (one-based
 * for readers) and an element id the insight panel scrolls to and marks.
 */
export function ArticleBody({ blocks }: { blocks: readonly ArticleBlock[] }) {
  const references = collectReferences(blocks);

  return (
    <div className="space-y-4 font-serif text-lg leading-relaxed">
      {blocks.map((block) => (
        <div
          key={block.index}
          id={`paragraph-${block.index + 1}`}
          data-paragraph={block.index}
          className="relative scroll-mt-24 rounded-md px-3 py-1 transition-colors data-[highlighted]:bg-accent-soft data-[highlighted]:ring-2 data-[highlighted]:ring-accent/40"
        >
          <span
            aria-hidden
            className="absolute top-1.5 -left-8 w-6 text-right font-sans text-xs text-neutral-400 select-none"
          >
            {block.index + 1}
          </span>
          <ArticleBlockView block={block} references={references} />
        </div>
      ))}
    </div>
  );
}
