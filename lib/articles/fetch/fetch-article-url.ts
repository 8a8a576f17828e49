import type { IncomingMessage } from "node:http";
import { getConfig } from "@/lib/config";
import { getLogger } from "@/lib/log";
import { ArticleImportError } from "../errors";
import { requestPinned } from "./pinned-request";
import { decodeBody, readLimitedBody } from "./read-body";
import { resolvePinnedAddress, resolveWithSystemDns, type ResolveHost } from "./resolve-host";

export const MAX_ARTICLE_BYTES = 5_000_000;
export const ARTICLE_FETCH_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 5;

export type FetchedKind = "html" | "markdown" | "text";

export interface FetchedDocument {
  /** The URL the content came from, after redirects. */
  url: string;
  kind: FetchedKind;
  text: string;
}

export interface FetchArticleOptions {
  /** Defaults to the ARTICLE_FETCH_ALLOW_LOOPBACK setting. */
  allowLoopback?: boolean;
  /** Time for the whole fetch, redirects and body included, in milliseconds. */
  timeoutMs?: number;
  maxBytes?: number;
  resolveHost?: ResolveHost;
}

const KIND_BY_CONTENT_TYPE: Record<string, FetchedKind> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/plain": "text",
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function parseHttpUrl(input: string, redirectedFrom?: URL): URL {
  let url: URL;
  try {
    url = redirectedFrom ? new URL(input, redirectedFrom) : new URL(input);
  } catch {
    throw new ArticleImportError(
      "invalid_url",
      redirectedFrom
        ? "The page redirected to an invalid URL, so nothing was imported."
        : "That is not a valid URL; enter a full address such as https://example.com/post.",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ArticleImportError(
      "unsupported_scheme",
      redirectedFrom
        ? `The page redirected to a ${url.protocol} URL, and InsightProse imports only http and https URLs.`
        : `InsightProse imports only http and https URLs, not ${url.protocol} URLs.`,
    );
  }
  if (url.username || url.password) {
    throw new ArticleImportError(
      "invalid_url",
      "URLs that contain a user name or password are not imported; remove them and try again.",
    );
  }
  url.hash = "";

  return url;
}

function kindOf(response: IncomingMessage): FetchedKind {
  const contentType = response.headers["content-type"] ?? "";
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const kind = KIND_BY_CONTENT_TYPE[mediaType];
  if (!kind) {
    response.destroy();
    throw new ArticleImportError(
      "unsupported_type",
      mediaType
        ? `That URL returns ${mediaType}, and InsightProse imports only HTML, Markdown and plain text.`
        : "That URL does not say what kind of file it returns, and InsightProse imports only HTML, Markdown and plain text.",
    );
  }

  return kind;
}

// DNS lookups do not take an AbortSignal, so the time limit races them.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

// Turns a fetch failure into the error shown to the writer, and logs the
// failures that are neither a refusal nor the time limit.
function toImportError(error: unknown, url: URL, signal: AbortSignal, timeoutMs: number): ArticleImportError {
  if (error instanceof ArticleImportError) return error;
  if (signal.aborted) {
    return new ArticleImportError(
      "timed_out",
      `The server at ${url.host} did not answer within ${timeoutMs / 1000} seconds, so nothing was imported.`,
    );
  }

  getLogger().warn({ err: error, host: url.host }, "article fetch failed");
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  if (/CERT|TLS|SSL|SELF_SIGNED/.test(code)) {
    return new ArticleImportError(
      "unreachable",
      `The server at ${url.host} presented an invalid TLS certificate, so nothing was imported.`,
    );
  }

  return new ArticleImportError(
    "unreachable",
    `The server at ${url.host} could not be reached or dropped the connection, so nothing was imported.`,
  );
}

/**
 * Fetches an article URL on the server. Only http and https are allowed.
 * Every host, the first and each redirect target, is resolved and checked
 * before connecting, and the connection goes to the checked address. The
 * limits are 5 redirects, 5 MB and 15 seconds, and only HTML, Markdown and
 * plain text are read. Throws an ArticleImportError whose message is one
 * sentence for the writer.
 */
export async function fetchArticleUrl(
  input: string,
  options: FetchArticleOptions = {},
): Promise<FetchedDocument> {
  const allowLoopback = options.allowLoopback ?? getConfig().articleFetchAllowLoopback;
  const resolveHost = options.resolveHost ?? resolveWithSystemDns;
  const timeoutMs = options.timeoutMs ?? ARTICLE_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;

  let url = parseHttpUrl(input.trim());
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const pinned = await untilAborted(
        resolvePinnedAddress(url.hostname, { allowLoopback, resolveHost }),
        controller.signal,
      );
      const response = await requestPinned(url, pinned, controller.signal);
      const status = response.statusCode ?? 0;

      if (REDIRECT_STATUSES.has(status)) {
        response.destroy();
        const location = response.headers.location;
        if (!location) {
          throw new ArticleImportError(
            "http_error",
            `The server answered ${status} without saying where the page moved.`,
          );
        }
        if (redirects >= MAX_REDIRECTS) {
          throw new ArticleImportError(
            "too_many_redirects",
            `The page redirected more than ${MAX_REDIRECTS} times, so nothing was imported.`,
          );
        }
        url = parseHttpUrl(location, url);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        const statusLine = [status, response.statusMessage].filter(Boolean).join(" ");
        throw new ArticleImportError(
          "http_error",
          `The server answered ${statusLine} for that URL, so nothing was imported.`,
        );
      }

      const kind = kindOf(response);
      const body = await readLimitedBody(response, maxBytes);
      const text = decodeBody(body, response.headers["content-type"] ?? "", kind === "html");

      return { url: url.href, kind, text };
    }
  } catch (error) {
    throw toImportError(error, url, controller.signal, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
