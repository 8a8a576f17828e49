import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { createMarkdownConverter } from "./html-to-markdown";

export interface ExtractedHtmlArticle {
  title: string | null;
  byline: string | null;
  language: string | null;
  publishedAt: Date | null;
  /** The main content as Markdown, not yet normalised. */
  markdown: string;
  /** False when Readability doubts the page is an article or found no main content. */
  isReaderable: boolean;
}

function cleanText(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();

  return text ? text : null;
}

/** Returns a canonical BCP 47 tag, or null for a missing or malformed one. */
export function canonicalLanguage(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/g, "-");
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);

  return Number.isNaN(date.getTime()) ? null : date;
}

function metaContent(document: Document, selector: string): string | null {
  return document.querySelector(selector)?.getAttribute("content") ?? null;
}

/**
 * Reduces an HTML page to its main content with Mozilla Readability and
 * converts that to Markdown. jsdom runs no scripts and loads no sub-resources
 * (its defaults, kept here on purpose), and its console output is discarded.
 */
export function extractHtmlArticle(html: string, url: string): ExtractedHtmlArticle {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const isReaderable = isProbablyReaderable(document);
    const language = canonicalLanguage(
      document.documentElement.getAttribute("lang") ??
        metaContent(document, 'meta[http-equiv="content-language" i]') ??
        metaContent(document, 'meta[property="og:locale"]'),
    );
    const fallbackTitle = cleanText(document.title);
    // Readability rewrites the document it reads, so it gets a copy and the
    // original stays available as the fallback.
    const copy = document.cloneNode(true) as Document;
    const article = new Readability<Element>(copy, { serializer: (node) => node as Element }).parse();
    const converter = createMarkdownConverter();

    if (!article?.content) {
      const body = document.body;
      return {
        title: fallbackTitle,
        byline: null,
        language,
        publishedAt: null,
        markdown: body ? converter.turndown(body) : "",
        isReaderable: false,
      };
    }

    return {
      title: cleanText(article.title) ?? fallbackTitle,
      byline: cleanText(article.byline),
      language: canonicalLanguage(article.lang) ?? language,
      publishedAt: parseDate(article.publishedTime),
      markdown: converter.turndown(article.content as unknown as HTMLElement),
      isReaderable,
    };
  } finally {
    dom.window.close();
  }
}
