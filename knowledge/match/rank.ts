// Ranks a school's clauses against a question or topic: BM25 over concept terms, how much of the
// question a clause covers, and whom the question is about. Says "nothing fits" with an empty list.

import type { Clause, Party } from '../types.js';
import { expandTextSpeak, isLexiconWord, termGroups, words } from './analyze.js';
import type { ClauseDoc, SchoolIndex } from './clause-index.js';
import { stem } from './stem.js';
import { asSchoolWords } from './own-name.js';
import { ageFit, readAges } from './age-fit.js';
import { ALTERNATIVES, SECOND_READINGS, BROADER, COMPOUND_TERMS, INSTANCE_TERMS, LIGHT_TERMS, PARTY_TERMS } from './lexicon.js';

export interface AnalyzedQuery {
  terms: string[];
  /** Weight of each term: its idf, lowered for terms about whom rather than what. */
  weights: Map<string, number>;
  corrections: [string, string][];
  /** A term that is an alternative of another for the same word ("pupil" for "nephew" → relative): it counts only when that one is missing. */
  alternativeOf: Map<string, string>;
  /** Alternatives that are a word's second reading ("pupil" for "nephew"): they earn less. */
  secondary: Set<string>;
  /** Ages the question gives ("who is 20 now"). */
  ages: number[];
  /** Weight of the terms this policy never uses ("homework", "at home"): often incidental to the question. */
  unseenWeight: number;
  /** How many of the question's words (or phrases) the policy never uses. */
  unseenWords: number;
  /** The terms of the action asked about ("can I *set up*…", "…, can I *answer* them"): they pick the part of a clause. */
  focus: Set<string>;
}

export interface RankedClause {
  clause: Clause;
  doc: ClauseDoc;
  /** Raw BM25 after the subject factor, for ordering. */
  raw: number;
  /** Share of the question's weight this clause contains (0..1). */
  coverage: number;
  /** 0..1, the figure shown as confidence. */
  score: number;
  matched: string[];
}

export interface RankOptions {
  /** Whom the question is about; clauses that bind someone else rank lower. */
  binds?: Party;
  limit?: number;
  /** Terms that lift a clause that has them without counting against coverage ("report" for incidents). */
  boost?: string[];
  /**
   * The question asks for a rule: 'may' ("can I…", "am I allowed…") ranks what allows or forbids
   * first, 'must' ("do I have to…", "should I…") what requires; descriptions come after either.
   */
  preferRules?: 'may' | 'must';
}

const K1 = 0.8;
const B = 0.45;
/** Below this share of the question's weight, a clause does not answer it. */
export const MIN_COVERAGE = 0.5;
/** The share a clause must cover when it has only one of the question's topic words. */
const SINGLE_TOPIC_COVERAGE = 0.56;
/** The share of its weight a word the policy never uses keeps, once a clause meets two topics. */
const UNSEEN_SHARE = 0.5;

/** Words → corrected words → concept terms, each with its weight in this school's index. */
export function analyzeQuery(index: SchoolIndex, text: string): AnalyzedQuery {
  const corrections: [string, string][] = [];
  const own = index.ownWords;
  // The school's own name ("at Templemoor") says which school, not what about it.
  const ws = asSchoolWords(expandTextSpeak(words(text)), own).map((w) => {
    if (index.vocabulary.has(w) || isLexiconWord(w) || index.stems.has(stem(w))) return w;
    const fixed = index.speller(w);
    if (fixed) corrections.push([w, fixed]);
    return fixed ?? w;
  });
  const terms: string[] = [];
  const alternativeOf = new Map<string, string>();
  const secondary = new Set<string>();
  const groups = termGroups(expandTextSpeak(ws));
  for (const group of groups) {
    const use = usable(index, group);
    terms.push(...use);
    if (use.length > 1 && ALTERNATIVES.has(group.join(' '))) {
      for (const t of use.slice(1)) {
        alternativeOf.set(t, use[0]!);
        if (SECOND_READINGS.has(group.join(' '))) secondary.add(t);
      }
    }
  }
  const unique = [...new Set(terms)];
  const weights = new Map<string, number>();
  for (const t of unique) {
    if (t.startsWith('=')) continue;
    const idf = index.idf.get(t) ?? index.unseenIdf;
    weights.set(t, LIGHT_TERMS.has(t) ? idf * 0.3 : INSTANCE_TERMS.has(t) ? Math.min(idf, 1.5) * 0.4 : COMPOUND_TERMS.has(t) ? idf * 0.5 : idf);
  }
  // An alternative asked for on its own elsewhere in the question ("my son … pupils") is a term of its own.
  for (const [alt, primary] of [...alternativeOf]) {
    if (groupsNaming(alt, groups) > 1) alternativeOf.delete(alt);
    else weights.set(primary, Math.max(weights.get(primary) ?? 0, weights.get(alt) ?? 0));
  }
  for (const alt of alternativeOf.keys()) weights.delete(alt);
  let unseenWeight = 0;
  for (const [t, w] of weights) if (!index.idf.has(t)) unseenWeight += w;
  const unseenWords = groups.filter((g) => g.every((t) => weights.has(t) && !index.idf.has(t))).length;
  return { terms: unique, weights, corrections, alternativeOf, ages: readAges(text), secondary, unseenWeight, unseenWords, focus: askedAction(ws) };
}

/** The first topic word after "can I", "am I allowed to", "is it ok to"…: the action the question asks about. */
function askedAction(ws: string[]): Set<string> {
  for (let i = 0; i < ws.length - 1; i++) {
    const asks = (ASK_MODALS.has(ws[i]!) && (ws[i + 1] === 'i' || ws[i + 1] === 'we')) || (ASK_LEADS.has(ws[i]!) && ws[i + 1] === 'to');
    if (!asks) continue;
    const first = termGroups(ws.slice(i + 2, i + 8))[0];
    return new Set(first ?? []);
  }
  return new Set();
}

const ASK_MODALS = new Set(['can', 'could', 'may', 'should', 'must', 'shall']);
const ASK_LEADS = new Set(['allowed', 'ok', 'okay', 'alright', 'permitted', 'able']);

function groupsNaming(t: string, groups: string[][]): number {
  return groups.filter((g) => g.includes(t)).length;
}

/**
 * The terms of one word the policy can answer: where a word stands for alternatives ("nephew" →
 * relative or pupil; "school name" → schoolname, name) and the policy uses some, the others it
 * never uses are not missing from it.
 */
function usable(index: SchoolIndex, group: string[]): string[] {
  const seen = group.filter((t) => t.startsWith('=') || index.idf.has(t));
  return seen.length && seen.length < group.length ? seen : group;
}

/** Clauses that answer the query, best first; empty when none covers enough of it. */
export function rankClauses(index: SchoolIndex, query: AnalyzedQuery, opts: RankOptions = {}): RankedClause[] {
  const total = [...query.weights.values()].reduce((s, w) => s + w, 0);
  const heavy = query.terms.filter((t) => !LIGHT_TERMS.has(t) && !INSTANCE_TERMS.has(t) && !t.startsWith('='));
  const parties = query.terms.filter((t) => PARTY_TERMS.has(t));
  if (total === 0) return [];
  // Only whom/where words ("share the school's posts on my own page"): answer only a clause that has them all.
  const lightOnly = heavy.length === 0;
  if (lightOnly && query.weights.size < 2) return [];
  const out: RankedClause[] = [];
  for (const doc of index.docs) {
    let raw = 0;
    let covered = 0;
    const matched: string[] = [];
    for (const t of query.terms) {
      let tf = doc.tf.get(t);
      let credit = 1;
      // The clause says the broader thing ("communicate" for "message"): it answers, a little less exactly.
      // Not where it names the opposite owner: "personal accounts" is not a broader "school account".
      if (!tf && BROADER[t] && (!OWNED_TERMS.includes(t) || doc.parts.some((p) => p.has(BROADER[t]!) && !p.has('personal')))) {
        tf = doc.tf.get(BROADER[t]!);
        credit = 0.6;
      }
      if (!tf) continue;
      if (t.startsWith('=')) {
        raw += 0.5 * (index.idf.get(t) ?? 0);
        continue;
      }
      const primary = query.alternativeOf.get(t);
      if (primary && doc.tf.has(primary)) continue;
      // "nephew" → relative or pupil: a clause about relatives answers it more exactly than one about pupils.
      const w = query.weights.get(primary ?? t)! * credit * (query.secondary.has(t) ? ALTERNATIVE_CREDIT : 1);
      raw += w * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.len) / index.avgLen)));
      // A term only in the headings or the list's lead-in covers the question half as well.
      covered += w * Math.min(tf, 1);
      matched.push(t);
    }
    const topics = matched.filter((t) => !LIGHT_TERMS.has(t) && !INSTANCE_TERMS.has(t)).length;
    // A clause that meets more of the question's topics than it has words the policy never uses answers
    // it despite them ("whatsapp a pupil about their homework"); otherwise the unknown words may be the real topic.
    const incidental = topics >= 2 && query.unseenWords < topics;
    const coverage = covered / (incidental ? total - query.unseenWeight * (1 - UNSEEN_SHARE) : total);
    if (lightOnly ? coverage < 0.999 : topics === 0) continue;
    // One topic word in common is thin evidence ("mobile phones in exams" vs a rule on phones): it must cover more.
    if (coverage < (topics >= 2 || heavy.length < 2 ? MIN_COVERAGE : SINGLE_TOPIC_COVERAGE)) continue;
    for (const t of opts.boost ?? []) if (doc.tf.has(t) && !query.weights.has(t)) raw += (index.idf.get(t) ?? 0) * 0.8;
    raw *= subjectFactor(doc.clause, opts.binds) * partyFit(doc, parties) * coverage ** 1.5;
    if (opts.preferRules) raw *= ruleFactor(matchingEffect(doc, query), opts.preferRules);
    out.push({ clause: doc.clause, doc, raw, coverage, score: 0, matched });
  }
  out.sort((a, b) => b.raw - a.raw);
  const top = out[0]?.raw ?? 1;
  for (const r of out) r.score = round2(Math.min(1, r.coverage * (0.55 + 0.45 * (r.raw / top))));
  return out.slice(0, opts.limit ?? out.length);
}

/** How much of the people a clause talks about are the ones the question names (1 when it names none). */
function partyFit(doc: ClauseDoc, parties: string[]): number {
  if (!parties.length) return 1;
  let all = 0;
  let asked = 0;
  for (const p of PARTY_TERMS) {
    const tf = doc.tf.get(p) ?? 0;
    all += tf;
    if (parties.includes(p)) asked += tf;
  }
  return all ? 0.5 + (0.5 * asked) / all : 0.75;
}

const OWNED_TERMS = ['schooldevice', 'schoolaccount', 'schoolemail'];
/** The share of a word's weight its second meaning earns ("pupil" for "nephew"). */
const ALTERNATIVE_CREDIT = 0.6;
/** How much more the action asked about counts in choosing a clause's part. */
const FOCUS = 2;
/** An age limit the question's age meets or misses decides between parts more than any word does. */
const AGE_FIT = 6;

/**
 * How well the question matches each part of a clause. Whose thing it is decides between parts
 * that share the topic: "my personal email" fits "must not use personal email accounts", not
 * "the school's email address should be used".
 */
export function partScores(doc: ClauseDoc, query: AnalyzedQuery): number[] {
  const personal = query.weights.has('personal');
  const owned = OWNED_TERMS.filter((t) => query.weights.has(t));
  return doc.parts.map((terms, i) => {
    let s = 0;
    for (const t of query.terms) {
      const primary = query.alternativeOf.get(t);
      if (!terms.has(t) || (primary && terms.has(primary))) continue;
      // The action asked about counts twice: "can I set up an account" is answered by the part about setting one up.
      s += (query.weights.get(primary ?? t) ?? 0) * (query.secondary.has(t) ? ALTERNATIVE_CREDIT : 1) * (query.focus.has(t) ? FOCUS : 1);
    }
    const partOwned = OWNED_TERMS.some((t) => terms.has(t));
    if (personal && terms.has('personal')) s += 1;
    if (personal && partOwned && !owned.some((t) => terms.has(t)) && !terms.has('personal')) s -= 1;
    if (owned.length && owned.some((t) => terms.has(t))) s += 1;
    if (owned.length && terms.has('personal') && !partOwned) s -= 1;
    // Questions that give an age pick the sentence whose age limit they meet.
    s += AGE_FIT * ageFit(query.ages, doc.clause.parts?.[i]?.text ?? '');
    return s;
  });
}

/** The effect of the part of a clause the question matches best (ties: the strongest rule). */
function matchingEffect(doc: ClauseDoc, query: AnalyzedQuery): Clause['effect'] {
  const parts = doc.clause.parts;
  if (!parts?.length) return doc.clause.effect;
  let best = -Infinity;
  let effect: Clause['effect'] = doc.clause.effect;
  const scores = partScores(doc, query);
  doc.parts.forEach((_terms, i) => {
    const s = scores[i]!;
    const e = parts[i]?.effect ?? 'informs';
    if (s > best + 1e-9 || (Math.abs(s - best) < 1e-9 && ruleFactor(e, 'may') > ruleFactor(effect, 'may'))) {
      best = s;
      effect = e;
    }
  });
  return effect;
}

function ruleFactor(effect: Clause['effect'], kind: 'may' | 'must'): number {
  if (effect === 'informs') return 1;
  if (effect === 'requires') return kind === 'must' ? 1.4 : 1.15;
  return kind === 'may' ? 1.4 : 1.2;
}

function subjectFactor(clause: Clause, who: Party | undefined): number {
  const party = who ?? 'staff';
  if (clause.binds.includes(party)) return 1;
  return 0.6;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
