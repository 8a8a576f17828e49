import { describe, expect, it } from "vitest";
import { splitArticleBlocks } from "@/lib/articles/markdown/blocks";
import { normalizeArticleMarkdown } from "@/lib/articles/markdown/normalize";
import { isLinkOnlyLine, toPlainText } from "@/lib/articles/markdown/plain-text";
import { prepareArticleFromText } from "@/lib/articles/prepare-article";

describe("normalizeArticleMarkdown", () => {
  it("reads TOML front matter", () => {
    const { body, frontMatter } = normalizeArticleMarkdown(
      '+++\ntitle = "Fearless"\nauthors = ["Aaron", "Niko"]\ndate = "2015-04-10"\n+++\n\nBody text.',
    );

    expect(body).toBe("Body text.");
    expect(frontMatter.title).toBe("Fearless");
    expect(frontMatter.byline).toBe("Aaron, Niko");
    expect(frontMatter.publishedAt?.toISOString()).toBe("2015-04-10T00:00:00.000Z");
  });

  it("reads YAML front matter", () => {
    const { frontMatter } = normalizeArticleMarkdown(
      "---\ntitle: 'On queues'\nauthor: Ada\nlang: de\n---\nText.",
    );

    expect(frontMatter).toMatchObject({ title: "On queues", byline: "Ada", language: "de" });
  });

  it("unifies line endings and blank lines", () => {
    const { body } = normalizeArticleMarkdown("\uFEFFOne  \r\nline\r\n\r\n\r\n\r\nTwo\r\n");

    expect(body).toBe("One\nline\n\nTwo");
  });

  it("turns setext headings into ATX", () => {
    const { body } = normalizeArticleMarkdown("Title\n=====\nIntro.\n\nPart\n----\nMore.");

    expect(body).toBe("# Title\n\nIntro.\n\n## Part\n\nMore.");
  });

  it("keeps fenced code as written", () => {
    const code = '```rust\nfn main() {\n\n\n    println!("hi");   \n}\n```';
    const { body } = normalizeArticleMarkdown(`Before:\n${code}\nAfter.`);

    expect(body).toBe(`Before:\n\n${code.replace("   \n", "\n")}\n\nAfter.`);
  });

  it("drops HTML comments outside code", () => {
    expect(normalizeArticleMarkdown("Text <!-- hidden -->here.").body).toBe("Text here.");
  });

  it("is idempotent", () => {
    const once = normalizeArticleMarkdown("# A\nText\n\n\n- item\n- item\n\n```\ncode\n```").body;

    expect(normalizeArticleMarkdown(once).body).toBe(once);
  });
});

describe("splitArticleBlocks", () => {
  it("numbers and classifies blocks", () => {
    const body = [
      "# Heading",
      "A paragraph.",
      "- one\n- two",
      "> quoted",
      "```js\nconst a = 1;\n\nconst b = 2;\n```",
      "| a | b |\n| --- | --- |\n| 1 | 2 |",
      "![Chart](https://example.com/c.png)",
      "_The chart's caption._",
      "---",
      "[ref]: https://example.com",
      '<div class="note">Hi</div>',
    ].join("\n\n");

    expect(splitArticleBlocks(body).map((block) => [block.index, block.kind])).toEqual([
      [0, "heading"],
      [1, "paragraph"],
      [2, "list"],
      [3, "quote"],
      [4, "code"],
      [5, "table"],
      [6, "figure"],
      [7, "caption"],
      [8, "rule"],
      [9, "definitions"],
      [10, "html"],
    ]);
  });

  it("keeps blank lines inside fences", () => {
    const blocks = splitArticleBlocks("```\na\n\nb\n```\n\nText.");

    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.markdown).toBe("```\na\n\nb\n```");
  });
});

describe("toPlainText", () => {
  it("strips inline markup", () => {
    expect(
      toPlainText(
        "A **bold** _em_ [link](https://x.test) [ref][r] `code` ![img](i.png) snake_case_name\\*[^1].",
      ),
    ).toBe("A bold em link ref code snake_case_name*.");
  });

  it("detects link-only lines", () => {
    expect(isLinkOnlyLine("[Read more](https://example.com)")).toBe(true);
    expect(isLinkOnlyLine("- https://example.com/a, https://example.com/b")).toBe(true);
    expect(isLinkOnlyLine("See [the docs](https://example.com).")).toBe(false);
    expect(isLinkOnlyLine("No links here.")).toBe(false);
  });
});

describe("prepareArticleFromText", () => {
  it("makes lines paragraphs in plain text", () => {
    const prepared = prepareArticleFromText(
      "First line.\nSecond line.\nThird line.",
      {},
      { isPlainText: true },
    );

    expect(splitArticleBlocks(prepared.body)).toHaveLength(3);
  });

  it("takes the title from the first heading", () => {
    expect(prepareArticleFromText("# Queues in practice\n\nText.").title).toBe("Queues in practice");
  });

  it("prefers the given title", () => {
    expect(prepareArticleFromText("# Heading\n\nText.", { title: "Given" }).title).toBe("Given");
  });

  it("counts words without code", () => {
    expect(prepareArticleFromText("Three short words.\n\n```\nnot counted at all\n```").wordCount).toBe(3);
  });
});
