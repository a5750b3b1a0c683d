// The escalation lists heads/DSLs/chairs ask for ("escalations", "overdue", "recent"), filtered to
// what this person may see, and the reporter's own list.

import type { BotContext } from './bot-context.js';
import type { Actor, BotResponse } from './events.js';
import { respond } from './events.js';
import { canManage, isManager, refusalText } from './escalations/access.js';
import { listReply, myReportsReply } from './escalations/escalation-replies.js';
import type { Escalation } from './escalations/model.js';
import { textReply } from './reply.js';

export async function visibleEscalations(ctx: BotContext, actor: Actor, which: 'open' | 'overdue' | 'recent'): Promise<Escalation[]> {
  const people = ctx.directory.people(actor.school);
  const query =
    which === 'recent'
      ? { school: actor.school, limit: 20 }
      : { school: actor.school, status: ['open', 'acknowledged'] as Escalation['status'][], ...(which === 'overdue' ? { overdue: true } : {}), limit: 200 };
  return (await ctx.store.listEscalations(query)).filter((e) => canManage(e, people, actor));
}

export async function listEscalationsFor(ctx: BotContext, actor: Actor, which: 'open' | 'overdue' | 'recent'): Promise<BotResponse> {
  if (!isManager(ctx.directory.people(actor.school), actor)) return respond({ replies: [textReply(refusalText, 'notice')] });
  const items = await visibleEscalations(ctx, actor, which);
  const title = which === 'open' ? 'Open escalations' : which === 'overdue' ? 'Overdue escalations' : 'Recent escalations';
  const empty = which === 'open' ? 'No open escalations.' : which === 'overdue' ? 'Nothing is overdue.' : 'No escalations yet.';
  return respond({ replies: [listReply(title, items, empty)] });
}

export async function myReports(ctx: BotContext, actor: Actor): Promise<BotResponse> {
  const mine = await ctx.store.listEscalations({ school: actor.school, reporter: { platform: actor.platform, userId: actor.userId }, limit: 50 });
  return respond({ replies: [myReportsReply(mine)] });
}
