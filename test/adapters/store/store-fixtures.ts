// Escalation drafts, audit drafts and delivery drafts for the store contract suite.

import type { AuditDraft, DeliveryDraft, Escalation, EscalationChange, EscalationDraft } from '../../../bot/escalations/model.js';
import type { PersonRef } from '../../../bot/people.js';

export const reporter: PersonRef = { platform: 'slack', userId: 'U_TA', name: 'Teaching Assistant', tenant: 'T1' };
export const head: PersonRef = { platform: 'slack', userId: 'U_HEAD', name: 'Head' };

/** A complete draft; `overrides` change any field. */
export function draft(overrides: Partial<EscalationDraft> = {}): EscalationDraft {
  const createdAt = overrides.createdAt ?? '2026-03-02T09:15:00.000Z';
  return {
    school: 'cadmus',
    createdAt,
    reporter,
    report: {
      poster: 'parent',
      platform: 'Facebook',
      link: 'https://facebook.com/groups/parents/posts/1',
      about: 'colleague',
      category: 'defamatory',
      seenAt: '2026-03-01T20:00:00.000Z',
      evidenceKept: 'yes',
      replied: 'no',
      description: 'A parent called the class teacher a liar in the year group page.',
    },
    urgency: 'normal',
    recipients: [{ person: head, role: 'head' }],
    guidance: [
      {
        topic: 'evidence',
        citation: { clauseId: 'cadmus-5.1', school: 'cadmus', schoolName: 'Cadmus', ref: '5.1', heading: 'Parents' },
        text: 'Keep a record and screen prints; do not delete.',
      },
    ],
    status: 'open',
    dueAt: new Date(Date.parse(createdAt) + 24 * 3600 * 1000).toISOString(),
    overdue: false,
    notes: [],
    ...overrides,
  };
}

export function created(at = '2026-03-02T09:15:00.000Z'): AuditDraft[] {
  return [
    { at, actor: reporter, action: 'created', detail: 'report submitted' },
    { at, actor: 'system', action: 'notified', detail: 'head' },
  ];
}

export function alert(nextAttemptAt = '2026-03-02T09:15:00.000Z', to: PersonRef = head): DeliveryDraft {
  return { to, purpose: 'alert', reply: { text: 'New report ESC', blocks: [{ kind: 'text', text: 'New report' }], preview: 'New report' }, nextAttemptAt };
}

/** A change that acknowledges: new status, one audit event, one reporter update. */
export function acknowledge(current: Escalation, at = '2026-03-02T10:00:00.000Z'): EscalationChange {
  return {
    escalation: { ...current, status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: head },
    audit: [{ at, actor: head, action: 'acknowledged' }],
    deliveries: [{ ...alert(at, reporter), purpose: 'reporter-update' }],
  };
}

/** A change that adds one note (used to race many updates). */
export function addNote(current: Escalation, text: string): EscalationChange {
  const at = '2026-03-02T11:00:00.000Z';
  return {
    escalation: { ...current, notes: [...current.notes, { at, by: head, text }] },
    audit: [{ at, actor: head, action: 'note-added', detail: text }],
    deliveries: [],
  };
}
