// Word stems (post/posts/posting/posted → "post"): the Porter2 (Snowball English) stemmer, cached.

import porter2 from 'wink-porter2-stemmer';

const cache = new Map<string, string>();

/** The stem of one lower-case word. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = porter2(word);
    if (cache.size < 100_000) cache.set(word, s);
  }
  return s;
}
