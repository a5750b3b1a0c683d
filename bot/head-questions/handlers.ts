// The dispatcher's handlers for head questions and the gaps view: typed commands and buttons,
// spread into createBot's tables so the dispatcher stays one table of small handlers.

import type { BotContext } from '../bot-context.js';
import type { Command } from '../commands.js';
import type { BotResponse, InboundEvent } from '../events.js';
import { respond } from '../events.js';
import { feedbackRecord } from '../feedback.js';
import { gapsInChat, openLoggedQuestion } from '../gaps/gaps-actions.js';
import { textReply, type Action } from '../reply.js';
import { askHead, askHeadTyped, withAskHead } from './ask-head.js';
import { listQuestions, openReply, replyToQuestion, showQuestion, withdraw } from './head-actions.js';

type MessageEvent = Extract<InboundEvent, { type: 'message' }>;
type ActionEvent = Extract<InboundEvent, { type: 'action' }>;
type CommandName = 'questions' | 'ask-head' | 'show-question' | 'reply' | 'withdraw' | 'gaps';
type ActionName = 'feedback' | 'head.ask' | 'head.reply' | 'head.withdraw' | 'head.show' | 'gaps.open';

export function headCommands(ctx: BotContext): { [K in CommandName]: (ev: MessageEvent, c: Extract<Command, { name: K }>) => Promise<BotResponse> } {
  return {
    questions: (ev) => listQuestions(ctx, ev.actor),
    'ask-head': (ev) => askHeadTyped(ctx, ev.actor, ev.where, ev.conversation),
    'show-question': (ev, c) => showQuestion(ctx, ev.actor, c.ref, 'message'),
    reply: (ev, c) => replyToQuestion(ctx, ev.actor, c.ref, c.text, c.forEveryone, 'message'),
    withdraw: (ev, c) => withdraw(ctx, ev.actor, c.ref, 'message'),
    gaps: (ev, c) => gapsInChat(ctx, ev.actor, c.arg),
  };
}

export function headActions(ctx: BotContext): { [K in ActionName]: (ev: ActionEvent, a: Extract<Action, { type: K }>) => Promise<BotResponse> } {
  return {
    feedback: async (ev, a) => {
      await ctx.store.addFeedback(feedbackRecord(a, ev.actor, ctx.clock.now()));
      // Not helpful: the member of staff may send the question to the head instead.
      if (a.helpful || !a.question?.trim()) return respond({ ephemeral: textReply('Thanks for the feedback.') });
      const thanks = textReply("Thanks for the feedback. If the answer didn't help, you can send your question to the head teacher.");
      return respond({ ephemeral: withAskHead(thanks, { question: a.question, reason: 'not-helpful', ...(a.verdict ? { verdict: a.verdict } : {}), ...(a.clauseIds ? { clauseIds: a.clauseIds } : {}) }) });
    },
    'head.ask': (ev, a) => askHead(ctx, ev.actor, ev.where, a, ev.messageId, 'action'),
    'head.reply': (ev, a) => (a.text?.trim() ? replyToQuestion(ctx, ev.actor, a.ref, a.text, a.forEveryone === true, 'action') : openReply(ctx, ev.actor, a.ref)),
    'head.withdraw': (ev, a) => withdraw(ctx, ev.actor, a.ref, 'action'),
    'head.show': (ev, a) => showQuestion(ctx, ev.actor, a.ref, 'action'),
    'gaps.open': (ev, a) => openLoggedQuestion(ctx, ev.actor, a.id),
  };
}
