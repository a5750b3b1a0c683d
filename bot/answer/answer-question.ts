// Answers one staff message from one school's policy: intent, verdict, confidence, the clauses
// that say so, "did you mean" choices when two clauses are close, and who to ask. Never throws for
// a question it cannot answer: that is an answer with verdict `unknown`.

import { createHash } from 'node:crypto';
import type { PolicyLibrary } from '../../knowledge/library.js';
import { analyzeQuery, rankClauses, type RankedClause } from '../../knowledge/match/rank.js';
import type { ClauseMatch, SchoolInfo } from '../../knowledge/types.js';
import type { Verdict } from '../reply.js';
import { bestPart, chooseVerdict } from './choose-verdict.js';
import { incidentGuidance, withGuidance } from './incident-guidance.js';
import { readQuestion, type Intent } from './read-question.js';

/** Questions longer than this are refused with a message rather than half-read. */
export const MAX_QUESTION_LENGTH = 1000;

export interface Answer {
  /** Stable short id of this answer (school + question), for feedback. */
  id: string;
  school: SchoolInfo;
  question: string;
  intent: Intent;
  verdict: Verdict;
  confidence: number;
  /** Best first, at most 5; empty only when the verdict is unknown. */
  clauses: ClauseMatch[];
  /** Close alternatives the user may have meant, when the best two clauses say different things. */
  didYouMean?: ClauseMatch[];
  /** Who to ask when in doubt, as the policy names them. */
  whoToAsk: string;
  /** The sentence of the best clause that decided the verdict. */
  deciding?: string;
  permissionFrom?: string;
  /** Why there is no answer: nothing asked, too long, or the policy does not cover it. */
  problem?: 'empty' | 'too_long' | 'not_covered';
}

/** Answers a question from `schoolId`'s policy only; throws PolicyError for an unknown school. */
export function answerQuestion(library: PolicyLibrary, schoolId: string, question: string): Answer {
  const index = library.index(schoolId);
  const school = index.policy.school;
  const text = question.trim();
  const base = { id: answerId(schoolId, text), school, question, whoToAsk: school.contact };
  if (!text) return { ...base, intent: 'ask', verdict: 'unknown', confidence: 0, clauses: [], problem: 'empty' };
  if (text.length > MAX_QUESTION_LENGTH) {
    return { ...base, intent: 'ask', verdict: 'unknown', confidence: 0, clauses: [], problem: 'too_long' };
  }
  const read = readQuestion(text);
  const query = analyzeQuery(index, text);
  const opts = { ...(read.subject ? { binds: read.subject } : {}), ...(read.asksRule ? { preferRules: read.asksRule } : {}) };
  let ranked = rankClauses(index, query, { ...opts, ...(read.intent === 'report' ? { boost: ['report', 'evidence', 'police', 'safeguard', 'dsl', 'remove'] } : {}) });
  const guidance = read.intent === 'report' ? incidentGuidance(library, schoolId, text) : [];
  const wordsMatched = ranked.length > 0;
  if (!wordsMatched && read.intent === 'report') {
    // An incident the policy has no words for: still give its guidance on reporting concerns.
    const fallback = analyzeQuery(index, 'report concerns incidents head teacher');
    ranked = rankClauses(index, fallback).map((r) => ({ ...r, score: Math.min(r.score, 0.4) }));
  }
  if (ranked.length === 0 && guidance.length > 0) {
    // The words matched nothing, but the situation they describe has guidance in the policy.
    const [first] = guidance;
    return { ...base, intent: 'report', verdict: 'info', confidence: first!.score, clauses: guidance.slice(0, 5), deciding: first!.clause.text };
  }
  if (ranked.length === 0) {
    return { ...base, intent: read.intent, verdict: 'unknown', confidence: 0, clauses: [], problem: 'not_covered' };
  }
  const best = ranked[0]!;
  const { part } = bestPart(best, query, index, read.asksRule);
  const verdict = chooseVerdict(read, part, query);
  const answer: Answer = {
    ...base,
    intent: read.intent,
    verdict,
    confidence: best.score,
    // Where only the general fallback matched, the situation's own guidance leads.
    clauses: guidance.length ? withGuidance(ranked.map(toMatch), guidance, wordsMatched ? 2 : 0) : ranked.slice(0, 5).map(toMatch),
    deciding: part.text,
  };
  if (part.permissionFrom) answer.permissionFrom = part.permissionFrom;
  const close = closeAlternatives(ranked, read.intent === 'ask' ? (r) => chooseVerdict(read, bestPart(r, query, index, read.asksRule).part, query) : undefined);
  if (close.length > 1) {
    answer.didYouMean = close.map(toMatch);
    answer.confidence = Math.round(best.score * 80) / 100;
  }
  return answer;
}

/** The answer when a user picks one clause from "did you mean": that clause decides. */
export function answerForClause(library: PolicyLibrary, clauseId: string, question: string): Answer | undefined {
  const clause = library.clause(clauseId);
  if (!clause) return undefined;
  const school = library.index(clause.school).policy.school;
  const read = readQuestion(question);
  const part = clause.parts?.find((p) => p.effect !== 'informs') ?? { text: clause.text, effect: clause.effect };
  const answer: Answer = {
    id: answerId(clause.school, `${question}#${clauseId}`),
    school,
    question,
    intent: read.intent,
    verdict: chooseVerdict(read, part),
    confidence: 1,
    clauses: [{ clause, score: 1 }],
    whoToAsk: school.contact,
    deciding: part.text,
  };
  if (part.permissionFrom) answer.permissionFrom = part.permissionFrom;
  return answer;
}

/** Clauses within 15% of the best that would give a different verdict (and the best itself). */
function closeAlternatives(ranked: RankedClause[], verdictOf?: (r: RankedClause) => Verdict): RankedClause[] {
  if (!verdictOf || ranked.length < 2) return [];
  const best = ranked[0]!;
  const v0 = verdictOf(best);
  const close = ranked.slice(1, 4).filter((r) => r.raw >= best.raw * 0.85 && verdictOf(r) !== v0);
  return close.length ? [best, ...close.slice(0, 2)] : [];
}

function toMatch(r: RankedClause): ClauseMatch {
  return { clause: r.clause, score: r.score };
}

/** A short stable id: the same school and question always give the same id. */
export function answerId(schoolId: string, question: string): string {
  const norm = question.toLowerCase().replace(/\s+/g, ' ').trim();
  return `a-${createHash('sha1').update(`${schoolId}\n${norm}`).digest('hex').slice(0, 10)}`;
}
