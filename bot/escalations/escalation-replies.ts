// How escalations read: the alert to the head/DSL (detail-free preview; child-protection details
// only behind "Show details"), the full view, lists, and updates to the reporter.

import type { Block, Button, Reply } from '../reply.js';
import { samePerson, type PersonRef, type Role } from '../people.js';
import { guidanceBlocks } from '../report/guidance.js';
import { optionLabel } from '../report/report-steps.js';
import { blocksText } from '../report/report-flow.js';
import { isChildProtection } from '../report/routing.js';
import { isAllegation, ladoBlocks } from '../report/allegation.js';
import { formatDate, formatTime } from '../format-time.js';
import type { AuditEvent, Delivery, Escalation } from './model.js';
import { outcomeKindLabel } from './outcome-kind.js';

export const roleName: Record<Role, string> = { head: 'head teacher', dsl: 'designated safeguarding lead', chair: 'chair of governors' };

export function personName(p: { name?: string; userId: string } | 'system'): string {
  return p === 'system' ? 'the assistant' : (p.name ?? (p.userId || 'removed'));
}

const statusText = (e: Escalation) =>
  e.reduced ? 'resolved; reduced' : e.status === 'resolved' ? `resolved by ${personName(e.resolvedBy!)}` : e.status === 'acknowledged' ? `acknowledged by ${personName(e.acknowledgedBy!)}` : e.overdue ? 'open, OVERDUE' : 'open';

const urgencyText = (e: Escalation) => (e.urgency === 'urgent' ? 'URGENT' : 'normal');

export interface AlertOptions {
  reminder?: boolean;
  /** The school's safeguarding record system, named in child-protection alerts. */
  safeguardingSystem: string;
  /** The school's name, for what its policy is silent on. */
  schoolName?: string;
}

/** The DM to a head/DSL/chair. Its preview never carries details; child-protection bodies neither. */
export function alertReply(e: Escalation, opts: AlertOptions): Reply {
  const cp = isChildProtection(e.report);
  const kind = `${e.urgency === 'urgent' ? 'Urgent report' : 'Report'} ${e.ref}`;
  const preview = opts.reminder ? `Reminder: ${kind} is waiting for you` : `${kind} needs your attention`;
  const blocks: Block[] = [
    { kind: 'heading', text: `${opts.reminder ? 'Reminder (not yet acknowledged): ' : ''}${kind}: ${categoryText(e.report)}` },
    { kind: 'fields', fields: summaryFields(e) },
  ];
  if (cp) {
    blocks.push({ kind: 'text', text: 'Child protection: the details are not shown in notifications. Open them with "Show details".', tone: 'urgent' });
    if (isAllegation(e.report) && e.status !== 'resolved') blocks.push(...ladoBlocks(e));
    blocks.push({ kind: 'text', text: `Please record this concern in ${opts.safeguardingSystem}.`, tone: 'notice' });
  } else {
    blocks.push({ kind: 'fields', fields: detailFields(e) });
  }
  blocks.push(...stateBlocks(e, cp));
  const actions = escalationButtons(e, cp, opts.safeguardingSystem);
  if (actions.length) blocks.push({ kind: 'actions', actions });
  return { text: blocksText(blocks), blocks, preview };
}

/** The kind of report, saying so when it is about an adult at the school whatever kind was picked. */
export function categoryText(r: Escalation['report']): string {
  const label = optionLabel('category', r.category);
  return isAllegation(r) && r.category !== 'allegation' ? `${label}; about an adult at the school` : label;
}

function summaryFields(e: Escalation) {
  return [
    { label: 'Reference', value: e.ref },
    { label: 'Category', value: categoryText(e.report) },
    { label: 'Urgency', value: urgencyText(e) },
    { label: 'Reported by', value: personName(e.reporter) },
    { label: 'Status', value: statusText(e) },
  ];
}

function detailFields(e: Escalation) {
  const r = e.report;
  return [
    ...(r.adultConcern ? [{ label: 'About an adult at the school', value: optionLabel('adultConcern', r.adultConcern) }] : []),
    { label: 'Posted by', value: optionLabel('poster', r.poster) },
    { label: 'About', value: optionLabel('about', r.about) },
    { label: 'Where', value: r.link ? `${r.platform} (${r.link})` : r.platform },
    { label: 'Seen', value: seenText(r) },
    { label: 'Evidence kept', value: optionLabel('evidenceKept', r.evidenceKept) },
    { label: 'Anyone replied', value: optionLabel('replied', r.replied) },
    { label: 'What it says', value: r.description },
  ];
}

/** When the post was seen, as the reporter confirmed it. */
export function seenText(r: Escalation['report']): string {
  return r.seenAtShown ?? formatTime(r.seenAt);
}

/** Outcome and notes; `hidden` (child-protection alerts) says they exist without their words. */
function stateBlocks(e: Escalation, hidden = false): Block[] {
  const blocks: Block[] = [];
  const notes = `${e.notes.length} note${e.notes.length > 1 ? 's' : ''}`;
  if (hidden) {
    if (e.outcome || e.notes.length) blocks.push({ kind: 'text', text: `${e.outcome ? 'Outcome recorded. ' : ''}${e.notes.length ? `${notes}. ` : ''}Open them with "Show details".` });
    return blocks;
  }
  if (e.outcome) blocks.push({ kind: 'text', text: `Outcome (${outcomeKindLabel[e.outcomeKind ?? 'other']}): ${e.outcome}` });
  if (e.notes.length) blocks.push({ kind: 'text', text: `${notes}; the latest: ${e.notes[e.notes.length - 1].text}` });
  return blocks;
}

function escalationButtons(e: Escalation, cp: boolean, system?: string): Button[] {
  const ref = e.ref;
  const buttons: Button[] = [];
  if (e.reduced) return buttons;
  if (cp) buttons.push({ label: 'Show details', action: { type: 'escalation.show', ref } });
  if (system && isChildProtection(e.report) && e.status === 'resolved' && !e.safeguardingRecordedAt) {
    buttons.push({ label: 'Recorded in the safeguarding system', action: { type: 'escalation.recorded', ref }, style: 'primary' });
  }
  if (e.status === 'open') buttons.push({ label: 'Acknowledge', action: { type: 'escalation.ack', ref }, style: 'primary' });
  if (e.status !== 'resolved') {
    buttons.push({ label: 'Add note', action: { type: 'escalation.note', ref } });
    buttons.push({ label: 'Resolve', action: { type: 'escalation.resolve', ref }, style: 'danger' });
  }
  return buttons;
}

/** The whole escalation for a head/DSL: details, guidance given, notes, deliveries, audit trail. */
export function fullReply(e: Escalation, audit: AuditEvent[], deliveries: Delivery[], opts: AlertOptions): Reply {
  if (e.reduced) return reducedReply(e, audit);
  const blocks: Block[] = [
    { kind: 'heading', text: `${e.ref}: ${categoryText(e.report)}` },
    { kind: 'fields', fields: [...summaryFields(e), { label: 'Reported at', value: formatTime(e.createdAt) }, { label: 'Due by', value: formatTime(e.dueAt) }] },
    { kind: 'fields', fields: detailFields(e) },
    ...stateBlocks(e),
  ];
  if (isAllegation(e.report)) blocks.push(...ladoBlocks(e).slice(0, 1));
  if (isChildProtection(e.report)) blocks.push(recordBlock(e, opts.safeguardingSystem));
  blocks.push(...guidanceBlocks({ items: e.guidance, silent: e.guidanceSilent ?? [], schoolName: opts.schoolName ?? e.guidance[0]?.citation.schoolName }));
  if (e.notes.length) {
    blocks.push({ kind: 'heading', text: 'Notes' }, { kind: 'text', text: e.notes.map((n) => `${formatTime(n.at)} ${personName(n.by)}: ${n.text}`).join('\n') });
  }
  blocks.push({ kind: 'heading', text: 'Messages sent' }, { kind: 'text', text: deliveryLines(deliveries) });
  blocks.push({ kind: 'heading', text: 'Audit trail' }, { kind: 'text', text: audit.map(auditLine).join('\n') || 'Nothing yet.' });
  const actions = escalationButtons(e, false, opts.safeguardingSystem);
  if (actions.length) blocks.push({ kind: 'actions', actions });
  return { text: blocksText(blocks), blocks, preview: `${e.ref} (details)` };
}

/** Where a child-protection concern stands with the school's safeguarding system. */
function recordBlock(e: Escalation, system: string): Block {
  if (e.safeguardingRecordedAt) {
    return { kind: 'text', text: `Recorded in ${system} (confirmed by ${e.safeguardingRecordedBy ? personName(e.safeguardingRecordedBy) : 'the DSL'}, ${formatTime(e.safeguardingRecordedAt)}).` };
  }
  return { kind: 'text', text: `Please record this concern in ${system}; then confirm with 'recorded ${e.ref}'.`, tone: 'notice' };
}

/** What is left of a reduced escalation: its reference, kind, dates, outcome kind, and the reduction. */
export function reducedReply(e: Escalation, audit: AuditEvent[]): Reply {
  const reduced = e.reduced!;
  const blocks: Block[] = [
    { kind: 'heading', text: `${e.ref}: ${categoryText(e.report)} (reduced)` },
    {
      kind: 'fields',
      fields: [
        { label: 'Reference', value: e.ref },
        { label: 'Category', value: categoryText(e.report) },
        { label: 'Urgency', value: urgencyText(e) },
        { label: 'Reported', value: formatTime(e.createdAt) },
        ...(e.acknowledgedAt ? [{ label: 'Acknowledged', value: formatTime(e.acknowledgedAt) }] : []),
        ...(e.resolvedAt ? [{ label: 'Resolved', value: formatTime(e.resolvedAt) }] : []),
        { label: 'Outcome', value: outcomeKindLabel[e.outcomeKind ?? 'other'] },
        { label: 'Reduced', value: `${formatTime(reduced.at)}: ${reduced.reason}` },
      ],
    },
    { kind: 'text', text: 'Everything else (who, what was said, notes, guidance, messages and the earlier audit trail) was removed under the school\'s retention policy.' },
    { kind: 'heading', text: 'Audit trail' },
    { kind: 'text', text: audit.map(auditLine).join('\n') || 'Nothing yet.' },
  ];
  return { text: blocksText(blocks), blocks, preview: `${e.ref} (reduced record)` };
}

function deliveryLines(deliveries: Delivery[]): string {
  if (deliveries.length === 0) return 'None: nobody was configured to receive it.';
  return deliveries
    .map((d) => {
      const to = `${d.purpose} to ${d.to.platform}:${d.to.userId}`;
      if (d.state === 'sent') return `${to}: sent ${formatTime(d.sentAt)}`.trim();
      if (d.state === 'retrying') return `${to}: FAILING after ${d.attempts} attempt${d.attempts > 1 ? 's' : ''} (${d.lastError ?? 'unknown error'}); next try ${formatTime(d.nextAttemptAt)}`;
      return `${to}: waiting to be sent`;
    })
    .join('\n');
}

function auditLine(a: AuditEvent): string {
  return `${formatTime(a.at)} ${personName(a.actor)} ${a.action}${a.detail ? `: ${a.detail}` : ''}${a.reason ? ` (why: ${a.reason})` : ''}`;
}

/** A list of escalations for a head/DSL, each with a button to show it. */
export function listReply(title: string, items: Escalation[], empty: string): Reply {
  if (items.length === 0) return { text: `${title}\n${empty}`, blocks: [{ kind: 'heading', text: title }, { kind: 'text', text: empty }] };
  const blocks: Block[] = [{ kind: 'heading', text: title }];
  blocks.push({ kind: 'text', text: items.map((e) => `${e.ref}  ${urgencyText(e)}  ${categoryText(e.report)}  ${statusText(e)}  reported ${formatDate(e.createdAt)} by ${personName(e.reporter)}`).join('\n') });
  blocks.push({ kind: 'actions', actions: items.slice(0, 5).map((e) => ({ label: `Show ${e.ref}`, action: { type: 'escalation.show', ref: e.ref } })) });
  return { text: blocksText(blocks), blocks };
}

/** The reporter's own reports and where each stands. */
export function myReportsReply(items: Escalation[]): Reply {
  if (items.length === 0) return { text: "You haven't made any reports. Type 'report' to start one.", blocks: [{ kind: 'text', text: "You haven't made any reports. Type 'report' to start one." }] };
  const lines = items.map((e) => `${e.ref}  ${optionLabel('category', e.report.category)}  ${reporterStatus(e)}  (${formatDate(e.createdAt)})`);
  const blocks: Block[] = [{ kind: 'heading', text: 'Your reports' }, { kind: 'text', text: lines.join('\n') }];
  return { text: blocksText(blocks), blocks };
}

/**
 * Where a report stands, as its reporter may see it. A child-protection outcome stays with the
 * safeguarding team (shared on a need-to-know basis), so the reporter learns only that it is resolved.
 */
export function reporterStatus(e: Escalation): string {
  if (e.status !== 'resolved' || !e.outcome) return e.status;
  return isChildProtection(e.report) ? 'resolved (the safeguarding team holds the outcome)' : `resolved: ${e.outcome}`;
}

/** The DM telling a reporter that their report has not reached someone yet (retries go on). */
export function deliveryTroubleReply(e: Escalation, to: PersonRef): Reply {
  const role = e.recipients.find((r) => samePerson(r.person, to))?.role;
  const who = role ? `the ${roleName[role]}` : 'one of the people it goes to';
  const text = `I haven't been able to reach ${who} with your report ${e.ref} yet. Your report is saved and I'll keep trying; if it can't wait, please tell them in person.`;
  return { text, blocks: [{ kind: 'text', text, tone: 'notice' }], preview: `Update on your report ${e.ref}` };
}

/** The DM telling a reporter their report moved. */
export function reporterUpdateReply(e: Escalation, what: 'acknowledged' | 'resolved'): Reply {
  const text =
    what === 'acknowledged'
      ? `Your report ${e.ref} has been acknowledged by ${personName(e.acknowledgedBy!)}.`
      : isChildProtection(e.report)
        ? `Your report ${e.ref} has been resolved by ${personName(e.resolvedBy!)}. As it concerns a child's safety, the details stay with the safeguarding team; speak to the designated safeguarding lead if you need to know more. Thank you for reporting it.`
        : `Your report ${e.ref} has been resolved by ${personName(e.resolvedBy!)}. Outcome: ${e.outcome}`;
  return { text, blocks: [{ kind: 'text', text }], preview: `Update on your report ${e.ref}` };
}
