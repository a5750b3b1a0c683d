// What the assistant says when someone opens it (Slack's messages tab or an assistant thread, Teams
// when the app is added): a greeting naming the school, and the suggested prompts for it.

import type { BotContext } from '../bot-context.js';
import type { Actor, BotResponse, Where } from '../events.js';
import { respond } from '../events.js';
import { possessive } from '../english.js';
import { blocksText } from '../report/report-flow.js';
import type { Block, Reply } from '../reply.js';
import { askedCounts } from './asked-topics.js';
import { reportPrompt, suggestPrompts, type SuggestedPrompts } from './suggested-prompts.js';

/** The greeting and the prompts for the actor's school. */
export async function openReply(ctx: BotContext, actor: Actor, where: Where): Promise<BotResponse> {
  const schoolName = ctx.library.policy(actor.school)?.school.name ?? actor.school;
  const asked = await askedCounts(ctx.store, actor.school).catch((error: unknown) => {
    // Ranking is a nicety: with the store away, the prompts keep the list's own order.
    ctx.logger.warn('could not read the most-asked topics', { school: actor.school, error: (error as Error).message });
    return new Map<string, number>();
  });
  const prompts = await suggestPrompts(ctx.answerer, actor.school, schoolName, asked);
  return respond({ replies: [greetingReply(schoolName, prompts, where)], prompts });
}

/** The greeting: who the assistant answers for, what it does, and the prompts as buttons to press. */
export function greetingReply(schoolName: string, prompts: SuggestedPrompts, where: Where): Reply {
  const intro =
    where === 'dm'
      ? `Hello! I answer "can I…?" questions from ${possessive(schoolName)} social media policy, quoting the clause, and I help you report an abusive or worrying post: it goes privately to the head teacher (and the safeguarding lead when a child may be at risk).`
      : `Hello! Mention me with a "can I…?" question about ${possessive(schoolName)} social media policy and I'll answer in the thread, quoting the clause. Reports are never taken here: I'll continue them with you in a private chat.`;
  const blocks: Block[] = [{ kind: 'heading', text: `${schoolName}: social media policy assistant` }, { kind: 'text', text: intro }];
  if (where === 'dm') {
    blocks.push({ kind: 'text', text: 'You could start with one of these:' });
    blocks.push({
      kind: 'actions',
      actions: prompts.prompts.map((p) =>
        p === reportPrompt
          ? { label: p.title, action: { type: 'report.start' as const }, style: 'primary' as const }
          : { label: p.title, action: { type: 'ask' as const, question: p.message } },
      ),
    });
  }
  return { text: blocksText(blocks), blocks };
}
