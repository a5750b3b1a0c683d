// The matcher's one entry point: a staff message and a school's index in, the reading of the
// message, the ranked clauses with the sentence of each that decides and its verdict, a calibrated
// confidence, the outcome (answer / closest / none) and why. Expected outcomes are values, never throws.

import type { Clause, ClausePart, Party } from '../types.js';
import type { SchoolIndex } from './school-index.js';
import { readQuery, retrieve, type Candidate, type Query } from './retrieve.js';
import { readQuestion, type QuestionReading } from './read-question.js';
import { askedAction, choosePart, ownerAsked } from './choose-part.js';
import { verdictFor, type Verdict } from './verdict.js';
import { readSlots, fitSlots, type SlotFit, type SlotName, type Slots } from './slots.js';
import { rankFeatures, rankScore, type RankFeatures } from './rerank.js';
import { subjectParties } from '../ingest/classify-binds.js';
import { IMPERATIVE } from '../ingest/classify-effect.js';
import { concept } from '../language/vocabulary.js';
import { ageFit } from './age-fit.js';
import { askedTime, type AskedTime } from './time-window.js';
import { sentences } from '../ingest/split-parts.js';
import { coverageFeatures, decide, SURE_ANSWER, type CoverageFeatures, type Outcome } from './coverage.js';

export interface MatchOptions {
  /** Rank clauses that bind this party first (e.g. 'parents' for what parents may do). */
  binds?: Party;
  /** How many clauses to return (default 5). */
  limit?: number;
  /** Answer from this clause only (the person picked it from "did you mean"). */
  clauseId?: string;
}

/** One clause in the answer: the sentence that decides, its verdict, how sure, and why. */
export interface ClauseHit {
  clause: Clause;
  part: ClausePart;
  verdict: Verdict;
  /** 0..1. */
  score: number;
  /** Plain words on how the clause was found ("friend → befriend (same concept)"). */
  why: string[];
  /** What the clause was ranked by. */
  features?: RankFeatures;
  /**
   * The whole sentence holding the deciding part, when the clause runs to three sentences or more
   * and it is not the first (quoted first, so a long paragraph's deciding rule is seen).
   */
  sentence?: string;
}

export interface MatchResult {
  reading: QuestionReading;
  /** answer: the best clause answers the question; closest: the policy comes near but does not say; none: it does not speak of it. */
  outcome: Outcome;
  /** Calibrated: the chance the best clause answers the question (0..1). */
  confidence: number;
  /** Best first; empty only when the outcome is none. */
  hits: ClauseHit[];
  corrections: [string, string][];
  /** How the best clause meets the question's people, action and thing. */
  slots: Partial<Record<SlotName, SlotFit>>;
  /** What the confidence was computed from. */
  features?: CoverageFeatures;
  /**
   * The vocabulary concepts the question names, first mention first: what it is about, for
   * grouping questions. Without the member of staff asking (every question has them) and without
   * whose a thing is (personal or the school's qualifies a topic, it is not one).
   */
  concepts: string[];
}

const RULES = new Set<Verdict>(['no', 'must', 'permission', 'caution']);
/** How far behind (in ranking score) a deciding runner-up may be (1–3 give the same on the tuning sets). */
const RUNNER_UP = 1.5;

/** How many of the best-scoring clauses are weighed in full (parts, slots, verdicts) and re-ranked. */
const SHORTLIST = 8;

/** Matches one message against one school's index. */
export function matchIndex(index: SchoolIndex, question: string, opts: MatchOptions = {}): MatchResult {
  const query = readQuery(index, question, index.speller);
  const reading = readQuestion(corrected(question, query.corrections), query.all);
  const qSlots = readSlots(query.all);
  const who = opts.binds ?? reading.subject ?? 'staff';
  const owner = ownerAsked(query.all);
  const limit = opts.limit ?? 5;
  const retrievedAll = retrieve(index, query).filter((c) => !opts.clauseId || c.indexed.clause.id === opts.clauseId);
  const focus = askedAction(query.all);
  const top = retrievedAll[0]?.score ?? 0;
  const when = askedTime(question);
  const ranked = retrievedAll
    .slice(0, Math.max(SHORTLIST, limit) * 2)
    .map((c) => assess(c, { query, reading, who, owner, qSlots, focus, top, when }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, Math.max(SHORTLIST, limit));
  // A permission that does not decide the question (for others, or on a condition not met) gives way
  // to a close runner-up that does decide it with a rule.
  if (ranked[0]?.verdict === 'unknown' && ranked[1] && RULES.has(ranked[1].verdict) && ranked[1].rank >= ranked[0].rank - RUNNER_UP) {
    ranked.splice(0, 2, ranked[1], { ...ranked[0], rank: ranked[1].rank });
  }
  const best = ranked[0];
  const slots = best ? fitSlots(qSlots, best.slots) : {};
  const otherSubject = who !== 'staff' && !!best && !best.candidate.indexed.clause.binds.includes(who);
  const features = best && query.terms.length
    ? coverageFeatures({ query, best: best.candidate, retrieved: retrievedAll, slots, combo: bestCombo(index, qSlots), otherSubject, policyMeets: (i) => policyMeets(index, query, i) })
    : undefined;
  let decided = decide(features);
  // The best sentence does not decide the question (a permission for someone or something else): the closest it comes.
  if (best?.verdict === 'unknown' && decided.outcome === 'answer') decided = { outcome: 'closest', confidence: Math.min(decided.confidence, 0.49) };
  // A "yes" is the costliest answer to get wrong: it needs the confidence a question off the policy's subject needs.
  if (best?.verdict === 'yes' && decided.outcome === 'answer' && decided.confidence < SURE_ANSWER) decided = { outcome: 'closest', confidence: decided.confidence };
  // A clause the person chose answers by their choice.
  const { outcome, confidence } = opts.clauseId && best ? { outcome: 'answer' as const, confidence: 1 } : decided;
  const hits = outcome === 'none' ? [] : ranked.slice(0, limit).map((a) => hitOf(a, confidence * Math.exp(a.rank - best!.rank)));
  return { reading, outcome, confidence, hits, corrections: query.corrections, slots, ...(features ? { features } : {}), concepts: topicConcepts(query) };
}

function topicConcepts(query: Query): string[] {
  const ids = query.all.flatMap((t) => (t.stop ? [] : t.concepts));
  return [...new Set(ids)].filter((id) => id !== 'staff' && concept(id).slot !== 'owner');
}

/** The question with its typos fixed ("am i alowed" → "am i allowed"), for reading its form. */
function corrected(text: string, fixes: [string, string][]): string {
  let out = text;
  for (const [from, to] of fixes) out = out.replace(new RegExp(`\\b${from.replace(/[^a-z0-9]/gi, '')}\\b`, 'gi'), to);
  return out;
}

/** The largest share of the question's filled slots (people, action, thing) that one clause meets. */
function bestCombo(index: SchoolIndex, q: Slots): number {
  const asked = (Object.keys(q) as SlotName[]).filter((n) => q[n].size > 0);
  if (!asked.length) return 1;
  let best = 0;
  for (const c of index.clauses) {
    const fits = fitSlots(q, c.slots);
    const met = asked.filter((n) => fits[n] === 'same' || fits[n] === 'wider').length / asked.length;
    if (met > best) best = met;
    if (best === 1) break;
  }
  return best;
}

/** True when any clause of the policy meets the question's i-th term at all. */
function policyMeets(index: SchoolIndex, query: Query, i: number): boolean {
  const ways = query.terms[i]!.ways;
  return index.clauses.some((c) => ways.some((w) => c.tf.has(w.key)));
}

interface Assessed {
  candidate: Candidate;
  part: ClausePart;
  verdict: Verdict;
  rank: number;
  slots: Slots;
  features: RankFeatures;
}

interface Asking {
  query: Query;
  reading: QuestionReading;
  who: Party;
  owner: 'personal' | 'official' | undefined;
  qSlots: Slots;
  focus: Set<string>;
  top: number;
  when: AskedTime | undefined;
}

function assess(c: Candidate, a: Asking): Assessed {
  const chosen = choosePart(c.indexed, a.query, a.reading.ages, a.reading.asksSteps ? 'must' : a.reading.asksRule);
  const indexedPart = c.indexed.parts[chosen.index];
  const verdict = verdictFor({ reading: a.reading, terms: a.query.all, clauseText: c.indexed.clause.text, ...(a.when ? { when: a.when } : {}), ...(a.owner ? { owner: a.owner } : {}) }, chosen.part, indexedPart?.terms);
  const partKeys = indexedPart?.keys;
  // The action asked about, in its own word or another of its concept ("use" → "access").
  const focus = a.query.terms.some((qt) => a.focus.has(qt.term.key) && qt.ways.some((w) => w.via !== 'related' && partKeys?.has(w.key)));
  const asksRule = a.reading.intent === 'ask' && (!!a.reading.asksSteps || (!!a.reading.asksRule && !a.reading.consequence && !a.reading.aboutOthers && a.reading.form !== 'wh' && a.reading.form !== 'whatif'));
  const fitsForm = asksRule ? verdict !== 'info' && verdict !== 'unknown' : verdict === 'info' || verdict === 'permission';
  const subject = subjectParties(chosen.part.text);
  const addressed = subject.includes(a.who) || IMPERATIVE.test(chosen.part.text) || /^\s*(?:do not|don't|never|you)\b/i.test(chosen.part.text);
  const features = rankFeatures(c, a.top, fitSlots(a.qSlots, c.indexed.slots), c.indexed.clause.binds.includes(a.who), !!a.reading.asksRule && chosen.part.effect !== 'informs', focus, fitsForm, addressed, ageFit(a.reading.ages, chosen.part.text));
  return { candidate: c, part: chosen.part, verdict, rank: rankScore(features), slots: c.indexed.slots, features };
}

function hitOf(a: Assessed, score: number): ClauseHit {
  const why = a.candidate.evidence.flatMap((e) => (e ? [`${e.key.slice(2)} (${e.via})`] : []));
  const clause = a.candidate.indexed.clause;
  const sentence = sentenceOf(clause.text, a.part.text);
  return { clause, part: a.part, verdict: a.verdict, score: Math.round(Math.min(1, score) * 100) / 100, why, features: a.features, ...(sentence ? { sentence } : {}) };
}

/** The sentence of a long clause (three sentences or more) holding `part`, unless it is the first. */
function sentenceOf(text: string, part: string): string | undefined {
  const all = sentences(text);
  if (all.length < 3) return undefined;
  const at = all.findIndex((x) => x.includes(part) || part.includes(x));
  return at > 0 ? all[at] : undefined;
}
