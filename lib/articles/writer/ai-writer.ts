import { generateText, type LanguageModel, Output } from "ai";
import { z } from "zod";
import { getLogger } from "@/lib/log";
import type { InsightDraft } from "../distill/distill-article";
import { MAX_INSIGHTS } from "../distill/passages";
import { type ArticleBlock, PROSE_KINDS, splitArticleBlocks } from "../markdown/blocks";
import { toPlainText } from "../markdown/plain-text";
import { findInsightProblems, findThreadProblems } from "./checks";
import type { InsightWriter, WriterArticle } from "./types";

/** Time allowed for one model call, in milliseconds. */
const MODEL_TIMEOUT_MS = 60_000;
/** Characters of article text sent to the model; the rest of a longer article is left out. */
const MAX_PROMPT_CHARS = 60_000;

const insightsSchema = z.object({
  insights: z
    .array(
      z.object({
        title: z.string(),
        summary: z.string(),
        keyQuote: z.string(),
        paragraphs: z.array(z.number().int()),
      }),
    )
    .min(1)
    .max(MAX_INSIGHTS),
});

const threadSchema = z.object({ posts: z.array(z.string()).min(1) });

const INSIGHTS_INSTRUCTIONS = [
  "You distil a long-form article into insights for its author.",
  `Write 1 to ${MAX_INSIGHTS} insights; longer articles get more. No two insights may use the same paragraph.`,
  "Each insight has a title of at most 10 words, a summary of 80 to 250 words in plain prose without code,",
  "a key quote copied word for word from one sentence of the article, and the numbers of the paragraphs it draws on.",
  "Paragraph numbers are the numbers in square brackets before each paragraph.",
].join(" ");

const THREAD_INSTRUCTIONS = [
  "You turn one insight from an article into an X thread.",
  "The first post is a hook; the next posts carry the insight; each post has at most 260 characters, no code and no hashtags.",
  "When an article URL is given, the last post links to it.",
].join(" ");

function numberedParagraphs(blocks: readonly ArticleBlock[]): string {
  const lines = blocks
    .filter((block) => PROSE_KINDS.has(block.kind))
    .map((block) => `[${block.index}] ${toPlainText(block.markdown)}`);

  return lines.join("\n\n").slice(0, MAX_PROMPT_CHARS);
}

/**
 * Creates a writer that requests insights and threads from a language model,
 * then checks the output with the same rules the offline writer's output meets. When the
 * call fails or the output breaks a rule, it logs why and returns what the
 * fallback writer produces.
 */
export function createAiWriter(options: { model: LanguageModel; fallback: InsightWriter }): InsightWriter {
  const { model, fallback } = options;
  const log = getLogger();

  return {
    async writeInsights(article: WriterArticle): Promise<InsightDraft[]> {
      try {
        const { output } = await generateText({
          model,
          system: INSIGHTS_INSTRUCTIONS,
          prompt: `Article title: ${article.title}\n\n${numberedParagraphs(splitArticleBlocks(article.body))}`,
          output: Output.object({ schema: insightsSchema }),
          maxRetries: 1,
          abortSignal: AbortSignal.timeout(MODEL_TIMEOUT_MS),
        });
        const drafts = output.insights.map((insight) => ({
          ...insight,
          paragraphs: [...new Set(insight.paragraphs)].sort((a, b) => a - b),
        }));
        const problems = findInsightProblems(drafts, article);
        if (problems.length === 0) return drafts;
        log.warn({ problems }, "language-model insights failed the checks; using the offline writer");
      } catch (error) {
        log.warn({ err: error }, "language-model insights failed; using the offline writer");
      }

      return fallback.writeInsights(article);
    },

    async writeThread(insight: InsightDraft, article: WriterArticle): Promise<string[]> {
      try {
        const link = article.sourceUrl ? `Article URL: ${article.sourceUrl}` : "The article has no URL.";
        const { output } = await generateText({
          model,
          system: THREAD_INSTRUCTIONS,
          prompt: `Insight title: ${insight.title}\n\nSummary:\n${insight.summary}\n\nKey quote: ${insight.keyQuote}\n\n${link}`,
          output: Output.object({ schema: threadSchema }),
          maxRetries: 1,
          abortSignal: AbortSignal.timeout(MODEL_TIMEOUT_MS),
        });
        const problems = findThreadProblems(output.posts, article);
        if (problems.length === 0) return output.posts;
        log.warn({ problems }, "language-model thread failed the checks; using the offline writer");
      } catch (error) {
        log.warn({ err: error }, "language-model thread failed; using the offline writer");
      }

      return fallback.writeThread(insight, article);
    },
  };
}
