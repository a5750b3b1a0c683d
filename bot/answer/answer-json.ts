// The JSON answer of CONTRACT.md ("The JSON answer"): the shape `npm run ask -- --json` prints.

import type { Answer } from './answer-question.js';

export interface AnswerJson {
  id?: string;
  school: string;
  question: string;
  intent: 'ask' | 'report';
  verdict: string;
  confidence: number;
  clauses: { id: string; ref: string; heading: string; text: string; score: number }[];
}

/** The contract's JSON object for an answer; `id` is the caller's (e.g. a batch line's id), echoed. */
export function answerJson(answer: Answer, id?: string): AnswerJson {
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
  return id === undefined ? out : { id, ...out };
}
