// A small suffix-stripping stemmer: enough to make post/posts/posting/posted one word, and cheap.

const KEEP = new Set(['is', 'was', 'has', 'this', 'his', 'us', 'bus', 'yes', 'news', 'its', 'gas', 'press', 'less', 'business', 'access', 'process', 'address']);

/** The stem of one lower-case word. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || KEEP.has(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suf of ['isations', 'isation', 'ations', 'ation', 'ising', 'ising', 'izing', 'ised', 'ized', 'ingly', 'ings', 'ing', 'edly', 'ed', 'ers', 'er', 'ly', 'ment', 'ness', 'ise', 'ize', 'ity', 'ate', 'acy', 'ive']) {
    // Short results of -ly/-er/-ers collide with other words ("careers" is not "car").
    const min = suf === 'ly' ? 4 : suf === 'er' || suf === 'ers' ? 5 : 3;
    if (w.endsWith(suf) && w.length - suf.length >= min) {
      w = w.slice(0, -suf.length);
      break;
    }
  }
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3) w = `${w.slice(0, -1)}i`;
  return w;
}
