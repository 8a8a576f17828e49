export interface FrontMatter {
  title: string | null;
  byline: string | null;
  language: string | null;
  publishedAt: Date | null;
}

const FRONT_MATTER = /^(\+\+\+|---)[ \t]*\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/;

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);

  return (quoted ? quoted[2] : trimmed) ?? "";
}

// Reads `key = value` (TOML) and `key: value` (YAML) lines; arrays of strings
// such as `authors = ["A", "B"]` become "A, B". Nested tables are ignored.
function readFields(source: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of source.split("\n")) {
    const match = /^([A-Za-z_][\w-]*)\s*[=:]\s*(.+)$/.exec(line.trim());
    if (!match?.[1] || !match[2]) continue;
    const raw = match[2].trim();
    const value = raw.startsWith("[")
      ? raw
          .replace(/^\[|\]$/g, "")
          .split(",")
          .map(unquote)
          .filter(Boolean)
          .join(", ")
      : unquote(raw);
    if (value) fields.set(match[1].toLowerCase(), value);
  }

  return fields;
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);

  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Splits TOML (`+++`) or YAML (`---`) front matter off the start of a
 * Markdown text and reads its title, author, language and date.
 */
export function splitFrontMatter(text: string): { frontMatter: FrontMatter; content: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match?.[2]) {
    return { frontMatter: { title: null, byline: null, language: null, publishedAt: null }, content: text };
  }

  const fields = readFields(match[2]);
  return {
    frontMatter: {
      title: fields.get("title") ?? null,
      byline: fields.get("authors") ?? fields.get("author") ?? null,
      language: fields.get("lang") ?? fields.get("language") ?? null,
      publishedAt: parseDate(fields.get("date")),
    },
    content: text.slice(match[0].length),
  };
}
