import { measurePost, splitIntoPosts } from "@/lib/x/post-text";
import type { InsightDraft } from "../distill/distill-article";

function isValidPost(text: string): boolean {
  return measurePost(text).valid;
}

// The hook names the insight and quotes its key sentence. When that is too
// long for one post, the title alone is used, or else the title's first post.
function hookPost(insight: InsightDraft, locale: string | undefined): string {
  const withQuote = `${insight.title}\n\n“${insight.keyQuote}”`;
  if (insight.keyQuote && isValidPost(withQuote)) return withQuote;
  if (isValidPost(insight.title)) return insight.title;

  return splitIntoPosts(insight.title, { locale })[0] ?? insight.title;
}

function summaryWithoutQuote(insight: InsightDraft, hook: string): string {
  if (!insight.keyQuote || !hook.includes(insight.keyQuote)) return insight.summary;

  return insight.summary
    .split("\n\n")
    .map((paragraph) =>
      paragraph
        .replace(insight.keyQuote, "")
        .replace(/\s{2,}/g, " ")
        .trim(),
    )
    .filter(Boolean)
    .join("\n\n");
}

/**
 * Turns an insight into thread posts without a language model: a hook post,
 * the summary split by `splitIntoPosts` (without the sentence the hook
 * already quotes), and a last post that links to the article when it has a
 * URL. Every post is valid by `measurePost`.
 */
export function buildInsightThread(
  insight: InsightDraft,
  article: { sourceUrl: string | null; language: string | null },
): string[] {
  const locale = article.language ?? undefined;
  const hook = hookPost(insight, locale);
  const body = splitIntoPosts(summaryWithoutQuote(insight, hook), { locale });
  const posts = [hook, ...body];
  if (article.sourceUrl) posts.push(`Read the whole article: ${article.sourceUrl}`);

  return posts;
}
