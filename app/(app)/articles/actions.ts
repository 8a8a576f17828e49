"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction, type ActionResult } from "@/lib/actions/authed-action";
import { createThreadFromInsight } from "@/lib/articles/create-insight-thread";
import { ArticleImportError } from "@/lib/articles/errors";
import { prepareArticleFromText, prepareArticleFromUrl } from "@/lib/articles/prepare-article";
import { saveArticle } from "@/lib/articles/save-article";
import {
  createThreadSchema,
  fetchArticleSchema,
  importTextSchema,
  saveFetchedArticleSchema,
} from "@/lib/articles/schemas";
import { getInsightWriter } from "@/lib/articles/writer/get-writer";
import type { FetchedArticle } from "@/components/articles/types";
import { getLogger } from "@/lib/log";

/** Fetches and reads a URL without storing anything, so the form can show the result before saving. */
export const fetchArticleAction = authedAction(
  fetchArticleSchema,
  async (input, user): Promise<ActionResult<FetchedArticle>> => {
    let prepared;
    try {
      prepared = await prepareArticleFromUrl(input.url);
    } catch (error) {
      // The URL itself is not logged: its query string may carry someone's token.
      if (error instanceof ArticleImportError) {
        getLogger().info({ userId: user.id, reason: error.reason }, "article import refused");
      }
      throw error;
    }
    getLogger().info({ userId: user.id, wordCount: prepared.wordCount }, "article fetched for import");

    return {
      ok: true,
      data: {
        ...prepared,
        publishedAt: prepared.publishedAt?.toISOString() ?? null,
        sourceUrl: prepared.sourceUrl ?? input.url,
      },
    };
  },
);

/** Distils and stores an article the form fetched, then opens it. */
export const saveFetchedArticleAction = authedAction(saveFetchedArticleSchema, async (input, user) => {
  const { body, ...metadata } = input;
  const prepared = prepareArticleFromText(body, metadata);
  const { article } = await saveArticle({ userId: user.id, article: prepared, writer: getInsightWriter() });

  revalidatePath("/articles");
  redirect(`/articles/${article.id}`);
});

/** Distils and stores pasted Markdown or plain text, then opens it. */
export const importTextAction = authedAction(importTextSchema, async (input, user) => {
  const prepared = prepareArticleFromText(input.text, { title: input.title }, { isPlainText: true });
  const { article } = await saveArticle({ userId: user.id, article: prepared, writer: getInsightWriter() });

  revalidatePath("/articles");
  redirect(`/articles/${article.id}`);
});

/** Writes a thread draft from an insight and opens it in the composer. */
export const createThreadAction = authedAction(createThreadSchema, async (input, user) => {
  const created = await createThreadFromInsight({ userId: user.id, insightId: input.insightId });

  revalidatePath("/dashboard");
  redirect(`/threads/${created.id}`);
});
