// Typo correction for question words the policy and lexicon do not know ("folow" → "follow"):
// Fuse.js proposes near words from the vocabulary, an edit distance confirms them.

import Fuse from 'fuse.js';

/** A corrector over one vocabulary; answers are cached, so a word costs one fuzzy search. */
export type Speller = (word: string) => string | undefined;

/**
 * Builds a corrector for words of 4+ letters: one edit up to 7 letters (and the same first letter
 * up to 5, where one edit often makes another real word), two edits beyond. Never corrects into
 * a word in `avoid` (stopwords: "supply" is not a typo for "apply").
 */
export function createSpeller(vocabulary: Iterable<string>, avoid: ReadonlySet<string> = new Set()): Speller {
  const list = [...new Set(vocabulary)].filter((w) => w.length >= 3 && /^[a-z]+$/.test(w) && !avoid.has(w));
  const known = new Set(list);
  const fuse = new Fuse(list, { includeScore: true, threshold: 0.4, ignoreLocation: true, minMatchCharLength: 2 });
  const cache = new Map<string, string | undefined>();
  // "alowed", "shoud": a slip in a question word is that word (it carries no topic), never a rare term.
  const function_words = [...avoid].filter((w) => w.length >= 5 && /^[a-z]+$/.test(w));
  return (word) => {
    if (known.has(word) || word.length < 4 || !/^[a-z]+$/.test(word)) return undefined;
    if (cache.has(word)) return cache.get(word);
    const slip = function_words.find((w) => w[0] === word[0] && editDistance(word, w, 1) <= 1);
    if (slip) {
      cache.set(word, slip);
      return slip;
    }
    const limit = word.length <= 7 ? 1 : 2;
    let best: { w: string; d: number; s: number } | undefined;
    for (const r of fuse.search(word, { limit: 12 })) {
      const d = editDistance(word, r.item, limit);
      if (d > limit || (word.length <= 5 && r.item[0] !== word[0])) continue;
      if (!best || d < best.d || (d === best.d && (r.score ?? 1) < best.s)) best = { w: r.item, d, s: r.score ?? 1 };
    }
    cache.set(word, best?.w);
    return best?.w;
  };
}

/** Damerau-Levenshtein distance (adjacent swaps count one), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}
