// The DSL's reminder that a resolved child-protection concern must be in the school's safeguarding
// system (CPOMS, MyConcern…): the assistant alerts, it is not the record. Sent at resolution and
// weekly by the retention pass until the DSL confirms; only then may the record be reduced.

import type { DeliveryDraft, Escalation } from '../escalations/model.js';
import { formatDate } from '../format-time.js';
import type { PersonRef, SchoolPeople } from '../people.js';
import type { Block, Reply } from '../reply.js';
import { blocksText } from '../report/report-flow.js';

/** How often an unconfirmed concern is brought up again. */
export const recordReminderEveryMs = 7 * 24 * 3600 * 1000;

/** Who confirms: the DSLs; a school with none set up, whoever received the escalation. */
export function recordKeepers(e: Escalation, people: SchoolPeople): PersonRef[] {
  return people.dsls.length > 0 ? people.dsls : e.recipients.map((r) => r.person);
}

/** The reminder itself: no details of the concern, only its reference and what to do. */
export function recordReminderReply(e: Escalation, system: string): Reply {
  const text =
    `${e.ref} (child protection) was resolved${e.resolvedAt ? ` on ${formatDate(e.resolvedAt)}` : ''}. Please make sure it is recorded in ${system}: ` +
    `the assistant alerts, it is not the record. Once you confirm, its copy here is reduced after the school's retention period. ` +
    `Type 'export ${e.ref}' for the record ready to paste, and 'recorded ${e.ref}' when it is in.`;
  const blocks: Block[] = [
    { kind: 'text', text, tone: 'notice' },
    { kind: 'actions', actions: [{ label: `Recorded in ${system.length > 30 ? 'our system' : system}`, action: { type: 'escalation.recorded', ref: e.ref }, style: 'primary' }] },
  ];
  return { text: blocksText(blocks), blocks, preview: `Please confirm ${e.ref} is recorded in ${system}` };
}

/** The reminder DMs for `e`, one per keeper. */
export function recordReminders(e: Escalation, people: SchoolPeople, system: string, at: string): DeliveryDraft[] {
  const reply = recordReminderReply(e, system);
  return recordKeepers(e, people).map((to) => ({ to, purpose: 'record-reminder', reply, nextAttemptAt: at }));
}
