import { splitArticleBlocks } from "@/lib/articles/markdown/blocks";

/** Lower-case words and numbers of a text, without punctuation, as one space-separated string. */
export function wordSequence(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
}

/** Splits a summary into the sentences it was built from: at sentence punctuation followed by space. */
export function summarySentences(summary: string): string[] {
  return summary
    .split(/\n\n|(?<=[.!?…]["'”’)]*)\s+(?=\S)/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Returns the lines of the article's fenced code blocks that are long enough to identify them. */
export function codeLines(body: string): string[] {
  return splitArticleBlocks(body)
    .filter((block) => block.kind === "code")
    .flatMap((block) => block.markdown.split("\n").slice(1, -1))
    .map((line) => line.trim())
    .filter((line) => line.length >= 12);
}
