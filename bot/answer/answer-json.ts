// The JSON answer of CONTRACT.md ("The JSON answer"): the shape `npm run ask -- --json` prints.

import type { Answer } from './answer-question.js';
import type { HeadQuestion } from '../head-questions/model.js';
import { headAnswerLabel } from '../head-questions/question-replies.js';

/**
 * A head teacher's remembered answer to a question like this one (contract addition): never part
 * of the verdict, which is the policy's alone.
 */
export interface HeadAnswerJson {
  ref: string;
  /** The question the head answered. */
  question: string;
  answer: string;
  answeredAt: string;
  /** "Your head teacher's answer (12 Nov 2026) — not part of the written policy". */
  label: string;
}

export interface AnswerJson {
  id?: string;
  school: string;
  question: string;
  intent: 'ask' | 'report';
  verdict: string;
  confidence: number;
  clauses: { id: string; ref: string; heading: string; text: string; score: number }[];
  /** Present only when the head has answered a question like it for everyone. */
  headAnswers?: HeadAnswerJson[];
}

/** The contract's JSON object for an answer; `id` is the caller's (e.g. a batch line's id), echoed. */
export function answerJson(answer: Answer, id?: string, headAnswers: HeadQuestion[] = []): AnswerJson {
  const out: AnswerJson = {
    school: answer.school.id,
    question: answer.question,
    intent: answer.intent,
    verdict: answer.verdict,
    confidence: answer.confidence,
    clauses: answer.clauses.map(({ clause, score }) => ({
      id: clause.id,
      ref: clause.ref,
      heading: clause.heading,
      text: clause.text,
      score,
    })),
  };
  if (headAnswers.length) {
    out.headAnswers = headAnswers.map((q) => ({ ref: q.ref, question: q.question, answer: q.answer!.text, answeredAt: q.answer!.at, label: headAnswerLabel(q) }));
  }
  return id === undefined ? out : { id, ...out };
}
