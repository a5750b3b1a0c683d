// Answers questions for the dispatcher through the answers module (bot/answer/): the verdict, the
// quoted clause, did-you-mean and, for incidents, "Start a report"; and what a 👍/👎 records.

import type { PolicyLibrary } from '../knowledge/library.js';
import { answerForClause, answerQuestion } from './answer/answer-question.js';
import { answerReply } from './answer/answer-reply.js';
import type { Answer } from './answer/answer-question.js';
import type { Answerer } from './answering.js';
import type { QuestionOutcome } from './ports/store.js';
import { withAskHead } from './head-questions/ask-head.js';

export type AnswerLibrary = PolicyLibrary;

export function createLibraryAnswerer(library: AnswerLibrary): Answerer {
  return {
    async ask(school, question) {
      const answer = answerQuestion(library, school, question);
      const reply = answerReply(answer, library);
      // The policy did not answer: the member of staff may send the question to the head.
      const silent = answer.intent === 'ask' && (answer.problem === 'not_covered' || answer.problem === 'not_direct');
      const clauseIds = answer.clauses.map((c) => c.clause.id);
      return {
        intent: answer.intent,
        reply: silent ? withAskHead(reply, { question: answer.question, reason: answer.problem === 'not_covered' ? 'not-covered' : 'closest', verdict: answer.verdict, clauseIds }) : reply,
        feedback: { answerId: answer.id, school, question: answer.question, clauseIds: answer.clauses.map((c) => c.clause.id), verdict: answer.verdict },
        ...(answer.intent === 'ask' && answer.topic ? { log: { outcome: outcomeOf(answer), topic: answer.topic } } : {}),
      };
    },
    async forClause(clauseId, question) {
      const answer = answerForClause(library, clauseId, question);
      return answer ? answerReply(answer, library) : undefined;
    },
  };
}

function outcomeOf(answer: Answer): QuestionOutcome {
  if (answer.problem === 'not_covered') return 'not_covered';
  return answer.problem === 'not_direct' ? 'closest' : 'answer';
}
