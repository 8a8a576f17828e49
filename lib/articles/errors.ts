import { AppError } from "@/lib/errors";

/** The reason an article could not be imported; each comes with one sentence for the writer. */
export type ArticleImportReason =
  | "invalid_url"
  | "unsupported_scheme"
  | "refused_address"
  | "unresolvable_host"
  | "too_many_redirects"
  | "too_large"
  | "timed_out"
  | "unreachable"
  | "http_error"
  | "unsupported_type"
  | "no_content"
  | "too_short";

/**
 * Thrown when an article cannot be fetched, read or distilled. Nothing has
 * been stored when it is thrown; its message is shown to the writer as is.
 */
export class ArticleImportError extends AppError {
  constructor(
    readonly reason: ArticleImportReason,
    message: string,
  ) {
    super("invalid_input", message);
    this.name = "ArticleImportError";
  }
}
