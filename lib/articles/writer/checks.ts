import { MAX_POSTS_PER_THREAD } from "@/lib/threads/types";
import { measurePost } from "@/lib/x/post-text";
import type { InsightDraft } from "../distill/distill-article";
import { MAX_INSIGHTS, MAX_SUMMARY_WORDS, MIN_SUMMARY_WORDS } from "../distill/passages";
import { countWords } from "../language";
import { type ArticleBlock, PROSE_KINDS, splitArticleBlocks } from "../markdown/blocks";
import { toPlainText } from "../markdown/plain-text";
import type { WriterArticle } from "./types";

const MAX_TITLE_CHARS = 100;

/** Returns true when text contains code: a backtick or a fence. */
export function containsCode(text: string): boolean {
  return /`|~~~/.test(text);
}

function proseText(blocks: readonly ArticleBlock[]): string {
  return blocks
    .filter((block) => PROSE_KINDS.has(block.kind))
    .map((block) => toPlainText(block.markdown))
    .join(" ");
}

/**
 * Lists what is wrong with a set of insights for an article; an empty list
 * means they pass. There must be one to eight insights. Each needs a title, a
 * summary of 80 to 250 words without code and a key quote found word for
 * word in the article. Its paragraphs must be prose that no other insight uses.
 */
export function findInsightProblems(drafts: readonly InsightDraft[], article: WriterArticle): string[] {
  const blocks = splitArticleBlocks(article.body);
  const text = proseText(blocks).replace(/\s+/g, " ");
  const problems: string[] = [];
  if (drafts.length < 1 || drafts.length > MAX_INSIGHTS) {
    problems.push(`There are ${drafts.length} insights; expected 1 to ${MAX_INSIGHTS}.`);
  }

  const claimed = new Set<number>();
  drafts.forEach((draft, position) => {
    const name = `Insight ${position + 1}`;
    const words = countWords(draft.summary, article.language);
    if (!draft.title.trim() || draft.title.length > MAX_TITLE_CHARS) {
      problems.push(`${name} needs a title of 1 to ${MAX_TITLE_CHARS} characters.`);
    }
    if (words < MIN_SUMMARY_WORDS || words > MAX_SUMMARY_WORDS) {
      problems.push(
        `${name} has a summary of ${words} words; expected ${MIN_SUMMARY_WORDS} to ${MAX_SUMMARY_WORDS}.`,
      );
    }
    if (containsCode(draft.summary) || containsCode(draft.title)) problems.push(`${name} contains code.`);
    if (!draft.keyQuote.trim() || !text.includes(draft.keyQuote.replace(/\s+/g, " ").trim())) {
      problems.push(`${name} has a key quote that is not in the article.`);
    }
    if (draft.paragraphs.length === 0) problems.push(`${name} points at no paragraph.`);
    for (const index of draft.paragraphs) {
      const block = blocks[index];
      if (!Number.isInteger(index) || !block || !PROSE_KINDS.has(block.kind)) {
        problems.push(
          `${name} points at paragraph ${index}, which is not a paragraph of text in the article.`,
        );
      } else if (claimed.has(index)) {
        problems.push(`${name} uses paragraph ${index}, which another insight already uses.`);
      }
      claimed.add(index);
    }
  });

  return problems;
}

/**
 * Lists what is wrong with thread posts: too many, invalid by `measurePost`,
 * containing code, or, for an article with a URL, a last post without it.
 */
export function findThreadProblems(
  posts: readonly string[],
  article: { sourceUrl: string | null },
): string[] {
  const problems: string[] = [];
  if (posts.length < 1 || posts.length > MAX_POSTS_PER_THREAD) {
    problems.push(`The thread has ${posts.length} posts; expected 1 to ${MAX_POSTS_PER_THREAD}.`);
  }
  posts.forEach((post, position) => {
    const measured = measurePost(post);
    if (!measured.valid) problems.push(`Post ${position + 1} is invalid (${measured.invalidReason}).`);
    if (containsCode(post)) problems.push(`Post ${position + 1} contains code.`);
  });
  if (article.sourceUrl && !posts.at(-1)?.includes(article.sourceUrl)) {
    problems.push("The last post does not link to the article.");
  }

  return problems;
}
