// The per-school index the matcher searches: each clause's terms (text, headings, lead-in), term
// weights (idf) and a typo corrector over the policy's own words. Built once, then cached.

import type { Clause, Policy } from '../types.js';
import { words, termsOf } from './analyze.js';
import { stem } from './stem.js';
import { FAMILIES, STOPWORDS, TEXT_SPEAK } from './lexicon.js';
import { createSpeller, type Speller } from './spell.js';
import { asSchoolWords, ownNameWords } from './own-name.js';

export interface ClauseDoc {
  clause: Clause;
  /** Weighted term counts: the clause text counts 1, its headings and lead-in 0.5. */
  tf: Map<string, number>;
  len: number;
  /** The terms of each part of the clause (ClausePart order), for choosing the verdict. */
  parts: Set<string>[];
}

export interface SchoolIndex {
  policy: Policy;
  docs: ClauseDoc[];
  idf: Map<string, number>;
  /** Weight given to a term the policy never uses. */
  unseenIdf: number;
  avgLen: number;
  speller: Speller;
  /** Words that appear in the policy, to leave alone when correcting typos. */
  vocabulary: Set<string>;
  /** Stems of the vocabulary: a plural or tense of a known word is not a typo. */
  stems: Set<string>;
  /** Words of the school's own name, read as "school" in questions and clauses alike. */
  ownWords: Set<string>;
  buildMs: number;
}

/** Indexes one school's policy. */
export function buildIndex(policy: Policy): SchoolIndex {
  const started = performance.now();
  const ownWords = ownNameWords(policy.school);
  const docs = policy.clauses.map((c) => toDoc(c, ownWords));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(docs.length, 1);
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
  // A word the policy never uses weighs like a fairly rare one, not the rarest: questions carry incidental nouns.
  const unseenIdf = Math.min(Math.log(1 + (n + 0.5) / 0.5), 2.5);
  const vocabulary = new Set<string>();
  for (const c of policy.clauses) for (const w of words(`${c.text} ${c.headingPath.join(' ')}`)) vocabulary.add(w);
  const lexicon = [...FAMILIES.flatMap(([, ws]) => ws), ...Object.keys(TEXT_SPEAK)];
  const speller = createSpeller([...vocabulary, ...lexicon], STOPWORDS);
  const avgLen = docs.reduce((s, d) => s + d.len, 0) / n;
  const stems = new Set([...vocabulary].map(stem));
  return { policy, docs, idf, unseenIdf, avgLen, speller, vocabulary, stems, ownWords, buildMs: performance.now() - started };
}

function toDoc(clause: Clause, own: ReadonlySet<string>): ClauseDoc {
  const analyze = (text: string): string[] => termsOf(asSchoolWords(words(text), own));
  const tf = new Map<string, number>();
  const add = (terms: string[], w: number): void => {
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + w);
  };
  const body = analyze(clause.text);
  add(body, 1);
  add(analyze(clause.headingPath.slice(-2).join(' ')), 0.5);
  if (clause.leadIn) add(analyze(clause.leadIn), 0.5);
  const parts = (clause.parts ?? [{ text: clause.text }]).map((p) => new Set(analyze(p.text)));
  return { clause, tf, len: body.length, parts };
}
