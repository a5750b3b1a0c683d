// The store port: everything the assistant must not lose. Implemented by lowdb (embedded) and
// PostgreSQL (shared by several instances); one contract suite tests both.

import type {
  AuditDraft,
  AuditEvent,
  Delivery,
  DeliveryDraft,
  Escalation,
  EscalationChange,
  EscalationDraft,
  EscalationStatus,
} from '../escalations/model.js';
import type { HeadQuestion, HeadQuestionChange, HeadQuestionDraft, HeadQuestionQuery } from '../head-questions/model.js';
import type { Platform } from '../people.js';

export interface EscalationQuery {
  school?: string;
  status?: EscalationStatus[];
  reporter?: { platform: Platform; userId: string };
  overdue?: boolean;
  /** Only those created at or after this ISO time. */
  since?: string;
  /** Only those due (`dueAt`) at or before this ISO time: the overdue pass asks for these alone. */
  dueBefore?: string;
  /** Newest first; default 50. */
  limit?: number;
}

/** A report flow in progress, keyed by who is filling it in. */
export interface FlowRecord {
  key: string;
  state: unknown;
  updatedAt: string;
}

export interface FeedbackRecord {
  answerId: string;
  school: string;
  question: string;
  clauseIds: string[];
  verdict: string;
  helpful: boolean;
  by: { platform: Platform; userId: string };
  at: string;
}

/** How a logged question was answered: from a clause, with the closest the policy comes, or not at all. */
export type QuestionOutcome = 'answer' | 'closest' | 'not_covered';

/** What a question is about, for grouping: a short stable key and words a head can read. */
export interface QuestionTopic {
  /** Stable across questions on the same subject ("heading:personal use of social media at work"). */
  key: string;
  label: string;
}

/** One policy question staff asked and how it was answered (the gaps view and digest read these). */
export interface QuestionLogRecord {
  id: string;
  school: string;
  /** When it was asked (ISO). */
  at: string;
  by: { platform: Platform; userId: string };
  /** The question as answered (cleaned; a follow-up combined with the question before it). */
  text: string;
  outcome: QuestionOutcome;
  verdict: string;
  /** The clauses the answer cited, best first (empty when not covered). */
  clauseIds: string[];
  /** The id the answer carries; feedback records (👍/👎) point to it. */
  answerId: string;
  topic: QuestionTopic;
}

export interface QuestionQuery {
  school: string;
  /** Only those asked at or after this ISO time. */
  since?: string;
  /** Only those asked before this ISO time. */
  until?: string;
  /** Newest first; default 1,000. */
  limit?: number;
}

export type DeliveryResult =
  | { ok: true; messageId: string; at: string }
  | { ok: false; error: string; nextAttemptAt: string; at: string };

/** What /healthz reports about the store: reached at all, and how far behind the direct messages are. */
export interface StoreHealth {
  /** Direct messages queued and not yet sent. */
  undelivered: number;
  /** When the oldest of them was queued (ISO), if any. */
  oldestUndeliveredAt?: string;
  /** Records set aside as malformed (see the log for which and why). */
  quarantined: number;
}

export interface Store {
  /**
   * Stores a new escalation with its first audit events and deliveries in one atomic write, and
   * allocates its reference (`ESC-<year>-<n>`, n from a counter per year, never max+1).
   */
  createEscalation(draft: EscalationDraft, audit: AuditDraft[], deliveries: DeliveryDraft[]): Promise<Escalation>;
  getEscalation(ref: string): Promise<Escalation | undefined>;
  /**
   * Applies `change` to the current escalation atomically (no other change interleaves): the new
   * record (version + 1), its audit events and deliveries are written together. `change` returns
   * undefined to change nothing; then the current record is returned unchanged.
   * Resolves undefined when no escalation has that ref.
   */
  updateEscalation(
    ref: string,
    change: (current: Escalation) => EscalationChange | undefined,
  ): Promise<{ escalation: Escalation; changed: boolean } | undefined>;
  listEscalations(query: EscalationQuery): Promise<Escalation[]>;
  listAudit(ref: string): Promise<AuditEvent[]>;

  /** Claims up to `limit` deliveries due at `now` (pending or retrying), leasing them for `leaseMs`. */
  claimDueDeliveries(now: Date, limit: number, leaseMs: number): Promise<Delivery[]>;
  /** Records an attempt: sent (with the platform's message id) or failed (retry at nextAttemptAt). */
  recordDelivery(id: string, result: DeliveryResult): Promise<Delivery>;
  listDeliveries(ref: string): Promise<Delivery[]>;
  /**
   * Makes every unsent delivery to someone in `tenant` on `platform` due at `now` (its workspace was
   * installed again, so waiting out the backoff would only delay it); resolves how many.
   */
  retryDeliveriesTo(platform: Platform, tenant: string, now: Date): Promise<number>;
  getDelivery(id: string): Promise<Delivery | undefined>;

  /**
   * Stores a question for the head ("Ask the head") with its first audit events and deliveries in
   * one atomic write, and allocates its reference (`Q-<year>-<n>`, n from a counter per year).
   * Its audit trail and deliveries are read with listAudit / listDeliveries, as an escalation's.
   */
  createHeadQuestion(draft: HeadQuestionDraft, audit: AuditDraft[], deliveries: DeliveryDraft[]): Promise<HeadQuestion>;
  getHeadQuestion(ref: string): Promise<HeadQuestion | undefined>;
  /** As updateEscalation: the change applied atomically (version + 1) with its audit and deliveries. */
  updateHeadQuestion(
    ref: string,
    change: (current: HeadQuestion) => HeadQuestionChange | undefined,
  ): Promise<{ question: HeadQuestion; changed: boolean } | undefined>;
  listHeadQuestions(query: HeadQuestionQuery): Promise<HeadQuestion[]>;
  /**
   * Adds audit events and deliveries under a reference that is neither an escalation nor a head
   * question (a weekly digest, `digest:<school>:<week>`; a logged question opened from the gaps
   * view, `question:<id>`), in one atomic write. Read back with listAudit / listDeliveries.
   */
  appendTrail(ref: string, audit: AuditDraft[], deliveries: DeliveryDraft[]): Promise<void>;

  getFlow(key: string): Promise<FlowRecord | undefined>;
  saveFlow(key: string, state: unknown): Promise<void>;
  deleteFlow(key: string): Promise<void>;

  /** Platform conversation references (Teams proactive messaging), one per person. */
  saveConversationRef(platform: Platform, userId: string, ref: unknown): Promise<void>;
  getConversationRef(platform: Platform, userId: string): Promise<unknown | undefined>;

  addFeedback(feedback: FeedbackRecord): Promise<void>;
  listFeedback(limit?: number): Promise<FeedbackRecord[]>;
  /**
   * Retention: deletes the feedback given before `before` (ISO), of `school` only when given (it
   * holds the question asked and who asked it, so it goes with the question log); resolves how many.
   */
  forgetFeedbackBefore(before: string, school?: string): Promise<number>;

  /** Logs a question; logging the same id again keeps the first record. */
  logQuestion(record: QuestionLogRecord): Promise<void>;
  /** One school's logged questions, newest first. */
  listQuestions(query: QuestionQuery): Promise<QuestionLogRecord[]>;
  getQuestion(id: string): Promise<QuestionLogRecord | undefined>;
  /**
   * Retention: deletes the questions asked before `before` (ISO), of `school` only when given;
   * resolves how many were deleted.
   */
  forgetQuestionsBefore(before: string, school?: string): Promise<number>;

  /**
   * Records that an inbound platform event was handled. Resolves true the first time a key is seen,
   * false on every later call (platform retries, the same event on another instance).
   */
  claimEvent(key: string): Promise<boolean>;

  /** Reads the store's state for a health check; rejects with a StoreError when it cannot be reached. */
  health(): Promise<StoreHealth>;

  close(): Promise<void>;
}
