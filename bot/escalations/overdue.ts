// Escalations nobody has acknowledged in time: marked overdue and re-sent, exactly once, through
// one atomic store update (so two instances, or two passes, cannot both send the reminder).

import type { BotContext } from '../bot-context.js';
import { routeReport, safeguardingSystemName } from '../report/routing.js';
import { alertReply } from './escalation-replies.js';

/** Marks every due, unacknowledged escalation overdue and queues one reminder per recipient. */
export async function remindOverdue(ctx: BotContext): Promise<number> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  // Only the open escalations already due: the store filters on due time (an index in PostgreSQL),
  // so a pass costs nothing per escalation that is not yet due.
  const candidates = await ctx.store.listEscalations({ status: ['open'], overdue: false, dueBefore: at, limit: 100_000 });
  let reminded = 0;
  for (const candidate of candidates) {
    const people = ctx.directory.people(candidate.school);
    const result = await ctx.store.updateEscalation(candidate.ref, (e) => {
      if (e.status !== 'open' || e.overdue || e.dueAt > at) return undefined;
      // Nobody was configured when it was made? Whoever is configured now gets it.
      const recipients = e.recipients.length ? e.recipients : routeReport(e.report, people).recipients;
      const reply = alertReply(e, { reminder: true, safeguardingSystem: safeguardingSystemName(people) });
      return {
        escalation: { ...e, overdue: true, recipients },
        audit: [
          { at, actor: 'system', action: 'marked-overdue', detail: `not acknowledged by ${e.dueAt}` },
          { at, actor: 'system', action: 'reminder-sent', detail: `to ${recipients.map((r) => `${r.person.platform}:${r.person.userId}`).join(', ') || 'nobody configured'}` },
        ],
        deliveries: recipients.map((r) => ({ to: r.person, purpose: 'reminder' as const, reply, nextAttemptAt: at })),
      };
    });
    if (result?.changed) reminded++;
  }
  if (reminded) ctx.logger.info('overdue reminders queued', { count: reminded });
  return reminded;
}
