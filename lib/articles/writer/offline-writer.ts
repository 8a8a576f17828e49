import { distillArticle } from "../distill/distill-article";
import { buildInsightThread } from "../thread/insight-thread";
import type { InsightWriter } from "./types";

/** The default writer: extractive distillation and threads built from the summary, no network. */
export const offlineWriter: InsightWriter = {
  writeInsights: async (article) => distillArticle(article),
  writeThread: async (insight, article) => buildInsightThread(insight, article),
};
