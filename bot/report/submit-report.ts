// Turns a complete report into a stored escalation (with its alerts queued in the same write), then
// tells the reporter. Nobody hears of a report before it is safely stored.

import type { BotContext } from '../bot-context.js';
import type { Actor } from '../events.js';
import { alertReply, roleName } from '../escalations/escalation-replies.js';
import type { DeliveryDraft, Escalation, EscalationDraft, ReportFields } from '../escalations/model.js';
import { responseHoursFor } from '../people.js';
import type { Block, Reply } from '../reply.js';
import { guidanceSituation } from './allegation.js';
import { findGuidance, guidanceBlocks } from './guidance.js';
import { blocksText } from './report-flow.js';
import { routeReport, safeguardingSystemName, safetyBlocks } from './routing.js';

const hourMs = 3600 * 1000;

/** Stores the escalation and queues its alerts; resolves the escalation and the reporter's confirmation. */
export async function submitReport(ctx: BotContext, actor: Actor, fields: ReportFields): Promise<{ escalation: Escalation; reply: Reply }> {
  const people = ctx.directory.people(actor.school);
  const routing = routeReport(fields, people);
  const guidance = findGuidance(ctx.library, actor.school, guidanceSituation(fields));
  const now = ctx.clock.now();
  const { school, ...reporter } = actor;
  const draft: EscalationDraft = {
    school,
    createdAt: now.toISOString(),
    reporter,
    report: fields,
    urgency: routing.urgency,
    recipients: routing.recipients,
    guidance: guidance.items,
    guidanceSilent: guidance.silent,
    status: 'open',
    dueAt: new Date(now.getTime() + responseHoursFor(people, routing.urgency) * hourMs).toISOString(),
    overdue: false,
    notes: [],
  };
  // The stored reply is a placeholder: alerts are drawn afresh from the escalation when sent.
  const placeholder = alertReply({ ...draft, ref: 'new report', version: 0 }, { safeguardingSystem: safeguardingSystemName(people) });
  const deliveries: DeliveryDraft[] = routing.recipients.map((r) => ({ to: r.person, purpose: 'alert', reply: placeholder, nextAttemptAt: now.toISOString() }));
  const escalation = await ctx.store.createEscalation(
    draft,
    [{ at: now.toISOString(), actor: reporter, action: 'created', detail: `${routing.urgency}; to ${routing.recipients.map((r) => `${r.role} ${r.person.platform}:${r.person.userId}`).join(', ') || 'nobody configured'}` }],
    deliveries,
  );
  ctx.logger.info('escalation created', { ref: escalation.ref, school, urgency: routing.urgency, recipients: routing.recipients.length });
  ctx.worker.kick();
  return { escalation, reply: confirmation(escalation, routing.gaps, guidanceBlocks(guidance)) };
}

function confirmation(e: Escalation, gaps: string[], guidance: Block[]): Reply {
  const who = [...new Set(e.recipients.map((r) => roleName[r.role]))];
  const sent = who.length
    ? `Thank you. Your report is saved as ${e.ref} and has been sent to the ${who.join(' and the ')}${e.urgency === 'urgent' ? ' as urgent' : ''}.`
    : `Your report is saved as ${e.ref}.`;
  const blocks: Block[] = [
    ...safetyBlocks(e.report),
    { kind: 'text', text: sent },
    ...gaps.map((text): Block => ({ kind: 'text', text, tone: 'urgent' })),
    {
      kind: 'text',
      text: `${e.report.category === 'sexual' ? "Please don't reply to it, share it or keep a copy." : "Please don't reply to the post or delete anything."} You'll hear from me when it is acknowledged and resolved; type 'my reports' to see where it stands.`,
    },
    ...guidance,
  ];
  return { text: blocksText(blocks), blocks, preview: `Your report ${e.ref} is saved` };
}
