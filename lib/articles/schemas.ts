import { z } from "zod";
import { MAX_ARTICLE_CHARS, MAX_TITLE_LENGTH } from "./prepare-article";

/** Longest pasted text accepted, in characters; a little above the stored limit, which white space may shrink into. */
const MAX_PASTE_CHARS = MAX_ARTICLE_CHARS + 20_000;

export const articleIdSchema = z.uuid({ error: "That article was not found. It may have been deleted." });
export const insightIdSchema = z.uuid({ error: "That insight was not found. It may have been deleted." });

export const fetchArticleSchema = z.object({
  url: z
    .string({ error: "Enter the URL of the article." })
    .trim()
    .min(1, "Enter the URL of the article.")
    .max(2_048, "That URL is longer than 2,048 characters; use the article's shorter address."),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

/** A fetched article sent back by the import form for saving; the server normalises and counts it again. */
export const saveFetchedArticleSchema = z.object({
  title: z.string().trim().min(1, "The article needs a title.").max(MAX_TITLE_LENGTH),
  body: z
    .string()
    .min(1, "The article has no text.")
    .max(
      MAX_ARTICLE_CHARS,
      `The article is longer than ${MAX_ARTICLE_CHARS.toLocaleString("en-US")} characters.`,
    ),
  sourceUrl: z.url({ protocol: /^https?$/, error: "The article's URL is invalid." }),
  byline: optionalText(300),
  language: optionalText(35),
  publishedAt: z.iso
    .datetime({ offset: true })
    .nullish()
    .transform((value) => (value ? new Date(value) : null)),
});

export const importTextSchema = z.object({
  title: optionalText(MAX_TITLE_LENGTH),
  text: z
    .string({ error: "Paste the article's text." })
    .trim()
    .min(1, "Paste the article's text.")
    .max(
      MAX_PASTE_CHARS,
      `The text is longer than ${MAX_ARTICLE_CHARS.toLocaleString("en-US")} characters; paste a part of it.`,
    ),
});

export const createThreadSchema = z.object({ insightId: insightIdSchema });
