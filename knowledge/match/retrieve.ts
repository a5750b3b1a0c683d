// Ranks a school's clauses against a question by what they share: BM25 over stems, where a term
// the clause lacks can still be met by a word of the same vocabulary concept (at a discount), plus
// the likeness of meaning (word vectors) between the question and the clause's closest sentence.
// Nothing here decides whether the policy covers the question (coverage.ts does).

import type { Term } from '../language/terms.js';
import { termsOfWords, words as wordsOf, expanded } from '../language/terms.js';
import { cosine, wordVectors } from '../language/vectors.js';
import { concept } from '../language/vocabulary.js';
import type { IndexedClause, SchoolIndex } from './school-index.js';
import { meaningVector, without, wordWeight } from './meaning.js';
import type { Speller } from './spell.js';

export interface QueryTerm {
  term: Term;
  /** How much the term tells in this school's policy (idf, or a prior for words it never uses). */
  weight: number;
  /** Every way a clause may meet the term, best first. */
  ways: Evidence[];
}

export interface Query {
  text: string;
  terms: QueryTerm[];
  /** Every term, stopwords included, in order (for reading the question's form and slots). */
  all: Term[];
  /** Its meaning, without the policy's common direction (to meet the policy's sentences). */
  vector: Float32Array | undefined;
  /** Its meaning as it is (to meet other questions). */
  rawVector: Float32Array | undefined;
  corrections: [string, string][];
}

export interface Evidence {
  /** 1 the same word, less for the same concept or a wider one. */
  sim: number;
  via: 'word' | 'concept' | 'broader' | 'related';
  key: string;
}

export interface Candidate {
  indexed: IndexedClause;
  /** BM25 with soft matches, divided by the most the question could earn (≈ 0..1). */
  lexical: number;
  /** Likeness of meaning between the question and the clause's closest part (cosine). */
  meaning: number;
  /** Share of the question's weight the clause meets at all (0..1). */
  coverage: number;
  /** The ranking score. */
  score: number;
  /** How each question term was met (by term index), for explaining and for choosing parts. */
  evidence: (Evidence | undefined)[];
}

const K1 = 0.8;
const B = 0.5;
/** Credit for meeting a term through a word of the same concept, the kind it is, or a neighbour. */
const CONCEPT_SIM = 0.75;
const BROADER_SIM = 0.9;
const RELATED_SIM = 0.5;
/** Weight of meaning likeness beside word overlap in the retrieval score (chosen leave-one-school-out, tools/loso.ts). */
const MEANING_WEIGHT = 0.2;

/**
 * The least share of its own weight a term met through a concept keeps (0.5–0.7 give about the same
 * on the tuning sets; 0.5 lets a rare word in a descriptive clause outrank the rule on its kind).
 */
const SHRINK_FLOOR = 0.7;

/** Reads a question against one school's index: terms, weights, typo fixes, near words, meaning. */
export function readQuery(index: SchoolIndex, text: string, speller?: Speller): Query {
  const corrections: [string, string][] = [];
  const vectors = wordVectors();
  const ws = expanded(wordsOf(text)).map((w) => {
    if (index.own.has(w)) return 'school';
    // A word English knows is not a typo, even where the policy never uses it.
    const fixed = vectors.get(w) ? undefined : speller?.(w);
    if (fixed && fixed !== w) corrections.push([w, fixed]);
    return fixed ?? w;
  });
  const all = termsOfWords(ws);
  const n = Math.max(index.clauses.length, 1);
  const unseenMax = Math.min(Math.log(1 + (n + 0.5) / 0.5), 3);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const term of all) {
    if (term.stop || seen.has(term.key)) continue;
    seen.add(term.key);
    const idf = index.idf.get(`s:${term.key}`);
    const conceptIdf = Math.max(0, ...term.concepts.map((c) => index.idf.get(`c:${c}`) ?? 0));
    // A word the policy never uses weighs by how rare it is in English: "homework" little, "linkedin" much.
    const weight = idf ?? (conceptIdf || unseenMax * rarity(term));
    terms.push({ term, weight, ways: waysToMeet(term) });
  }
  const rawVector = meaningVector(all);
  return { text, terms, all, vector: without(rawVector, index.common), rawVector, corrections };
}

/** Every clause with its scores, best first. */
export function retrieve(index: SchoolIndex, query: Query): Candidate[] {
  const total = query.terms.reduce((s, t) => s + t.weight, 0) || 1;
  const out: Candidate[] = [];
  for (const indexed of index.clauses) {
    let bm25 = 0;
    let met = 0;
    const evidence = query.terms.map((qt) => {
      const found = best(indexed, qt);
      if (!found) return undefined;
      const tf = indexed.tf.get(found.key) ?? 0;
      // Met through another word of its concept or a wider one, a term counts no more than that concept
      // tells in this policy ("LinkedIn" met by "social media", which most clauses speak of), but keeps
      // most of its own weight: a rule on social media still speaks of Facebook.
      const weight = found.via === 'word' ? qt.weight : Math.min(qt.weight, Math.max(index.idf.get(found.key) ?? 0, qt.weight * SHRINK_FLOOR));
      bm25 += weight * found.sim * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * indexed.len) / (index.avgLen || 1))));
      met += weight * found.sim;
      return found;
    });
    const meaning = query.vector ? Math.max(0, ...indexed.parts.map((p) => (p.vector ? cosine(query.vector!, p.vector) : 0))) : 0;
    const lexical = bm25 / (total * (K1 + 1));
    out.push({ indexed, lexical, meaning, coverage: met / total, score: lexical + MEANING_WEIGHT * meaning, evidence });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The best way a clause meets one question term, or undefined. */
function best(c: IndexedClause, qt: QueryTerm): Evidence | undefined {
  return qt.ways.find((w) => c.tf.has(w.key));
}

/** The keys that meet a term: its own stem, its concepts, their wider concepts; best first. */
function waysToMeet(term: Term): Evidence[] {
  const ways: Evidence[] = [{ sim: 1, via: 'word', key: `s:${term.key}` }];
  for (const id of term.concepts) {
    ways.push({ sim: CONCEPT_SIM, via: 'concept', key: `c:${id}` });
    const { broader, related } = concept(id);
    if (broader) ways.push({ sim: BROADER_SIM, via: 'broader', key: `c:${broader}` });
    if (related) ways.push({ sim: RELATED_SIM, via: 'related', key: `c:${related}` });
  }
  return ways.sort((a, b) => b.sim - a.sim);
}

/** 0..1: how rare a word is in English (its SIF weight). */
function rarity(term: Term): number {
  return Math.max(...term.text.split(' ').map(wordWeight));
}

