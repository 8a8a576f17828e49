import type { ActionResult } from "@/lib/actions/authed-action";
import type { PreparedArticle } from "@/lib/articles/prepare-article";

/** A fetched article as the import form keeps it between fetching and saving. */
export type FetchedArticle = Omit<PreparedArticle, "publishedAt" | "sourceUrl"> & {
  publishedAt: string | null;
  sourceUrl: string;
};

export type FetchArticle = (input: { url: string }) => Promise<ActionResult<FetchedArticle>>;
export type SaveFetchedArticle = (input: {
  title: string;
  body: string;
  sourceUrl: string;
  byline: string | null;
  language: string | null;
  publishedAt: string | null;
}) => Promise<ActionResult<unknown>>;
export type FormAction = (input: FormData) => Promise<ActionResult<unknown>>;
