// The per-school index the matcher searches, built once per policy version: every clause's terms
// by field (text, headings, list lead-in) with term weights, each part's terms and meaning vector,
// the people/actions/things each clause speaks of, and a typo corrector over the policy's words.

import type { Clause, Policy } from '../types.js';
import { readTerms, type Term } from '../language/terms.js';
import { commonDirection, meaningVector, without } from './meaning.js';
import { createSpeller, type Speller } from './spell.js';
import { readSlots, type Slots } from './slots.js';
import { ownNameWords } from './own-name.js';
import { STOPWORDS, VOCABULARY_WORDS, concept } from '../language/vocabulary.js';

/** One clause as the matcher sees it. */
export interface IndexedClause {
  clause: Clause;
  /** Weighted counts of stem keys ("s:photo") and concept keys ("c:photo"): text 1, headings and lead-in 0.5. */
  tf: Map<string, number>;
  /** Length of the clause text in terms (for BM25's length normalisation). */
  len: number;
  /** Each part (ClausePart order): its terms, its keys and its meaning vector. */
  parts: IndexedPart[];
  /** Terms of the headings and the lead-in (context shared by every part). */
  context: Term[];
  /** The people, actions and things the clause speaks of. */
  slots: Slots;
  /** Every vocabulary concept the clause's own words name (not its headings or lead-in: a list item is its own). */
  concepts: Set<string>;
  /** It speaks of the school's own accounts or pages ("school-sanctioned social media", "the school's Facebook page"). */
  schoolPlatform: boolean;
}

export interface IndexedPart {
  terms: Term[];
  keys: Set<string>;
  vector: Float32Array | undefined;
}

export interface SchoolIndex {
  policy: Policy;
  clauses: IndexedClause[];
  /** Inverse document frequency of each key over the school's clauses. */
  idf: Map<string, number>;
  avgLen: number;
  /** The policy's content words (stem key → a word as written), for correcting typos. */
  words: Map<string, string>;
  /** Words of the school's own name, read as "school" on both sides. */
  own: Set<string>;
  /** Corrects typos against the policy's words and the vocabulary ("folow" → "follow"). */
  speller: Speller;
  /** The direction all of this policy's sentences share, taken out of every meaning vector (queries too). */
  common?: Float32Array;
  buildMs: number;
}

const HEADING_WEIGHT = 0.5;

/** Indexes one school's policy. */
export function buildSchoolIndex(policy: Policy): SchoolIndex {
  const started = performance.now();
  const own = ownNameWords(policy.school);
  const clauses = policy.clauses.map((c) => indexClause(c, own));
  // Arora et al.: the direction all of the policy's sentences share says how policies are written, not
  // what this sentence is about; taken out of every meaning vector (and the question's, retrieve.ts).
  const common = commonDirection(clauses.flatMap((c) => c.parts.flatMap((p) => (p.vector ? [p.vector] : []))));
  if (common) for (const c of clauses) for (const p of c.parts) p.vector = without(p.vector, common);
  const df = new Map<string, number>();
  for (const c of clauses) for (const k of c.tf.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = Math.max(clauses.length, 1);
  const idf = new Map<string, number>();
  for (const [k, f] of df) idf.set(k, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
  const words = new Map<string, string>();
  for (const c of clauses) {
    for (const t of [...c.parts.flatMap((p) => p.terms), ...c.context]) if (!t.stop && t.span === 1 && !words.has(t.key)) words.set(t.key, t.text);
  }
  const avgLen = clauses.reduce((s, c) => s + c.len, 0) / n;
  const speller = createSpeller([...words.values(), ...VOCABULARY_WORDS], STOPWORDS);
  return { policy, clauses, idf, avgLen, words, own, speller, ...(common ? { common } : {}), buildMs: performance.now() - started };
}

function indexClause(clause: Clause, own: ReadonlySet<string>): IndexedClause {
  const tf = new Map<string, number>();
  const add = (terms: Term[], w: number): void => {
    for (const k of termKeys(terms)) tf.set(k, (tf.get(k) ?? 0) + w);
  };
  const body = readTerms(clause.text, own);
  add(body, 1);
  const context = readTerms([...clause.headingPath.slice(-2), clause.leadIn ?? ''].join(' . '), own);
  add(context, HEADING_WEIGHT);
  const parts = (clause.parts?.length ? clause.parts.map((p) => p.text) : [clause.text]).map((text) => {
    const terms = readTerms(text, own);
    return { terms, keys: new Set(termKeys(terms)), vector: meaningVector(terms) };
  });
  const concepts = new Set(body.flatMap((t) => t.concepts));
  const slots = readSlots([...parts.flatMap((p) => p.terms), ...context]);
  return { clause, tf, len: body.filter((t) => !t.stop).length, parts, context, slots, concepts, schoolPlatform: ownsPlatform(body) };
}

/** An owner word of the school's right before (within three terms of) a platform or account. */
function ownsPlatform(terms: Term[]): boolean {
  return terms.some(
    (t, i) => t.concepts.includes('official') && terms.slice(i + 1, i + 4).some((n) => n.concepts.some((c) => concept(c).slot === 'platform')),
  );
}

/** The keys a list of terms is found by: each content term's stem, and every concept it names. */
export function termKeys(terms: Term[]): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (t.stop) continue;
    out.push(`s:${t.key}`);
    // A phrase also counts for its words ("friend request" is found by "request" too).
    if (t.span > 1) for (const w of t.key.split('_')) out.push(`s:${w}`);
    for (const c of t.concepts) out.push(`c:${c}`);
  }
  return out;
}

