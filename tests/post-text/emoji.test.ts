import { describe, expect, it } from "vitest";
import { measurePost, splitIntoPosts } from "@/lib/x/post-text";

// Joiner sequences from Emoji 13.1 to 15.1, all newer than twitter-text 3.1's emoji data.
const newerSequences = [
  "😮‍💨",
  "😵‍💫",
  "❤️‍🔥",
  "❤️‍🩹",
  "🧔‍♀️",
  "🫱🏻‍🫲🏿",
  "🐦‍⬛",
  "🐦‍🔥",
  "🍋‍🟩",
  "🍄‍🟫",
  "⛓️‍💥",
  "🙂‍↔️",
  "🚶‍➡️",
  "🧑‍🧑‍🧒",
  "🧑‍🦯‍➡️",
];

const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].map(({ segment }) => segment);

describe("newer emoji sequences", () => {
  it.each(newerSequences)("%s is one grapheme", (sequence) => {
    expect(graphemes(sequence)).toEqual([sequence]);
  });

  it.each(newerSequences)("%s counts at least 2", (sequence) => {
    expect(measurePost(sequence).weightedLength).toBeGreaterThanOrEqual(2);
  });

  it.each(newerSequences)("%s counts as its parts", (sequence) => {
    const parts = sequence.split("\u200d");
    const joiners = parts.length - 1;
    const partWeights = parts.map((part) => measurePost(part).weightedLength);

    expect(measurePost(sequence).weightedLength).toBe(
      partWeights.reduce((sum, weight) => sum + weight, joiners),
    );
  });

  it("overcounts where X would accept", () => {
    // X counts the black bird as 2, so X accepts 278 + 2 = 280; this module counts 278 + 5.
    const measured = measurePost(`${"a".repeat(278)}🐦‍⬛`);

    expect(measured.weightedLength).toBe(283);
    expect(measured.valid).toBe(false);
  });

  it("splits without breaking sequences", () => {
    const text = newerSequences.map((sequence, index) => `word${index} ${sequence.repeat(9)}`).join(" ");
    const posts = splitIntoPosts(text, { maxWeightedLength: 60 });

    for (const post of posts) {
      expect(measurePost(post, { maxWeightedLength: 60 }).valid).toBe(true);
      expect(post.endsWith("\u200d")).toBe(false);
    }
    expect(posts.flatMap(graphemes).filter((grapheme) => grapheme !== " ")).toEqual(
      graphemes(text).filter((grapheme) => grapheme !== " "),
    );
  });
});
