// Meaning by word vectors: a sentence's vector is the frequency-weighted average of its words'
// vectors (Arora, Liang and Ma, "A simple but tough-to-beat baseline for sentence embeddings",
// ICLR 2017), so rare, telling words count most and "the", "use", "can" hardly at all.

import type { Term } from '../language/terms.js';
import { wordVectors } from '../language/vectors.js';

/** SIF's smoothing constant: words more frequent than about this share of text weigh less. */
const A = 1e-3;

/** How much a word tells, 0..1, from how common it is in English (rare words ≈ 1). */
export function wordWeight(word: string): number {
  const rank = wordVectors().rank(word);
  // Zipf: the r-th commonest word is about 0.1/r of all text; unknown words count as rare.
  const p = rank === undefined ? 0 : 0.1 / (rank + 1);
  return A / (A + p);
}

/** The weighted average vector of a text's content terms (unit length), or undefined if none has one. */
export function meaningVector(terms: Term[]): Float32Array | undefined {
  const vectors = wordVectors();
  let sum: Float32Array | undefined;
  for (const t of terms) {
    if (t.stop) continue;
    for (const w of t.text.split(' ')) {
      const v = vectors.get(w);
      if (!v) continue;
      sum ??= new Float32Array(v.length);
      const weight = wordWeight(w);
      for (let i = 0; i < v.length; i++) sum[i]! += weight * v[i]!;
    }
  }
  if (!sum) return undefined;
  let n = 0;
  for (const x of sum) n += x * x;
  n = Math.sqrt(n);
  if (n === 0) return undefined;
  for (let i = 0; i < sum.length; i++) sum[i]! /= n;
  return sum;
}
