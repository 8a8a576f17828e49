import type { ArticleSentence } from "./sentences";
import { cosine, extractTerms, normaliseVector, type TermVector } from "./terms";

/** How many following sentences each sentence is compared with; keeps ranking linear in article length. */
const WINDOW = 12;
const TERMS_PER_SENTENCE = 24;
const CENTROID_TERMS = 64;
const DAMPING = 0.85;
const ITERATIONS = 50;

function termVectors(sentences: readonly ArticleSentence[], language: string | null): TermVector[] {
  const termLists = sentences.map((sentence) => extractTerms(sentence.text, language));
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }

  return termLists.map((terms) => {
    const weights = new Map<string, number>();
    for (const term of terms) {
      const idf = Math.log(1 + sentences.length / (documentFrequency.get(term) ?? 1));
      weights.set(term, (weights.get(term) ?? 0) + idf);
    }
    return normaliseVector(weights, TERMS_PER_SENTENCE);
  });
}

function centroidOf(vectors: readonly TermVector[]): TermVector {
  const sum = new Map<string, number>();
  for (const vector of vectors) {
    for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
  }

  return normaliseVector(sum, CENTROID_TERMS);
}

/**
 * Scores sentences with a TextRank variant. Edges join each sentence to the
 * next 12 by cosine similarity of TF-IDF vectors (at most 24 terms each),
 * and the random jump favours sentences close to the article's centroid, so
 * the cost grows linearly with the number of sentences. Returns one score
 * per sentence, in sentence order; equal input gives equal scores.
 */
export function rankSentences(sentences: readonly ArticleSentence[], language: string | null): number[] {
  const count = sentences.length;
  if (count === 0) return [];

  const vectors = termVectors(sentences, language);
  const centroid = centroidOf(vectors);
  const prior = vectors.map((vector) => cosine(vector, centroid) + 0.01);
  const priorSum = prior.reduce((sum, value) => sum + value, 0);
  for (let i = 0; i < count; i++) prior[i] = (prior[i] ?? 0) / priorSum;

  const neighbours: { index: number; weight: number }[][] = Array.from({ length: count }, () => []);
  const outWeight = new Array<number>(count).fill(0);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j <= Math.min(count - 1, i + WINDOW); j++) {
      const weight = cosine(vectors[i] ?? new Map(), vectors[j] ?? new Map());
      if (weight <= 0) continue;
      neighbours[i]?.push({ index: j, weight });
      neighbours[j]?.push({ index: i, weight });
      outWeight[i] = (outWeight[i] ?? 0) + weight;
      outWeight[j] = (outWeight[j] ?? 0) + weight;
    }
  }

  let scores = [...prior];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let danglingMass = 0;
    for (let i = 0; i < count; i++) if ((outWeight[i] ?? 0) === 0) danglingMass += scores[i] ?? 0;

    scores = scores.map((_score, i) => {
      let incoming = 0;
      for (const { index, weight } of neighbours[i] ?? []) {
        incoming += ((scores[index] ?? 0) * weight) / (outWeight[index] ?? 1);
      }
      const jump = prior[i] ?? 0;
      return (1 - DAMPING) * jump + DAMPING * (incoming + danglingMass * jump);
    });
  }

  return scores;
}
