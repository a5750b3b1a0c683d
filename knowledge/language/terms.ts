// Text → terms, the same way for a question and for a clause: lower-case words (apostrophes,
// hyphens and links resolved, text-speak expanded), the vocabulary's phrases joined, each term
// with its stem and the concepts it names.

import { CONCEPTS, STOPWORDS, TEXT_SPEAK } from './vocabulary.js';
import { stem } from './stem.js';

export interface Term {
  /** The word(s) as read ("friend request"). */
  text: string;
  /** The stem key compared across texts ("friend request" → "friend_request"). */
  key: string;
  /** Vocabulary concepts the term names. */
  concepts: readonly string[];
  /** Index of the term's first word in the text's words. */
  at: number;
  /** Words of the term (1 for a word, more for a phrase). */
  span: number;
  /** A function word or a word every question is made of: no topic. */
  stop: boolean;
}

/** Lower-case words of a text, apostrophes and hyphens resolved ("pupil's" → "pupil", "ex-pupil" → "ex pupil"). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’‘`´]/g, "'")
      .replace(/<?https?:\/\/\S+|\bwww\.\S+/g, ' ')
      // "@channel", "@head": a mention names someone or calls everyone; it is not a word of the question.
      .replace(/(^|[\s(])@[\w.-]+/g, '$1 ')
      .replace(/\be-mail/g, 'email')
      .replace(/'s\b/g, '')
      .replace(/n't\b/g, ' not')
      .replace(/'/g, '')
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** Words with text-speak expanded ("cn i use fb" → "can i use fb"). */
export function expanded(ws: string[]): string[] {
  // "seeing as I work there" is "as": a conjunction, not seeing anything.
  return ws.flatMap((w, i) => (w === 'seeing' && (ws[i + 1] === 'as' || ws[i + 1] === 'that') ? [] : (TEXT_SPEAK.get(w) ?? w).split(' ')));
}

/** Vocabulary phrases and words by their stem sequence ("friend request" → concept ids). */
const ENTRIES = new Map<string, Set<string>>();
for (const c of CONCEPTS) {
  for (const w of c.words) {
    const key = w.split(' ').map(stem).join('_');
    const set = ENTRIES.get(key) ?? new Set<string>();
    set.add(c.id);
    ENTRIES.set(key, set);
  }
}
const MAX_PHRASE = Math.max(...[...ENTRIES.keys()].map((k) => k.split('_').length));

/**
 * The terms of a text: phrases of the vocabulary first (longest wins), then single words. Words in
 * `own` (the school's own name) read as "school".
 */
export function readTerms(text: string, own?: ReadonlySet<string>): Term[] {
  const ws = expanded(words(text));
  return termsOfWords(own?.size ? ws.map((w) => (own.has(w) ? 'school' : w)) : ws);
}

/** What a rule is called, after "break" ("break the social media policy"). */
const RULE_WORDS = new Set(['policy', 'rules', 'rule', 'code', 'law', 'agreement', 'guidance', 'aup']);
/** Before "break", words that make it a rest from work ("a break", "at lunch break"). */
const BREAK_NOUN = new Set(['a', 'the', 'my', 'your', 'our', 'their', 'at', 'during', 'on', 'lunch', 'coffee', 'tea', 'morning', 'afternoon', 'rest']);

/** Words that make a word for pupils mean those who have left ("former", "ex-", "old", "past"). */
const FORMER = new Set(['former', 'ex', 'old', 'past']);

/** How many words from `at` make a word for pupils ("learners", "sixth former"), or 0. */
function pupilWordAt(stems: string[], at: number): number {
  for (let n = Math.min(MAX_PHRASE, stems.length - at); n >= 1; n--) {
    if (ENTRIES.get(stems.slice(at, at + n).join('_'))?.has('pupil')) return n;
  }
  return 0;
}

/** The terms of a list of words already read. */
export function termsOfWords(ws: string[]): Term[] {
  const stems = ws.map(stem);
  const out: Term[] = [];
  for (let i = 0; i < ws.length; ) {
    let taken = 0;
    for (let n = Math.min(MAX_PHRASE, ws.length - i); n >= 2 && !taken; n--) {
      const key = stems.slice(i, i + n).join('_');
      const hit = ENTRIES.get(key);
      if (hit) {
        out.push({ text: ws.slice(i, i + n).join(' '), key, concepts: [...hit], at: i, span: n, stop: false });
        taken = n;
      }
    }
    if (taken) {
      i += taken;
      continue;
    }
    const w = ws[i]!;
    // "former learners", "old tutees", "ex-students": a word for pupils after "former" is ex-pupils.
    // "break the social media policy", "breaks our code": breaking a rule, not a rest break.
    if ((w === 'break' || w === 'breaks') && !BREAK_NOUN.has(ws[i - 1] ?? '') && ws.slice(i + 1, i + 6).some((n) => RULE_WORDS.has(n))) {
      out.push({ text: w, key: 'breach', concepts: ['discipline'], at: i, span: 1, stop: false });
      i += 1;
      continue;
    }
    // "former sixth former": the word for pupils may be a phrase.
    const pupilSpan = FORMER.has(w) && ws[i - 1] !== 'year' && ws[i - 1] !== 'years' ? pupilWordAt(stems, i + 1) : 0;
    if (pupilSpan) {
      const key = `${w}_${stems.slice(i + 1, i + 1 + pupilSpan).join('_')}`;
      out.push({ text: ws.slice(i, i + 1 + pupilSpan).join(' '), key, concepts: ['expupil'], at: i, span: 1 + pupilSpan, stop: false });
      i += 1 + pupilSpan;
      continue;
    }
    // "year 4", "yr 6s", "S3" (a Scottish year): a year group is pupils.
    const yearGroup = (w === 'year' || w === 'yr') && /^\d{1,2}s?$/.test(ws[i + 1] ?? '') ? 2 : /^s[1-6]s?$/.test(w) ? 1 : 0;
    if (yearGroup) {
      out.push({ text: ws.slice(i, i + yearGroup).join(' '), key: 'year_group', concepts: ['pupil'], at: i, span: yearGroup, stop: false });
      i += yearGroup;
      continue;
    }
    const key = stems[i]!;
    const stop = STOPWORDS.has(w) || /^\d+$/.test(w);
    out.push({ text: w, key, concepts: stop ? [] : [...(ENTRIES.get(key) ?? [])], at: i, span: 1, stop });
    i++;
  }
  return out;
}
