/**
 * Post text as X counts it. The composer, splitter, distiller, server-side
 * validation and publisher all use this module, so the text counted is the
 * text sent. It runs in the browser and on the server.
 *
 * Counting is twitter-text 3.1's `parseTweet` with the version 3 config, after
 * NFC normalisation. A post may weigh 280. Every URL counts 23, bare domains
 * with a known TLD included. Each emoji that twitter-text recognises counts 2,
 * CJK and other code points outside its light ranges count 2, the rest 1.
 *
 * Emoji newer than twitter-text's data: its emoji parser (twemoji-parser 11)
 * does not know the joiner sequences added after its data, such as 🐦‍⬛, ❤️‍🔥 or
 * 🧑‍🧑‍🧒. It counts their parts instead, 2 for each emoji and 1 for each
 * U+200D joiner, so 🐦‍⬛ counts 5 where X counts 2. This module keeps that
 * count on purpose. The first part alone already weighs the 2 that X counts
 * for the whole sequence, so the count can only be too high, never too low.
 * Assuming X counts everything else as twitter-text 3.1 does, a post accepted
 * here is never too long for X. The cost is a few characters per such emoji.
 * The module does not correct the count with the runtime's emoji data, because
 * that data can be newer than X's and would then undercount. The splitter
 * still keeps these sequences whole, because it cuts at grapheme boundaries
 * from `Intl.Segmenter`, which follows the runtime's Unicode data.
 */
export {
  DEFAULT_MAX_WEIGHTED_LENGTH,
  MIN_MAX_WEIGHTED_LENGTH,
  measurePost,
  normalizePostText,
  type MeasureOptions,
  type PostMeasurement,
  type InvalidPostReason,
} from "./post-text/measure";
export { splitIntoPosts, type SplitOptions } from "./post-text/split";
