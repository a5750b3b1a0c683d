// The escalation record and the report it carries: what the store keeps and the core reasons about.

import type { Citation, Reply } from '../reply.js';
import type { PersonRef, Role } from '../people.js';

export type PosterKind = 'pupil' | 'parent' | 'ex-pupil' | 'staff' | 'other' | 'unknown';
export type Subject = 'me' | 'colleague' | 'head' | 'pupil' | 'school';
export type Category =
  | 'abusive'
  | 'threatening'
  | 'defamatory'
  | 'discriminatory'
  | 'sexual'
  | 'child-at-risk'
  | 'extremism'
  /** An adult who works or volunteers at the school has harmed a child or may pose a risk (KCSIE part four). */
  | 'allegation'
  | 'other';
export type YesNoUnsure = 'yes' | 'no' | 'unsure';

/** What the reporter told us; text and links only, never imagery. */
export interface ReportFields {
  /** "Is this about something an adult who works or volunteers at the school has done?" */
  adultConcern?: YesNoUnsure;
  poster: PosterKind;
  /** Where it was posted (Facebook, a class WhatsApp group, …). */
  platform: string;
  link?: string;
  about: Subject;
  category: Category;
  /** When it was seen, as an ISO date-time or as the reporter wrote it. */
  seenAt: string;
  /** The date as it was read and shown back to the reporter ("Tuesday 3 March 2026, 8pm"). */
  seenAtShown?: string;
  /** The words the reporter typed for it ("Tuesday about 8pm"), kept for the record. */
  seenAtAsTyped?: string;
  evidenceKept: YesNoUnsure;
  replied: YesNoUnsure;
  description: string;
}

export type Urgency = 'urgent' | 'normal';
export type EscalationStatus = 'open' | 'acknowledged' | 'resolved';

/** A policy clause given to the reporter as guidance, kept with the escalation as it was shown. */
export interface GuidanceItem {
  topic: string;
  citation: Citation;
  text: string;
}

export interface Note {
  at: string;
  by: PersonRef;
  text: string;
}

/** Someone an escalation was sent to, and why. */
export interface Recipient {
  person: PersonRef;
  role: Role;
}

/** A stored escalation. Times are ISO strings. */
export interface Escalation {
  /** Human reference, e.g. ESC-2026-0042; unique across the store. */
  ref: string;
  school: string;
  createdAt: string;
  reporter: PersonRef;
  report: ReportFields;
  urgency: Urgency;
  recipients: Recipient[];
  guidance: GuidanceItem[];
  /** Topics the school's policy says nothing about (shown as "the policy is silent on …"). */
  guidanceSilent?: string[];
  status: EscalationStatus;
  /** When it becomes overdue if still open. */
  dueAt: string;
  overdue: boolean;
  acknowledgedAt?: string;
  acknowledgedBy?: PersonRef;
  resolvedAt?: string;
  resolvedBy?: PersonRef;
  outcome?: string;
  /** What kind of outcome it was, read from the outcome when resolved; kept when the record is reduced. */
  outcomeKind?: OutcomeKind;
  notes: Note[];
  /** Child protection: when the DSL confirmed the concern is in the school's safeguarding system. */
  safeguardingRecordedAt?: string;
  safeguardingRecordedBy?: PersonRef;
  /** When the DSL was last reminded to confirm that (the daily retention pass reminds weekly). */
  recordReminderAt?: string;
  /** Set when retention reduced the record to its reference, kind, dates and outcome kind. */
  reduced?: { at: string; reason: string };
  /** Incremented on every change (optimistic concurrency and cache keys). */
  version: number;
}

/** One line of the append-only audit trail. */
export interface AuditEvent {
  id: string;
  ref: string;
  at: string;
  /** Who did it; `system` for the assistant itself (reminders, deliveries). */
  actor: PersonRef | 'system';
  action:
    | 'created'
    | 'notified'
    | 'delivery-failed'
    | 'acknowledged'
    | 'note-added'
    | 'resolved'
    | 'reminder-sent'
    | 'marked-overdue'
    | 'viewed'
    | 'refused'
    | 'recorded-in-safeguarding-system'
    | 'record-reminder-sent'
    | 'reduced'
    | 'exported'
    /** Head questions (Q- refs): asked, replied to, withdrawn by the asker, answer withdrawn by a head. */
    | 'asked'
    | 'replied'
    | 'withdrawn'
    | 'answer-withdrawn'
    /** The weekly digest was queued for the heads, or the week had nothing to say. */
    | 'digest-sent'
    | 'digest-skipped';
  detail?: string;
  /** Why, for decisions (e.g. the outcome of a resolution). */
  reason?: string;
}

/** What a resolution came to, for the record that outlives the details. */
export type OutcomeKind = 'referred' | 'removed' | 'action-taken' | 'no-further-action' | 'other';

/**
 * `record-reminder`: asks the DSL to confirm a resolved child-protection concern is in the safeguarding system.
 * Head questions: `question` to each head, `question-update` edits it once answered, `answer` to the asker.
 */
export type DeliveryPurpose = 'alert' | 'reminder' | 'reporter-update' | 'alert-update' | 'record-reminder' | 'question' | 'question-update' | 'answer' | 'digest';

/** Purposes whose delivery edits an earlier message (`updates`) instead of sending a new one. */
export const updatePurposes: readonly DeliveryPurpose[] = ['alert-update', 'question-update'];
export type DeliveryState = 'pending' | 'sent' | 'retrying';

/** A direct message the core asked a platform to send; retried until it is sent, never dropped. */
export interface Delivery {
  id: string;
  ref: string;
  to: PersonRef;
  purpose: DeliveryPurpose;
  reply: Reply;
  state: DeliveryState;
  attempts: number;
  /** When the next attempt is due (ISO). */
  nextAttemptAt: string;
  /** A claim held by one worker until this time (ISO), so only one instance sends it. */
  leaseUntil?: string;
  /**
   * How many times a worker has claimed it. More claims than attempts + 1 means an earlier claim
   * ended without recording its attempt: the message may have gone out (see Notifier SendOptions).
   */
  claims?: number;
  lastError?: string;
  /** Platform message id once sent, so later changes update the message in place. */
  messageId?: string;
  /** For `alert-update`: the delivery whose message this one edits. */
  updates?: string;
  /** A message in the recipient's DM to reply under (a thread), as the notifier names messages. */
  thread?: string;
  createdAt: string;
  sentAt?: string;
}

/** Fields of an escalation fixed at creation; the store adds ref and version. */
export type EscalationDraft = Omit<Escalation, 'ref' | 'version'>;
export type AuditDraft = Omit<AuditEvent, 'id' | 'ref'>;
export type DeliveryDraft = Omit<Delivery, 'id' | 'ref' | 'state' | 'attempts' | 'createdAt'>;

/** What a change to an escalation produces, applied by the store in one atomic write. */
export interface EscalationChange {
  escalation: Escalation;
  audit: AuditDraft[];
  deliveries: DeliveryDraft[];
  /**
   * Retention: the escalation's audit trail and deliveries so far are deleted in the same write,
   * before `audit` and `deliveries` are added (the record is being reduced).
   */
  purge?: boolean;
}
