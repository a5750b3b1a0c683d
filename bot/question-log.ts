// Logs each policy question the assistant answered (for the head's gaps view and digest), after the
// answer is built. The write is not awaited and its failure is only logged: a question log that is
// slow or down never delays or fails an answer.

import type { AnsweredQuestion } from './answering.js';
import type { BotContext } from './bot-context.js';
import type { Actor } from './events.js';
import type { QuestionLogRecord } from './ports/store.js';

/** Starts logging `question` as answered; resolves at once (the write goes on in the background). */
export function logAnswered(ctx: Pick<BotContext, 'store' | 'clock' | 'logger' | 'newId'>, actor: Actor, question: string, answered: AnsweredQuestion): void {
  if (answered.intent !== 'ask' || !answered.log || !answered.feedback) return;
  const record: QuestionLogRecord = {
    id: ctx.newId(),
    school: actor.school,
    at: ctx.clock.now().toISOString(),
    by: { platform: actor.platform, userId: actor.userId },
    text: question,
    outcome: answered.log.outcome,
    verdict: answered.feedback.verdict,
    clauseIds: answered.feedback.clauseIds,
    answerId: answered.feedback.answerId,
    topic: answered.log.topic,
  };
  let pending: Promise<void>;
  try {
    pending = ctx.store.logQuestion(record);
  } catch (error) {
    pending = Promise.reject(error);
  }
  pending.catch((error: unknown) => ctx.logger.error('could not log a question (the answer was given)', { school: record.school, error: (error as Error).message }));
}
