// The gaps view in chat: `gaps [days]` for a head of the school (another school's is refused), the
// same on the head's App Home, and one logged question opened from it (audited).

import type { BotContext } from '../bot-context.js';
import type { Actor, BotResponse } from '../events.js';
import { respond } from '../events.js';
import { stripSchool } from '../escalations/escalation-actions.js';
import { rolesOf } from '../people.js';
import { textReply, type Block } from '../reply.js';
import { gapsBlocks, gapsReply, openedQuestionReply } from './gaps-reply.js';
import { defaultGapsDays, maxGapsDays, readGaps } from './gaps-view.js';

const onlyHeads = "Sorry, only the school's head teacher can see what staff asked.";
const isHead = (ctx: BotContext, actor: Actor) => rolesOf(ctx.directory.people(actor.school), actor).includes('head');
const clauseOf = (ctx: BotContext) => (id: string) => ctx.library.clause(id);

/** `gaps`, `gaps 7`, `gaps cadmus`: this school's view for one of its heads. */
export async function gapsInChat(ctx: BotContext, actor: Actor, arg: string): Promise<BotResponse> {
  if (!isHead(ctx, actor)) return respond({ replies: [textReply(onlyHeads, 'notice')] });
  const words = arg.trim().toLowerCase().split(/\s+/).filter((w) => w && w !== 'days' && w !== 'day');
  let days = defaultGapsDays;
  for (const w of words) {
    if (/^\d+$/.test(w)) days = Number(w);
    else if (w !== actor.school) return respond({ replies: [textReply("You can see only your own school's questions; nothing was shown.", 'notice')] });
  }
  if (days < 1 || days > maxGapsDays) return respond({ replies: [textReply(`Say how many days, from 1 to ${maxGapsDays}: for example, gaps 30.`)] });
  const view = await readGaps({ store: ctx.store, clause: clauseOf(ctx) }, actor.school, days, ctx.clock.now());
  return respond({ replies: [gapsReply(view)] });
}

/** The view's blocks for a head's home (the last 30 days); none for anyone else. */
export async function gapsForHome(ctx: BotContext, actor: Actor): Promise<Block[]> {
  if (!isHead(ctx, actor)) return [];
  return gapsBlocks(await readGaps({ store: ctx.store, clause: clauseOf(ctx) }, actor.school, defaultGapsDays, ctx.clock.now()));
}

/** One logged question, opened by a head of its school: shown with who asked, and the view audited. */
export async function openLoggedQuestion(ctx: BotContext, actor: Actor, id: string): Promise<BotResponse> {
  if (!isHead(ctx, actor)) return respond({ ephemeral: textReply(onlyHeads, 'notice') });
  const q = await ctx.store.getQuestion(id);
  if (!q || q.school !== actor.school) return respond({ ephemeral: textReply("I can't find that question any more (it may be past the school's retention period).") });
  await ctx.store.appendTrail(`question:${q.id}`, [{ at: ctx.clock.now().toISOString(), actor: stripSchool(actor), action: 'viewed', detail: 'opened from the gaps view' }], []);
  // Who asked is in it: the head's DM, never a channel.
  return respond({ direct: [openedQuestionReply(q)] });
}
