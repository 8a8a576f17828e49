import { describe, expect, it } from "vitest";
import { comparablePostText, isSamePostText } from "@/lib/publishing/comparable-text";
import { describeStop } from "@/lib/publishing/messages";

describe("comparable post text", () => {
  it("matches X's t.co rewrite", () => {
    expect(isSamePostText("Read https://example.com/a?b=c now", "Read https://t.co/AbCdEf1234 now")).toBe(
      true,
    );
  });

  it("matches bare domains X links", () => {
    expect(isSamePostText("See example.com for more", "See https://t.co/Zz9 for more")).toBe(true);
  });

  it("decodes X's escaped characters", () => {
    expect(isSamePostText("Q&A <live> today", "Q&amp;A &lt;live&gt; today")).toBe(true);
  });

  it("tells different words apart", () => {
    expect(isSamePostText("Read https://example.com now", "Read https://t.co/AbCdEf1234 later")).toBe(false);
  });

  it("normalizes to NFC", () => {
    expect(comparablePostText("Cafe\u0301")).toBe(comparablePostText("Caf\u00e9"));
  });
});

describe("stop messages", () => {
  it("names the unsent range", () => {
    expect(describeStop({ position: 1, postCount: 5, reason: "X rejected it." })).toBe(
      "Post 2 was not posted: X rejected it. Posts 3 to 5 were not sent.",
    );
  });

  it("names one unsent post", () => {
    expect(describeStop({ position: 0, postCount: 2, reason: "X rejected it." })).toBe(
      "Post 1 was not posted: X rejected it. Post 2 was not sent.",
    );
  });

  it("stops at the last post", () => {
    expect(describeStop({ position: 2, postCount: 3, reason: "X rejected it." })).toBe(
      "Post 3 was not posted: X rejected it.",
    );
  });
});
