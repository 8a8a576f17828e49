import { getSegmenter } from "../language";
import { type ArticleBlock, splitArticleBlocks } from "../markdown/blocks";
import { toPlainText } from "../markdown/plain-text";
import { choosePassageSentences, targetInsightCount } from "./passages";
import { rankSentences } from "./rank";
import { type ArticleSentence, extractSentences } from "./sentences";

/** An insight before it is stored, without ids and position. */
export interface InsightDraft {
  title: string;
  /** The article's own sentences in article order; sentences from different paragraphs are a blank line apart. */
  summary: string;
  keyQuote: string;
  /** Zero-based indices of the blocks the summary's sentences came from, ascending. */
  paragraphs: number[];
}

const MAX_KEY_QUOTE_CHARS = 240;
const MAX_TITLE_CHARS = 100;
const FALLBACK_TITLE_WORDS = 8;

function headingText(block: ArticleBlock): string {
  return toPlainText(block.markdown.replace(/^\s*#{1,6}\s*/, "").replace(/\s+#+\s*$/, ""));
}

function joinSummary(chosen: readonly ArticleSentence[]): string {
  let summary = "";
  chosen.forEach((sentence, position) => {
    const previous = chosen[position - 1];
    if (previous) summary += previous.block === sentence.block ? " " : "\n\n";
    summary += sentence.text;
  });

  return summary;
}

function leadingWords(text: string, language: string | null, limit: number): string {
  let words = 0;
  for (const segment of getSegmenter(language, "word").segment(text)) {
    if (segment.isWordLike && ++words > limit) {
      return `${text.slice(0, segment.index).replace(/[\s\p{P}]+$/u, "")}…`;
    }
  }

  return text.replace(/[\s.!?…。！？]+$/u, "");
}

// The heading over most of the chosen sentences names the insight. When it
// repeats the article title or an earlier insight's title, the key quote's
// first words name it instead.
function chooseTitle(
  chosen: readonly ArticleSentence[],
  headingByBlock: readonly (ArticleBlock | null)[],
  keyQuote: string,
  context: { articleTitle: string; usedTitles: Set<string>; language: string | null },
): string {
  const votes = new Map<ArticleBlock, number>();
  for (const sentence of chosen) {
    const heading = headingByBlock[sentence.block];
    if (heading) votes.set(heading, (votes.get(heading) ?? 0) + 1);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].index - b[0].index);
  for (const [heading] of ranked) {
    const text = headingText(heading).slice(0, MAX_TITLE_CHARS);
    const key = text.toLowerCase();
    if (text && key !== context.articleTitle.toLowerCase() && !context.usedTitles.has(key)) return text;
  }

  return leadingWords(keyQuote, context.language, FALLBACK_TITLE_WORDS);
}

/**
 * Distils an article body into one to eight insights, offline and
 * deterministically: sentences are ranked, the article is cut into as many
 * passages as its length calls for, and each passage's best sentences form
 * one insight. Returns an empty list when the article has too little prose
 * for a single 80-word summary.
 */
export function distillArticle(article: {
  body: string;
  language: string | null;
  title: string;
}): InsightDraft[] {
  const { language } = article;
  const blocks = splitArticleBlocks(article.body);
  const sentences = extractSentences(blocks, language);
  const scores = rankSentences(sentences, language);
  const proseWords = sentences.reduce((sum, sentence) => sum + sentence.wordCount, 0);

  let heading: ArticleBlock | null = null;
  const headingByBlock = blocks.map((block) => {
    if (block.kind === "heading") heading = block;
    return heading;
  });

  const usedTitles = new Set<string>();
  return choosePassageSentences(sentences, blocks, scores, targetInsightCount(proseWords)).map((chosen) => {
    const byScore = [...chosen].sort(
      (a, b) => (scores[b.index] ?? 0) - (scores[a.index] ?? 0) || a.index - b.index,
    );
    const keyQuote =
      (byScore.find((sentence) => sentence.text.length <= MAX_KEY_QUOTE_CHARS) ?? byScore[0])?.text ?? "";
    const title = chooseTitle(chosen, headingByBlock, keyQuote, {
      articleTitle: article.title,
      usedTitles,
      language,
    });
    usedTitles.add(title.toLowerCase());

    return {
      title,
      summary: joinSummary(chosen),
      keyQuote,
      paragraphs: [...new Set(chosen.map((sentence) => sentence.block))].sort((a, b) => a - b),
    };
  });
}
