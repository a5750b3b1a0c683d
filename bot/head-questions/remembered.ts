// The head teacher's answers, remembered for everyone: shown under a later staff question that asks
// the same or a close question (as the matcher reads both), after the policy's own answer, or in
// place of "I can't find anything about this" when the policy is silent. Always labelled as not
// part of the written policy; never a verdict: the policy's verdict stays what it was.

import type { BotContext } from '../bot-context.js';
import type { Block, Reply } from '../reply.js';
import { blocksText } from '../report/report-flow.js';
import type { HeadQuestion } from './model.js';
import { headAnswerBlocks } from './question-replies.js';

/** At most this many remembered answers under one question. */
const shownMax = 2;
/** Shared answers looked at per question (a school has a handful; this bounds a runaway one). */
const sharedMax = 500;

/** The head's shared answers that answer a question like `question`, best first. */
export async function headAnswersFor(ctx: Pick<BotContext, 'store' | 'library'>, school: string, question: string): Promise<HeadQuestion[]> {
  const shared = await ctx.store.listHeadQuestions({ school, shared: true, limit: sharedMax });
  if (!shared.length) return [];
  const byRef = new Map(shared.map((q) => [q.ref, q]));
  return ctx.library.likeQuestions(school, question, shared.map((q) => ({ id: q.ref, text: q.question }))).slice(0, shownMax).map((l) => byRef.get(l.id)!);
}

/**
 * The reply with the remembered answers added before its buttons. `notCovered`: the policy says
 * nothing, so its "can't find anything" lines give way to the head's answer (the verdict line stays).
 */
export function withHeadAnswers(reply: Reply, answers: HeadQuestion[], notCovered: boolean): Reply {
  if (!answers.length) return reply;
  const firstActions = reply.blocks.findIndex((b) => b.kind === 'actions');
  const cut = firstActions < 0 ? reply.blocks.length : firstActions;
  const verdictAt = reply.blocks.findIndex((b) => b.kind === 'verdict');
  const before = reply.blocks.slice(0, cut).filter((b, i) => !(notCovered && verdictAt >= 0 && i > verdictAt && b.kind === 'text'));
  const lead: Block = { kind: 'text', text: notCovered ? 'The written policy does not cover this, but your head teacher has answered a question like it:' : 'Your head teacher has also answered a question like this:' };
  const blocks = [...before, lead, ...answers.flatMap(headAnswerBlocks), ...reply.blocks.slice(cut)];
  return { ...reply, text: blocksText(blocks.filter((b) => b.kind !== 'actions')), blocks };
}
