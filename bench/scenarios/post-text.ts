import twitterText, { type ParseTweetOptions } from "twitter-text";
import { finalPostTexts } from "@/lib/threads/final-texts";
import { measurePost, splitIntoPosts } from "@/lib/x/post-text";
import { buildLongText, buildPostCorpus, loadFixtureArticles } from "../lib/fixtures";
import { cpuMilliseconds, formatNumber, median, progress, timeSync } from "../lib/stats";
import { measurement, type Measurement } from "../lib/types";

const SCENARIO = "Post text";

// measurePost keeps the last 256 texts it measured. A corpus larger than that,
// read in order, misses the cache on every text, so throughput is the cost of
// real measuring.
const MEASURE_CACHE_SIZE = 256;
const THROUGHPUT_ROUNDS = 10;
const MIN_ROUND_CPU_MS = 60;
const THREAD_LENGTH = 25;
const KEYSTROKES = 2_000;

type TwitterTextConfigs = { configs?: { version3?: ParseTweetOptions } };

function version3Config(): ParseTweetOptions {
  const config = (twitterText as unknown as TwitterTextConfigs).configs?.version3;
  if (!config) throw new Error("twitter-text has no version 3 config; install twitter-text 3.x.");

  return config;
}

// Alternates the two bodies round by round, so that both see the same machine load.
function interleavedRounds(bodies: { first: () => void; second: () => void }, rounds: number) {
  const first: number[] = [];
  const second: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      first.push(timeSync(bodies.first).cpuMs);
      second.push(timeSync(bodies.second).cpuMs);
    } else {
      second.push(timeSync(bodies.second).cpuMs);
      first.push(timeSync(bodies.first).cpuMs);
    }
  }

  return { first: median(first), second: median(second) };
}

function measureThroughput(corpus: readonly string[], config: ParseTweetOptions): Measurement {
  const parseAll = () => {
    for (const text of corpus) twitterText.parseTweet(text, config);
  };
  const measureAll = () => {
    for (const text of corpus) measurePost(text);
  };
  for (let warmup = 0; warmup < 5; warmup += 1) {
    parseAll();
    measureAll();
  }

  const passes = Math.max(1, Math.ceil(MIN_ROUND_CPU_MS / Math.max(0.01, timeSync(parseAll).cpuMs)));
  const repeat = (body: () => void) => () => {
    for (let pass = 0; pass < passes; pass += 1) body();
  };
  const medians = interleavedRounds(
    { first: repeat(parseAll), second: repeat(measureAll) },
    THROUGHPUT_ROUNDS,
  );
  const postsPerRound = corpus.length * passes;

  return measurement({
    scenario: SCENARIO,
    name: "measurePost throughput",
    value: postsPerRound / (medians.second / 1000),
    unit: "posts/s",
    baseline: {
      name: "parseTweet (v3 config)",
      value: postsPerRound / (medians.first / 1000),
      unit: "posts/s",
    },
    target: { on: "ratio", comparison: ">=", limit: 0.8 },
    detail: `${corpus.length} distinct posts from the fixture articles, ${passes} passes per round, median of ${THROUGHPUT_ROUNDS} rounds of CPU time`,
  });
}

function measureSplitGrowth(text100k: string, text1m: string): Measurement {
  const small: number[] = [];
  const large: number[] = [];
  let postCount = 0;
  splitIntoPosts(text100k);
  for (let round = 0; round < 3; round += 1) {
    large.push(
      timeSync(() => {
        postCount = splitIntoPosts(text1m).length;
      }).cpuMs,
    );
    small.push(timeSync(() => splitIntoPosts(text100k)).cpuMs);
    small.push(timeSync(() => splitIntoPosts(text100k)).cpuMs);
  }

  return measurement({
    scenario: SCENARIO,
    name: "splitIntoPosts, 1 MB",
    value: median(large),
    unit: "ms CPU",
    baseline: { name: "splitIntoPosts, 100 KB", value: median(small), unit: "ms CPU" },
    target: { on: "ratio", comparison: "<=", limit: 12 },
    detail: `1,000,000 and 100,000 characters of fixture text; ${formatNumber(postCount)} posts from 1 MB; median of ${large.length} and ${small.length} runs`,
  });
}

// Times what the composer does on each keystroke: final texts (normalised and
// numbered) for all posts, then measurePost on each. One post changes per keystroke.
function measureKeystrokes(thread: readonly string[], config: ParseTweetOptions): Measurement[] {
  const drafts = [...thread];
  const keystroke = (index: number) => {
    const position = index % drafts.length;
    drafts[position] = `${thread[position]} ${index}`;
    for (const text of finalPostTexts(drafts, true)) measurePost(text);
  };
  const parseOnly = () => {
    for (const text of finalPostTexts(drafts, true)) twitterText.parseTweet(text, config);
  };
  // A keystroke that changes every post, as when numbering changes with the post count.
  let coldRound = 0;
  const coldKeystroke = () => {
    coldRound += 1;
    const changed = thread.map((text) => `${text} ${coldRound}`);
    for (const text of finalPostTexts(changed, true)) measurePost(text);
  };

  for (let index = 0; index < 200; index += 1) {
    keystroke(index);
    parseOnly();
    coldKeystroke();
  }

  const cpuStart = cpuMilliseconds();
  for (let index = 0; index < KEYSTROKES; index += 1) keystroke(index + 200);
  const perKeystroke = (cpuMilliseconds() - cpuStart) / KEYSTROKES;
  const parseStart = cpuMilliseconds();
  for (let index = 0; index < KEYSTROKES; index += 1) parseOnly();
  const parsePerKeystroke = (cpuMilliseconds() - parseStart) / KEYSTROKES;
  const coldStart = cpuMilliseconds();
  for (let index = 0; index < KEYSTROKES; index += 1) coldKeystroke();
  const coldPerKeystroke = (cpuMilliseconds() - coldStart) / KEYSTROKES;
  const baseline = {
    name: `parseTweet on the ${THREAD_LENGTH} final texts`,
    value: parsePerKeystroke,
    unit: "ms CPU",
  };

  return [
    measurement({
      scenario: SCENARIO,
      name: `Re-measure a ${THREAD_LENGTH}-post thread per keystroke`,
      value: perKeystroke,
      unit: "ms CPU",
      baseline,
      target: { on: "value", comparison: "<", limit: 1 },
      detail: `finalPostTexts (numbering on) and measurePost on every post, one post edited per keystroke; mean of ${KEYSTROKES} keystrokes`,
    }),
    measurement({
      scenario: SCENARIO,
      name: `Re-measure a ${THREAD_LENGTH}-post thread, every post changed`,
      value: coldPerKeystroke,
      unit: "ms CPU",
      baseline,
      detail:
        "no post found in measurePost's cache, as when the post count and so every numbering label changes",
    }),
  ];
}

export async function run(): Promise<Measurement[]> {
  const config = version3Config();
  progress("post text: loading the fixture articles");
  const articles = loadFixtureArticles();
  const corpus = buildPostCorpus(articles);
  if (new Set(corpus).size <= MEASURE_CACHE_SIZE) {
    throw new Error(
      `The fixtures give ${corpus.length} distinct posts; the throughput run needs more than ${MEASURE_CACHE_SIZE}.`,
    );
  }

  progress(`post text: measurePost against parseTweet on ${corpus.length} posts`);
  const throughput = measureThroughput(corpus, config);

  progress("post text: splitIntoPosts on 100 KB and 1 MB");
  const split = measureSplitGrowth(buildLongText(articles, 100_000), buildLongText(articles, 1_000_000));

  progress(`post text: re-measuring a ${THREAD_LENGTH}-post thread per keystroke`);
  const longest = [...articles].sort((a, b) => b.body.length - a.body.length)[0]!;
  // Room is left for the numbering label and for the characters each keystroke adds.
  const thread = splitIntoPosts(longest.body, { maxWeightedLength: 260 }).slice(0, THREAD_LENGTH);
  if (thread.length < THREAD_LENGTH)
    throw new Error(`${longest.name} splits into fewer than ${THREAD_LENGTH} posts.`);

  return [throughput, split, ...measureKeystrokes(thread, config)];
}
