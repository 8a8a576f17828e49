import { measurePost, normalizePostText } from "@/lib/x/post-text";

/** Returns the numbering label appended to post `index` (zero-based) of `total`. */
export function numberingLabel(index: number, total: number): string {
  return `${index + 1}/${total}`;
}

/**
 * Returns the exact texts the publisher sends for a thread's drafts: normalised, and
 * with ` 1/5`-style numbering appended when the thread has numbering on. The
 * composer counts these same strings, so what is counted is what is sent.
 */
export function finalPostTexts(drafts: readonly string[], numbering: boolean): string[] {
  return drafts.map((draft, index) => {
    const text = normalizePostText(draft);
    return numbering ? `${text} ${numberingLabel(index, drafts.length)}` : text;
  });
}

export interface PostProblem {
  /** Zero-based position of the post. */
  index: number;
  message: string;
}

/** Lists every post that X would reject: empty, with a character X refuses, or over the limit. */
export function findPostProblems(drafts: readonly string[], numbering: boolean): PostProblem[] {
  const problems: PostProblem[] = [];
  finalPostTexts(drafts, numbering).forEach((text, index) => {
    const number = index + 1;
    if (normalizePostText(drafts[index] ?? "") === "") {
      problems.push({ index, message: `Post ${number} is empty. Write something or delete it.` });
      return;
    }

    const measured = measurePost(text);
    if (measured.invalidReason === "too_long") {
      const over = -measured.remaining;
      const characters = over === 1 ? "1 character" : `${over} characters`;
      problems.push({
        index,
        message: `Post ${number} is ${characters} over X's limit. Shorten it or split it.`,
      });
    } else if (measured.invalidReason === "invalid_character") {
      problems.push({
        index,
        message: `Post ${number} contains a character X rejects (U+FFFE, U+FEFF or U+FFFF). Remove it.`,
      });
    }
  });

  return problems;
}
