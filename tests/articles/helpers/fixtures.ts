import { readdirSync, readFileSync } from "node:fs";

// Real articles shared by the project's tests; see the README in that folder for sources and licences.
const ARTICLES = new URL("../../../../shared/fixtures/articles/", import.meta.url);

export interface HtmlFixture {
  name: string;
  html: string;
  expected: { title: string; byline: string | null; lang?: string; publishedTime: string | null };
}

export interface MarkdownFixture {
  name: string;
  markdown: string;
}

export function loadHtmlFixtures(): HtmlFixture[] {
  const folder = new URL("html/", ARTICLES);

  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      html: readFileSync(new URL(`${entry.name}/source.html`, folder), "utf8"),
      expected: JSON.parse(readFileSync(new URL(`${entry.name}/expected-metadata.json`, folder), "utf8")),
    }));
}

export function loadMarkdownFixtures(): MarkdownFixture[] {
  const folder = new URL("markdown/", ARTICLES);

  return readdirSync(folder)
    .filter((file) => file.endsWith(".md"))
    .map((file) => ({ name: file, markdown: readFileSync(new URL(file, folder), "utf8") }));
}
