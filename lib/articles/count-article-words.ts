import { countWords } from "./language";
import { type ArticleBlock, type BlockKind, splitArticleBlocks } from "./markdown/blocks";
import { toPlainText } from "./markdown/plain-text";

// Blocks whose words a reader reads as text; code, link lists and markup are left out.
const COUNTED_KINDS: ReadonlySet<BlockKind> = new Set([
  "paragraph",
  "list",
  "quote",
  "heading",
  "table",
  "caption",
]);

/** Counts the words a reader reads in an article: its text without code, markup or link targets. */
export function countArticleWords(blocks: readonly ArticleBlock[], language: string | null): number {
  return blocks
    .filter((block) => COUNTED_KINDS.has(block.kind))
    .reduce((sum, block) => sum + countWords(toPlainText(block.markdown), language), 0);
}

export function countBodyWords(body: string, language: string | null): number {
  return countArticleWords(splitArticleBlocks(body), language);
}
