// One escalation as a record for the school's safeguarding system (CPOMS, MyConcern) or its own
// file: the facts as reported, the advice given, the routing and urgency, every decision with who,
// when and why, and the notes, in the order those systems' forms ask for them. Plain data first
// (for JSON and the PDF), then as text ready to paste.

import { personName, categoryText, seenText } from '../escalations/escalation-replies.js';
import type { AuditEvent, Delivery, Escalation } from '../escalations/model.js';
import { outcomeKindLabel } from '../escalations/outcome-kind.js';
import { formatTime } from '../format-time.js';
import type { PersonRef } from '../people.js';
import { isAllegation, ladoDeadlineText } from '../report/allegation.js';
import { optionLabel } from '../report/report-steps.js';
import { isChildProtection, safetyBlocks } from '../report/routing.js';

export interface RecordField {
  label: string;
  value: string;
}

export interface RecordSection {
  title: string;
  fields: RecordField[];
  /** Dated lines (decisions, notes, messages), oldest first. */
  lines?: string[];
}

export interface EscalationRecord {
  ref: string;
  school: string;
  schoolName: string;
  title: string;
  sections: RecordSection[];
  /** When and by whom this export was made. */
  exportedAt: string;
  exportedBy: string;
}

export interface RecordContext {
  schoolName: string;
  safeguardingSystem: string;
  exportedAt: string;
  exportedBy: PersonRef | string;
}

const who = (p: PersonRef | 'system' | undefined) => (p === undefined ? '' : p === 'system' ? 'the assistant' : `${personName(p)} (${p.platform}:${p.userId || 'removed'})`);
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const field = (label: string, value: string | undefined): RecordField[] => (value ? [{ label, value }] : []);

/** Builds the record of `e` from its audit trail and messages. */
export function buildRecord(e: Escalation, audit: AuditEvent[], deliveries: Delivery[], ctx: RecordContext): EscalationRecord {
  const r = e.report;
  const sections: RecordSection[] = [
    {
      title: 'Concern',
      fields: [
        { label: 'Reference', value: e.ref },
        { label: 'School', value: ctx.schoolName },
        { label: 'Category', value: categoryText(r) },
        { label: 'Child protection', value: yesNo(isChildProtection(r)) },
        { label: 'About an adult who works or volunteers at the school', value: r.adultConcern ? optionLabel('adultConcern', r.adultConcern) : yesNo(isAllegation(r)) },
        { label: 'Urgency', value: e.urgency === 'urgent' ? 'Urgent' : 'Normal' },
        { label: 'Status', value: e.reduced ? 'Resolved; reduced under the retention policy' : e.status[0].toUpperCase() + e.status.slice(1) },
      ],
    },
    {
      title: 'Date and time',
      fields: [
        ...field('Seen', e.reduced ? undefined : seenText(r)),
        ...field('Seen (as the reporter typed it)', r.seenAtAsTyped),
        { label: 'Reported', value: formatTime(e.createdAt) },
      ],
    },
  ];
  if (!e.reduced) sections.push(...detailSections(e, deliveries, ctx));
  sections.push(outcomeSection(e, ctx));
  sections.push({ title: 'Decisions and actions (audit trail)', fields: [], lines: audit.map(auditText) });
  return {
    ref: e.ref,
    school: e.school,
    schoolName: ctx.schoolName,
    title: `${ctx.schoolName}: ${e.ref}, ${categoryText(r)}`,
    sections,
    exportedAt: ctx.exportedAt,
    exportedBy: typeof ctx.exportedBy === 'string' ? ctx.exportedBy : who(ctx.exportedBy),
  };
}

function detailSections(e: Escalation, deliveries: Delivery[], ctx: RecordContext): RecordSection[] {
  const r = e.report;
  const purposes: Partial<Record<Delivery['purpose'], string>> = { alert: 'alert', reminder: 'reminder (not acknowledged in time)', 'record-reminder': `reminder to record it in ${ctx.safeguardingSystem}` };
  const sent = (d: Delivery) =>
    `${purposes[d.purpose]} to ${d.to.platform}:${d.to.userId}: ${d.state === 'sent' ? `sent ${formatTime(d.sentAt)}` : d.attempts ? `NOT YET SENT after ${d.attempts} attempt${d.attempts > 1 ? 's' : ''} (${d.lastError ?? 'unknown error'})` : 'waiting to be sent'}`;
  const advice = safetyBlocks(r).flatMap((b) => (b.kind === 'text' ? [`Told first: ${b.text}`] : []));
  return [
    {
      title: 'Who',
      fields: [
        { label: 'Reported by', value: who(e.reporter) },
        { label: 'Posted by', value: optionLabel('poster', r.poster) },
        { label: 'Who it is about', value: optionLabel('about', r.about) },
      ],
    },
    {
      title: 'The facts as reported',
      fields: [
        { label: 'Where', value: r.platform },
        ...field('Link', r.link),
        { label: 'What it says', value: r.description },
        { label: 'Evidence kept', value: optionLabel('evidenceKept', r.evidenceKept) },
        { label: 'Anyone replied', value: optionLabel('replied', r.replied) },
      ],
    },
    {
      title: 'Advice given to the reporter',
      fields: [],
      lines: [
        ...advice,
        ...e.guidance.map((g) => `"${g.text}" (${g.citation.schoolName} ${g.citation.ref}${g.citation.heading && g.citation.heading !== g.citation.ref ? `, ${g.citation.heading}` : ''})`),
        ...(e.guidanceSilent?.length ? [`The policy says nothing about: ${e.guidanceSilent.join('; ')}.`] : []),
      ],
    },
    {
      title: 'Routing',
      fields: [
        { label: 'Sent to', value: e.recipients.map((x) => `${x.role}: ${who(x.person)}`).join('; ') || 'nobody was configured' },
        { label: 'Due to be acknowledged by', value: formatTime(e.dueAt) },
        ...field('Overdue', e.overdue ? 'Yes: the reminder was sent' : undefined),
        ...field('LADO to be told by', isAllegation(r) ? `the end of ${ladoDeadlineText(e.createdAt)} (one working day)` : undefined),
        ...field('Safeguarding system', isChildProtection(r) ? ctx.safeguardingSystem : undefined),
      ],
      lines: deliveries.filter((d) => purposes[d.purpose]).map(sent),
    },
    { title: 'Notes', fields: [], lines: e.notes.map((n) => `${formatTime(n.at)} ${who(n.by)}: ${n.text}`) },
  ];
}

function outcomeSection(e: Escalation, ctx: RecordContext): RecordSection {
  return {
    title: 'Outcome',
    fields: [
      ...field('Acknowledged', e.acknowledgedAt ? `${formatTime(e.acknowledgedAt)}${e.acknowledgedBy ? ` by ${who(e.acknowledgedBy)}` : ''}` : undefined),
      ...field('Resolved', e.resolvedAt ? `${formatTime(e.resolvedAt)}${e.resolvedBy ? ` by ${who(e.resolvedBy)}` : ''}` : undefined),
      ...field('Outcome kind', e.outcomeKind ? outcomeKindLabel[e.outcomeKind] : undefined),
      ...field('Outcome', e.outcome),
      ...field(`Recorded in ${ctx.safeguardingSystem}`, e.safeguardingRecordedAt ? `${formatTime(e.safeguardingRecordedAt)}${e.safeguardingRecordedBy ? `, confirmed by ${who(e.safeguardingRecordedBy)}` : ''}` : undefined),
      ...field('Reduced', e.reduced ? `${formatTime(e.reduced.at)}: ${e.reduced.reason}` : undefined),
    ],
  };
}

function auditText(a: AuditEvent): string {
  return `${formatTime(a.at)} ${who(a.actor)}: ${a.action.replace(/-/g, ' ')}${a.detail ? ` (${a.detail})` : ''}${a.reason ? `; why: ${a.reason}` : ''}`;
}

/** The record as plain text, section by section, ready to paste into the safeguarding system. */
export function recordText(record: EscalationRecord): string {
  const out: string[] = [record.title, `Exported ${formatTime(record.exportedAt)} by ${record.exportedBy}. The statutory record is the school's safeguarding system; this is a copy for it.`, ''];
  for (const s of record.sections) {
    if (s.fields.length === 0 && !s.lines?.length) continue;
    out.push(`== ${s.title} ==`);
    for (const f of s.fields) out.push(`${f.label}: ${f.value}`);
    for (const line of s.lines ?? []) out.push(`- ${line}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
