// A question a member of staff sent to the head teacher ("Ask the head"): what was asked, the answer
// the policy gave, and the head's reply. Kept like an escalation: a reference from a per-year counter
// (Q-2026-0007), an audit trail and direct messages through the deliveries queue.

import type { AuditDraft, DeliveryDraft } from '../escalations/model.js';
import type { PersonRef } from '../people.js';
import type { Verdict } from '../reply.js';

export type HeadQuestionStatus = 'open' | 'answered' | 'withdrawn';

/** Why the member of staff asked: the policy did not cover it, came only near, or they found the answer unhelpful. */
export type AskReason = 'not-covered' | 'closest' | 'not-helpful';

/** What the assistant had answered from the policy when the question was sent. */
export interface GivenAnswer {
  verdict: Verdict;
  /** The quoted clauses, best first (ids in the policy library). */
  clauseIds: string[];
  reason: AskReason;
}

/** The head teacher's reply. */
export interface HeadAnswer {
  text: string;
  by: PersonRef;
  at: string;
  /** Shown to later staff who ask the same or a close question, labelled as not policy. */
  forEveryone: boolean;
  /** Set when the head withdrew it from everyone (the member of staff keeps their reply). */
  withdrawnAt?: string;
  withdrawnBy?: PersonRef;
}

export interface HeadQuestion {
  /** Q-2026-0007: unique across the store. */
  ref: string;
  school: string;
  createdAt: string;
  askedBy: PersonRef;
  question: string;
  given: GivenAnswer;
  /**
   * The message in the asker's DM the reply is threaded under (the answer the button was pressed
   * on), as the platform's notifier names messages; absent when asked outside a DM.
   */
  thread?: string;
  status: HeadQuestionStatus;
  answer?: HeadAnswer;
  /** When the member of staff withdrew the question before it was answered. */
  withdrawnAt?: string;
  version: number;
}

export type HeadQuestionDraft = Omit<HeadQuestion, 'ref' | 'version'>;

/** A change to a head question, applied by the store with its audit events and deliveries in one write. */
export interface HeadQuestionChange {
  question: HeadQuestion;
  audit: AuditDraft[];
  deliveries: DeliveryDraft[];
}

export interface HeadQuestionQuery {
  school?: string;
  status?: HeadQuestionStatus[];
  /** Only those whose answer is for everyone and not withdrawn. */
  shared?: boolean;
  askedBy?: { platform: PersonRef['platform']; userId: string };
  /** Created at or after this ISO time. */
  since?: string;
  /** Newest first; default 50. */
  limit?: number;
}

export const headQuestionRefPattern = /^Q-\d{4}-\d{1,6}$/;

/** True for an answer shown to everyone now. */
export function isShared(q: HeadQuestion): boolean {
  return q.status === 'answered' && !!q.answer?.forEveryone && !q.answer.withdrawnAt;
}
