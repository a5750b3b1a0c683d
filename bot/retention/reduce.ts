// Retention: what is kept of an escalation once its time is up (its reference, kind, dates and
// outcome kind), and when that time is. Everything else (people, words, notes, guidance given,
// messages, the audit trail) is removed in the same store write, which records the reduction.

import type { Escalation } from '../escalations/model.js';
import { defaultRetentionMonths, type SchoolPeople } from '../people.js';
import { isChildProtection } from '../report/routing.js';

/** Stands where a reduced record's reporter id was (stores require an id there). */
export const removedId = 'removed';

/** The reduced record: the same shape, with nothing left that names or describes anyone. */
export function reduceRecord(e: Escalation, at: string, reason: string): Escalation {
  const r = e.report;
  return {
    ref: e.ref,
    school: e.school,
    createdAt: e.createdAt,
    // Who made it is removed; the platform stays so the record's shape (and its indexes) hold.
    reporter: { platform: e.reporter.platform, userId: removedId },
    // The kind of report, and whom it concerned by role, decide who may see even the reduced record.
    report: {
      category: r.category,
      about: r.about,
      ...(r.adultConcern ? { adultConcern: r.adultConcern } : {}),
      poster: 'unknown',
      platform: '',
      seenAt: '',
      evidenceKept: 'unsure',
      replied: 'unsure',
      description: '',
    },
    urgency: e.urgency,
    recipients: [],
    guidance: [],
    status: e.status,
    dueAt: e.dueAt,
    overdue: e.overdue,
    ...(e.acknowledgedAt ? { acknowledgedAt: e.acknowledgedAt } : {}),
    ...(e.resolvedAt ? { resolvedAt: e.resolvedAt } : {}),
    ...(e.outcomeKind ? { outcomeKind: e.outcomeKind } : {}),
    ...(e.safeguardingRecordedAt ? { safeguardingRecordedAt: e.safeguardingRecordedAt } : {}),
    notes: [],
    reduced: { at, reason },
    version: e.version,
  };
}

/** The school's retention period in months. */
export function retentionMonthsOf(people: SchoolPeople): number {
  return people.retentionMonths ?? defaultRetentionMonths;
}

/** `iso` plus `months` calendar months (UTC; the 31st becomes the month's last day). */
export function addMonths(iso: string, months: number): Date {
  const d = new Date(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export type RetentionState =
  | { kind: 'keep' }
  | { kind: 'reduce'; reason: string }
  /** Child protection, resolved, not yet confirmed as recorded: never reduced; the DSL is reminded. */
  | { kind: 'awaiting-record' };

/** What retention does with this escalation now. */
export function retentionState(e: Escalation, people: SchoolPeople, now: Date, system: string): RetentionState {
  if (e.reduced || e.status !== 'resolved' || !e.resolvedAt) return { kind: 'keep' };
  if (isChildProtection(e.report) && !e.safeguardingRecordedAt) return { kind: 'awaiting-record' };
  const months = retentionMonthsOf(people);
  if (addMonths(e.resolvedAt, months).getTime() > now.getTime()) return { kind: 'keep' };
  const recorded = e.safeguardingRecordedAt ? `; recorded in ${system} (confirmed ${e.safeguardingRecordedAt.slice(0, 10)})` : '';
  return { kind: 'reduce', reason: `resolved more than ${months} month${months === 1 ? '' : 's'} ago (the school's retention period)${recorded}` };
}
