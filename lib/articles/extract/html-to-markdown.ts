import TurndownService from "turndown";

// Elements that carry no article text, or that could only be shown as an embed.
const REMOVED_ELEMENTS: (keyof HTMLElementTagNameMap)[] = [
  "script",
  "style",
  "noscript",
  "iframe",
  "object",
  "embed",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "canvas",
  "video",
  "audio",
  "template",
];

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function fencedBlock(code: string, language: string): string {
  const longestRun = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);

  const lines = code.replace(/^\n+|\n+$/g, "").replace(/\n{3,}/g, "\n\n");

  return `\n\n${fence}${language}\n${lines}\n${fence}\n\n`;
}

// textContent drops <br>, which some highlighters put between code lines, and
// Readability turns runs of <br> into <p>, so both become line breaks.
function preformattedText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? "";
  if (node.nodeName === "BR") return "\n";
  const text = Array.from(node.childNodes).map(preformattedText).join("");

  return node.nodeName === "DIV" || node.nodeName === "P" ? `\n${text}\n` : text;
}

function codeLanguage(element: Element): string {
  const classes = `${element.getAttribute("class") ?? ""} ${element.querySelector("code")?.getAttribute("class") ?? ""}`;

  return /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(classes)?.[1] ?? "";
}

function imageMarkdown(image: Element): string {
  const source = image.getAttribute("src") ?? "";
  if (!/^https?:\/\//i.test(source)) return "";
  const alt = collapse(image.getAttribute("alt") ?? "").replace(/[[\]\\]/g, "");

  return `![${alt}](${source.replace(/[()\s]/g, encodeURIComponent)})`;
}

function tableMarkdown(table: Element): string {
  const rows = Array.from(table.querySelectorAll("tr")).map((row) =>
    Array.from(row.querySelectorAll("th, td")).map((cell) =>
      collapse(cell.textContent ?? "").replace(/\|/g, "\\|"),
    ),
  );
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  if (width === 0) return "";

  const lines = rows.map(
    (cells) => `| ${[...cells, ...Array<string>(width - cells.length).fill("")].join(" | ")} |`,
  );
  lines.splice(1, 0, `|${" --- |".repeat(width)}`);

  return `\n\n${lines.join("\n")}\n\n`;
}

/**
 * Builds the converter from article HTML to Markdown: ATX headings, fenced
 * code, GitHub-style tables, and figures kept as an image line followed by
 * an emphasised caption line in the same block, so the distiller can tell
 * captions from prose. Images without an http(s) source are dropped.
 */
export function createMarkdownConverter(): TurndownService {
  const converter = new TurndownService({
    headingStyle: "atx",
    codeBlockStyle: "fenced",
    bulletListMarker: "-",
    emDelimiter: "_",
    strongDelimiter: "**",
    hr: "---",
  });
  converter.remove(REMOVED_ELEMENTS);

  converter.addRule("preformatted", {
    filter: "pre",
    replacement: (_content, node) => fencedBlock(preformattedText(node), codeLanguage(node as Element)),
  });
  converter.addRule("table", {
    filter: "table",
    replacement: (_content, node) => tableMarkdown(node as Element),
  });
  converter.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && !node.querySelector("pre, table"),
    replacement: (_content, node) => {
      const figure = node as Element;
      const images = Array.from(figure.querySelectorAll("img")).map(imageMarkdown).filter(Boolean);
      const caption = collapse(figure.querySelector("figcaption")?.textContent ?? "");
      const lines = caption ? [...images, `_${caption.replace(/_/g, "\\_")}_`] : images;

      return lines.length > 0 ? `\n\n${lines.join("\n")}\n\n` : "";
    },
  });
  converter.addRule("headingPermalink", {
    filter: (node) =>
      node.nodeName === "A" &&
      /^H[1-6]$/.test(node.parentNode?.nodeName ?? "") &&
      /^[\s#¶§🔗]*$/u.test(node.textContent ?? ""),
    replacement: () => "",
  });
  converter.addRule("footnoteReference", {
    filter: (node) =>
      node.nodeName === "A" &&
      (node.getAttribute("href") ?? "").startsWith("#") &&
      /^\[?\d{1,3}\]?$/.test((node.textContent ?? "").trim()),
    replacement: () => "",
  });
  // Turndown keeps white space inside the delimiters ("**Note **text"),
  // which Markdown does not read as emphasis; it belongs outside them.
  converter.addRule("emphasis", {
    filter: ["strong", "b", "em", "i"],
    replacement: (content, node) => {
      const inner = content.trim();
      if (!inner) return content;
      const delimiter = node.nodeName === "STRONG" || node.nodeName === "B" ? "**" : "_";
      const leading = /^\s*/.exec(content)?.[0] ?? "";
      const trailing = /\s*$/.exec(content)?.[0] ?? "";

      return `${leading}${delimiter}${inner}${delimiter}${trailing}`;
    },
  });
  converter.addRule("image", {
    filter: "img",
    replacement: (_content, node) => imageMarkdown(node as Element),
  });

  return converter;
}
