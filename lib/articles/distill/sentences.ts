import { countWords, cutForSegmenter, getSegmenter } from "../language";
import { type ArticleBlock, PROSE_KINDS } from "../markdown/blocks";
import { CODE_END, CODE_START, isLinkOnlyLine, toPlainText, unmarkCode } from "../markdown/plain-text";

export interface ArticleSentence {
  /** Position among all sentences of the article. */
  index: number;
  /** Index of the block the sentence is in. */
  block: number;
  /** Plain text, exactly as it reads in the article. */
  text: string;
  wordCount: number;
  /** True when the sentence may be chosen for a summary. */
  isCandidate: boolean;
}

const MIN_CANDIDATE_WORDS = 6;
const MAX_CANDIDATE_WORDS = 60;
/** Share of characters inside code spans above which a sentence reads as code. */
const MAX_CODE_SHARE = 0.2;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const TERMINAL = /[.!?…。！？]["'”’»)\]]*$/u;
// Segments ending in one of these were cut at an abbreviation, not at a sentence end.
const ABBREVIATION_END = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|cf|approx|incl|Fig|No|e\.g|i\.e)\.$/;

function proseUnits(block: ArticleBlock): string[] {
  const lines = block.markdown.split("\n");
  if (block.kind === "quote") {
    return [
      lines
        .map((line) => line.replace(/^\s*>\s?/, ""))
        .filter((line) => !isLinkOnlyLine(line))
        .join(" "),
    ];
  }
  if (block.kind !== "list") return [lines.filter((line) => !isLinkOnlyLine(line)).join(" ")];

  const items: string[][] = [];
  for (const line of lines) {
    if (LIST_ITEM.test(line) || items.length === 0) items.push([line]);
    else items.at(-1)?.push(line);
  }

  return items.map((item) => item.join(" ").replace(LIST_ITEM, "")).filter((item) => !isLinkOnlyLine(item));
}

function codeShare(text: string): number {
  let inside = 0;
  let isCode = false;
  for (const character of text) {
    if (character === CODE_START) isCode = true;
    else if (character === CODE_END) isCode = false;
    else if (isCode) inside++;
  }

  return text.length === 0 ? 0 : inside / text.length;
}

// Code spans are swapped for numbered placeholders while segmenting, so that
// the punctuation in code such as `!Send` or `foo.bar()` ends no sentence.
function segmentSentences(text: string, language: string | null): string[] {
  const codeSpans: string[] = [];
  const masked = text.replace(
    new RegExp(`${CODE_START}([^${CODE_END}]*)${CODE_END}`, "g"),
    (_match, code: string) => {
      codeSpans.push(code);
      return `${CODE_START}${codeSpans.length - 1}${CODE_END}`;
    },
  );
  const restore = (segment: string) =>
    segment.replace(
      new RegExp(`${CODE_START}(\\d+)${CODE_END}`, "g"),
      (_match, index: string) => `${CODE_START}${codeSpans[Number(index)] ?? ""}${CODE_END}`,
    );

  const segmenter = getSegmenter(language, "sentence");
  const sentences: string[] = [];
  for (const piece of cutForSegmenter(masked, true)) {
    for (const { segment } of segmenter.segment(piece)) {
      const trimmed = segment.trim();
      if (!trimmed) continue;
      const previous = sentences.at(-1);
      if (previous !== undefined && ABBREVIATION_END.test(previous)) {
        sentences[sentences.length - 1] = `${previous} ${trimmed}`;
      } else {
        sentences.push(trimmed);
      }
    }
  }

  return sentences.map(restore);
}

/**
 * Splits the prose blocks of an article into sentences, with boundaries from
 * Intl.Segmenter for the article's language. Code blocks, tables, figures,
 * captions, link-only lines and headings yield no sentences. Candidates are
 * sentences of 6 to 60 words that start with no lower-case letter, end with
 * sentence punctuation and are not mostly inline code.
 */
export function extractSentences(
  blocks: readonly ArticleBlock[],
  language: string | null,
): ArticleSentence[] {
  const sentences: ArticleSentence[] = [];
  for (const block of blocks) {
    if (!PROSE_KINDS.has(block.kind)) continue;
    for (const unit of proseUnits(block)) {
      const plain = toPlainText(unit, { markCode: true });
      for (const marked of segmentSentences(plain, language)) {
        const text = unmarkCode(marked);
        const wordCount = countWords(text, language);
        sentences.push({
          index: sentences.length,
          block: block.index,
          text,
          wordCount,
          isCandidate:
            wordCount >= MIN_CANDIDATE_WORDS &&
            wordCount <= MAX_CANDIDATE_WORDS &&
            TERMINAL.test(text) &&
            !/^\p{Ll}/u.test(text) &&
            codeShare(marked) <= MAX_CODE_SHARE,
        });
      }
    }
  }

  return sentences;
}
