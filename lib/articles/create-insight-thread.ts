import { notFound } from "@/lib/errors";
import { createThreadDraft } from "@/lib/threads/drafts";
import type { ThreadWithPosts } from "@/lib/threads/types";
import { getOwnedInsight } from "./queries";
import { getInsightWriter } from "./writer/get-writer";
import type { InsightWriter } from "./writer/types";

/** Writes a thread from one of the user's insights and stores it as a draft linked to the insight. */
export async function createThreadFromInsight(input: {
  userId: string;
  insightId: string;
  writer?: InsightWriter;
}): Promise<ThreadWithPosts> {
  const found = await getOwnedInsight(input.userId, input.insightId);
  if (!found) throw notFound("That insight");

  const { insight, article } = found;
  const writer = input.writer ?? getInsightWriter();
  const posts = await writer.writeThread(insight, article);

  return createThreadDraft({ userId: input.userId, posts, title: insight.title, insightId: insight.id });
}
