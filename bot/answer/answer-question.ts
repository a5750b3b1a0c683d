// Answers one staff message from one school's policy through the matcher: intent, verdict,
// confidence, the clauses that say so, "did you mean" choices when close clauses disagree, and who
// to ask. Never throws for a question it cannot answer: that is an answer with verdict `unknown`.

import { createHash } from 'node:crypto';
import type { ClauseHit, MatchResult, PolicyLibrary } from '../../knowledge/library.js';
import type { ClauseMatch, SchoolInfo } from '../../knowledge/types.js';
import type { Verdict } from '../reply.js';
import { incidentGuidance, withGuidance } from './incident-guidance.js';
import { questionTopic } from './question-topic.js';
import type { QuestionTopic } from '../ports/store.js';

export type Intent = 'ask' | 'report';

/** How likely, beside the best, another clause must be to be offered as "did you mean". */
const CLOSE = 0.35;

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
  /** The whole sentence of a long clause that holds the deciding part, quoted before the clause in full. */
  decidingSentence?: string;
  permissionFrom?: string;
  /**
   * Why there is no straight answer: nothing asked, too long, the policy does not speak of it, or
   * it comes near without saying it (the clauses are the closest it comes).
   */
  problem?: 'empty' | 'too_long' | 'not_covered' | 'not_direct';
  /** What the question is about, for grouping what staff ask (absent when nothing was read). */
  topic?: QuestionTopic;
}

/** Answers a question from `schoolId`'s policy only; throws PolicyError for an unknown school. */
export function answerQuestion(library: PolicyLibrary, schoolId: string, question: string): Answer {
  const text = question.trim();
  const school = library.school(schoolId);
  const base = { id: answerId(schoolId, text), school, question, whoToAsk: school.contact };
  if (!text) return { ...base, intent: 'ask', verdict: 'unknown', confidence: 0, clauses: [], problem: 'empty' };
  if (text.length > MAX_QUESTION_LENGTH) return { ...base, intent: 'ask', verdict: 'unknown', confidence: 0, clauses: [], problem: 'too_long' };
  const m = library.match(schoolId, text);
  if (m.reading.intent === 'report') return reportAnswer(library, schoolId, text, m, base);
  return { ...policyAnswer(m, base), topic: questionTopic(m) };
}

/** A policy question: the verdict of the deciding clause, the closest the policy comes, or not covered. */
function policyAnswer(m: MatchResult, base: Pick<Answer, 'id' | 'school' | 'question' | 'whoToAsk'>): Answer {
  if (m.outcome === 'none') return { ...base, intent: 'ask', verdict: 'unknown', confidence: round(1 - m.confidence), clauses: [], problem: 'not_covered' };
  const clauses = m.hits.map(toMatch);
  if (m.outcome === 'closest') {
    // The policy comes near but does not say: show where, and never turn it into a verdict.
    return { ...base, intent: 'ask', verdict: 'unknown', confidence: round(m.confidence), clauses, problem: 'not_direct' };
  }
  const best = m.hits[0]!;
  const answer: Answer = { ...base, intent: 'ask', verdict: best.verdict, confidence: round(m.confidence), clauses, deciding: best.part.text, ...(best.sentence ? { decidingSentence: best.sentence } : {}) };
  if (best.part.permissionFrom) answer.permissionFrom = best.part.permissionFrom;
  const close = closeAlternatives(m.hits);
  if (close.length > 1) {
    answer.didYouMean = close.map(toMatch);
    answer.confidence = round(m.confidence * 0.8);
  }
  return answer;
}

/** An incident: the policy's guidance for the situation, woven with what the words matched. */
function reportAnswer(library: PolicyLibrary, schoolId: string, text: string, m: MatchResult, base: Omit<Answer, 'intent' | 'verdict' | 'confidence' | 'clauses'>): Answer {
  const guidance = incidentGuidance(library, schoolId, text);
  const matched = m.outcome === 'none' ? [] : m.hits.map(toMatch);
  let clauses = guidance.length ? withGuidance(matched, guidance, 0) : matched;
  // An incident the policy has no words for: still give its guidance on reporting concerns.
  if (!clauses.length) clauses = library.search(schoolId, 'report concerns incidents to the head teacher').map((c) => ({ ...c, score: Math.min(c.score, 0.4) }));
  if (!clauses.length) return { ...base, intent: 'report', verdict: 'unknown', confidence: 0, clauses: [], problem: 'not_covered' };
  return { ...base, intent: 'report', verdict: 'info', confidence: clauses[0]!.score, clauses: clauses.slice(0, 5), deciding: clauses[0]!.clause.text };
}

/** The answer when a user picks one clause from "did you mean": that clause decides. */
export function answerForClause(library: PolicyLibrary, clauseId: string, question: string): Answer | undefined {
  const clause = library.clause(clauseId);
  if (!clause) return undefined;
  const school = library.school(clause.school);
  const m = library.match(clause.school, question, { clauseId });
  const hit = m.hits[0] ?? { clause, part: clause.parts?.[0] ?? { text: clause.text, effect: clause.effect }, verdict: 'info' as const, score: 1, why: [] };
  const answer: Answer = {
    id: answerId(clause.school, `${question}#${clauseId}`),
    school,
    question,
    intent: m.reading.intent,
    verdict: m.reading.intent === 'report' ? 'info' : hit.verdict,
    confidence: 1,
    clauses: [{ clause, score: 1 }],
    whoToAsk: school.contact,
    deciding: hit.part.text,
    ...('sentence' in hit && hit.sentence ? { decidingSentence: hit.sentence } : {}),
  };
  if (hit.part.permissionFrom) answer.permissionFrom = hit.part.permissionFrom;
  return answer;
}

/**
 * Clauses nearly as likely to be the one meant (at least a third as likely as the best, by the
 * matcher's scores) that would give a different verdict, and the best itself.
 */
function closeAlternatives(hits: ClauseHit[]): ClauseHit[] {
  const [best, ...rest] = hits;
  if (!best) return [];
  const close = rest.slice(0, 3).filter((h) => h.score >= best.score * CLOSE && h.verdict !== best.verdict && h.verdict !== 'unknown');
  return close.length ? [best, ...close.slice(0, 2)] : [];
}

function toMatch(h: ClauseHit): ClauseMatch {
  return { clause: h.clause, score: h.score };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A short stable id: the same school and question always give the same id. */
export function answerId(schoolId: string, question: string): string {
  const norm = question.toLowerCase().replace(/\s+/g, ' ').trim();
  return `a-${createHash('sha1').update(`${schoolId}\n${norm}`).digest('hex').slice(0, 10)}`;
}
