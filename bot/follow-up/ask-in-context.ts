// Asks a question in its conversation: a short follow-up within 10 minutes of a question is read
// with it and asked as one question, the answer saying how it was read; a question of its own
// starts afresh. Depends only on the Answerer port, never on how answers are made.

import type { AnsweredQuestion } from '../answering.js';
import type { BotContext } from '../bot-context.js';
import type { Actor } from '../events.js';
import type { Reply } from '../reply.js';
import { lastQuestion, rememberQuestion } from './conversation-context.js';
import { combine, readFollowUp } from './read-follow-up.js';

/** Said under a follow-up that had no earlier question to be read with (it is answered on its own). */
export const noEarlierQuestion =
  "If this follows on from an earlier question, please ask it in full: I read a short follow-up with the question before it for 10 minutes.";

/** The answer, and the question as it was read (the follow-up combined, or the text as typed). */
export async function askInContext(ctx: BotContext, actor: Actor, conversation: string | undefined, text: string): Promise<{ answered: AnsweredQuestion; question: string }> {
  const now = ctx.clock.now();
  const followUp = readFollowUp(text);
  const previous = followUp ? await lastQuestion(ctx.store, actor, conversation, now).catch((error: unknown) => warn(ctx, 'read', error)) : undefined;
  const question = followUp && previous ? combine(previous, followUp) : text;
  const answered = await ctx.answerer.ask(actor.school, question);
  if (answered.intent === 'ask') {
    await rememberQuestion(ctx.store, actor, conversation, question, now).catch((error: unknown) => warn(ctx, 'store', error));
  }
  let reply = answered.reply;
  if (question !== text) reply = withLine(reply, `Reading this as: ${question}`, 'first');
  else if (followUp) reply = withLine(reply, noEarlierQuestion, 'last');
  return { answered: { ...answered, reply }, question };
}

function withLine(reply: Reply, line: string, where: 'first' | 'last'): Reply {
  const block = { kind: 'text' as const, text: line };
  return where === 'first'
    ? { ...reply, text: `${line}\n${reply.text}`, blocks: [block, ...reply.blocks] }
    : { ...reply, text: `${reply.text}\n${line}`, blocks: [...reply.blocks.filter((b) => b.kind !== 'actions'), block, ...reply.blocks.filter((b) => b.kind === 'actions')] };
}

/** A conversation that cannot be read or kept only loses the follow-up; the question is still answered. */
function warn(ctx: BotContext, what: 'read' | 'store', error: unknown): undefined {
  ctx.logger.warn(`could not ${what} the conversation's last question`, { error: (error as Error).message });
  return undefined;
}
