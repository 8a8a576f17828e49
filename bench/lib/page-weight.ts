import { gzipSync } from "node:zlib";

export interface PageWeight {
  path: string;
  scripts: number;
  /** Scripts marked `nomodule` (polyfills for old browsers), which current browsers skip; not counted. */
  noModuleScripts: number;
  rawBytes: number;
  gzipBytes: number;
}

const SCRIPT_TAG = /<script\b[^>]*>/gi;
const SOURCE = /\ssrc="([^"]+)"/i;
const NO_MODULE = /\snomodule(?:[\s=>]|$)/i;

async function fetchText(url: string, cookie: string | null): Promise<string> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`GET ${url} returned ${response.status}, expected 200.`);

  return response.text();
}

/**
 * Sums the JavaScript files a page's HTML loads with `<script src>`: their
 * bytes as served (decompressed) and gzipped by zlib at its default level.
 * Inline scripts, such as the React Server Components payload, are part of
 * the HTML and not counted, and neither are `nomodule` scripts.
 */
export async function measurePageWeight(
  origin: string,
  path: string,
  cookie: string | null,
): Promise<PageWeight> {
  const html = await fetchText(`${origin}${path}`, cookie);
  const sources = new Set<string>();
  const noModuleSources = new Set<string>();
  for (const [tag] of html.matchAll(SCRIPT_TAG)) {
    const source = SOURCE.exec(tag)?.[1];
    if (!source) continue;
    const url = new URL(source.replaceAll("&amp;", "&"), origin).toString();
    if (NO_MODULE.test(tag)) noModuleSources.add(url);
    else sources.add(url);
  }

  let rawBytes = 0;
  let gzipBytes = 0;
  for (const source of sources) {
    if (new URL(source).origin !== origin)
      throw new Error(`${path} loads a script from another origin: ${source}`);
    const response = await fetch(source);
    if (!response.ok) throw new Error(`GET ${source} returned ${response.status}, expected 200.`);
    const body = Buffer.from(await response.arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }

  return { path, scripts: sources.size, noModuleScripts: noModuleSources.size, rawBytes, gzipBytes };
}
