// Text → the terms the matcher compares: lower case, text-speak expanded, multi-word terms
// joined, word families mapped to one concept, stems, topic-free words dropped.

import { FAMILIES, PHRASES, STOPWORDS, TEXT_SPEAK } from './lexicon.js';
import { stem } from './stem.js';

const SURFACE = new Map<string, string[]>();
for (const [concepts, words] of FAMILIES) for (const w of words) SURFACE.set(w, concepts.split(' '));
const STEMMED = new Map<string, string[]>();
// Short stems collide ("mates" and "matters" both stem to "mat"): only longer ones stand for a family.
for (const [concepts, words] of FAMILIES) for (const w of words) if (stem(w).length >= 4 && !STEMMED.has(stem(w))) STEMMED.set(stem(w), concepts.split(' '));
const PHRASE_MAP = new Map(PHRASES.map(([p, c]) => [p, c.split(' ')]));
const MAX_PHRASE = Math.max(...PHRASES.map(([p]) => p.split(' ').length));
const PHRASE_WORDS = new Set(PHRASES.flatMap(([p]) => p.split(' ')));
/** "the school has social media pages", "school ICT equipment": the school's own account or device. */
const OWNED: Record<string, string> = { account: 'schoolaccount', device: 'schooldevice' };

/** Lower-case words of a text, apostrophes and hyphens resolved ("pupil's" → "pupil", "ex-pupil" → "ex pupil"). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/n't\b/g, ' not')
    .replace(/'/g, '')
    .replace(/<?https?:\/\/\S+|\bwww\.\S+/g, ' ')
    .replace(/\be-mail/g, 'email')
    .match(/[a-z0-9]+/g) ?? [];
}

/** Expands text-speak ("cn", "fb", "skool") word by word. */
export function expandTextSpeak(ws: string[]): string[] {
  return ws.flatMap((w) => (TEXT_SPEAK[w] ?? w).split(' '));
}

/** The concept terms of a list of words: phrases first, then families, then stems. */
export function termsOf(ws: string[]): string[] {
  return termGroups(ws).flat();
}

/**
 * The concept terms word by word (or phrase by phrase): a group holds the alternatives one word
 * stands for ("nephew" → relative, pupil), so a policy using either answers for the word.
 */
export function termGroups(ws: string[]): string[][] {
  const groups: string[][] = [];
  let schoolAt = -10;
  for (let i = 0; i < ws.length; ) {
    if (ws[i] === 'school' || ws[i] === 'official') schoolAt = i;
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE, ws.length - i); n >= 2 && !matched; n--) {
      const hit = PHRASE_MAP.get(ws.slice(i, i + n).join(' '));
      if (hit) {
        groups.push([...hit]);
        matched = n;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const w = ws[i++]!;
    if (STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    const terms = termOf(w);
    const group = [...terms];
    for (const t of terms) if (OWNED[t] && i - 1 - schoolAt <= 3) group.push(OWNED[t]!);
    groups.push(group);
    // The word itself too, when a family stands for it: "befriend" matches "befriending" best.
    const s = stem(w);
    if (!terms.includes(s) && SURFACE.has(w)) groups.push([`=${s}`]);
  }
  return groups;
}

/** The concept terms one word maps to. */
export function termOf(w: string): string[] {
  return SURFACE.get(w) ?? STEMMED.get(stem(w)) ?? [stem(w)];
}

/** True when a word is known to the lexicon (a family member, text-speak or a stopword). */
export function isLexiconWord(w: string): boolean {
  return SURFACE.has(w) || STOPWORDS.has(w) || w in TEXT_SPEAK || STEMMED.has(stem(w)) || PHRASE_WORDS.has(w);
}

/** Terms of a clause or heading text. */
export function analyze(text: string): string[] {
  return termsOf(words(text));
}
