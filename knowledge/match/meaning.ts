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

/**
 * The direction every sentence of a text shares (its first principal component, by power
 * iteration): Arora et al. remove it so that likeness of meaning is not mostly likeness of register.
 */
export function commonDirection(vectors: Float32Array[]): Float32Array | undefined {
  if (vectors.length < 3) return undefined;
  const dims = vectors[0]!.length;
  let u = new Float32Array(dims).fill(1 / Math.sqrt(dims));
  for (let it = 0; it < 30; it++) {
    const next = new Float32Array(dims);
    for (const v of vectors) {
      let dot = 0;
      for (let i = 0; i < dims; i++) dot += v[i]! * u[i]!;
      for (let i = 0; i < dims; i++) next[i]! += dot * v[i]!;
    }
    let n = 0;
    for (const x of next) n += x * x;
    n = Math.sqrt(n);
    if (n === 0) return undefined;
    for (let i = 0; i < dims; i++) next[i]! /= n;
    u = next;
  }
  return u;
}

/** A unit vector with its part along `u` taken out (renormalised), or undefined if nothing is left. */
export function without(v: Float32Array | undefined, u: Float32Array | undefined): Float32Array | undefined {
  if (!v || !u) return v;
  let dot = 0;
  for (let i = 0; i < v.length; i++) dot += v[i]! * u[i]!;
  const out = new Float32Array(v.length);
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    out[i] = v[i]! - dot * u[i]!;
    n += out[i]! * out[i]!;
  }
  n = Math.sqrt(n);
  if (n < 1e-6) return undefined;
  for (let i = 0; i < out.length; i++) out[i]! /= n;
  return out;
}
