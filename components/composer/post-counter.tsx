import type { PostMeasurement } from "@/lib/x/post-text";

/** Characters left at which a post's count turns to a warning colour. */
const WARNING_REMAINING = 20;

export function PostCounter({ measurement }: { measurement: PostMeasurement }) {
  const { remaining, weightedLength, maxWeightedLength, invalidReason: problem } = measurement;
  const tone =
    problem === "too_long" || problem === "invalid_character"
      ? "text-red-700 font-semibold"
      : remaining <= WARNING_REMAINING
        ? "text-amber-700"
        : "text-neutral-500";
  const description =
    problem === "invalid_character"
      ? "Contains a character X rejects"
      : remaining < 0
        ? `${-remaining} over the limit`
        : `${remaining} left`;

  return (
    <span className={`text-xs tabular-nums ${tone}`} aria-live="polite">
      {weightedLength}/{maxWeightedLength} · {description}
    </span>
  );
}
