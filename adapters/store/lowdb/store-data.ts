// The store's data as one JSON document, and the pure operations on it. The lowdb store (a file)
// and the in-memory fake (tests) share these, so both behave exactly alike.

import { randomUUID } from 'node:crypto';
import type {
  AuditDraft,
  AuditEvent,
  Delivery,
  DeliveryDraft,
  Escalation,
  EscalationDraft,
} from '../../../bot/escalations/model.js';
import type { FeedbackRecord, FlowRecord } from '../../../bot/ports/store.js';

/** The whole store as one JSON document. */
export interface StoreData {
  schema: 1;
  /** Escalation counter per year: the next ref is counters[year] + 1. */
  counters: Record<string, number>;
  escalations: Record<string, Escalation>;
  audit: AuditEvent[];
  deliveries: Record<string, Delivery>;
  flows: Record<string, FlowRecord>;
  conversationRefs: Record<string, unknown>;
  feedback: FeedbackRecord[];
  /** Handled platform event keys → when first seen (pruned after a week). */
  events: Record<string, string>;
}

export function emptyStoreData(): StoreData {
  return { schema: 1, counters: {}, escalations: {}, audit: [], deliveries: {}, flows: {}, conversationRefs: {}, feedback: [], events: {} };
}

/** What is wrong with a parsed document, or undefined when it has the store's shape. */
export function storeDataProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it does not hold a JSON object';
  const data = value as Record<string, unknown>;
  if (data.schema !== 1) return `it has schema ${JSON.stringify(data.schema)}, expected 1`;
  const objects = ['counters', 'escalations', 'deliveries', 'flows', 'conversationRefs', 'events'];
  for (const key of objects) {
    const v = data[key];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `its "${key}" is missing or not an object`;
  }
  for (const key of ['audit', 'feedback']) {
    if (!Array.isArray(data[key])) return `its "${key}" is missing or not a list`;
  }
  for (const [ref, e] of Object.entries(data.escalations as Record<string, unknown>)) {
    const esc = e as Partial<Escalation> | null;
    if (!esc || esc.ref !== ref || typeof esc.school !== 'string' || typeof esc.status !== 'string') {
      return `its escalation "${ref}" is malformed`;
    }
  }
  return undefined;
}

/** Allocates the next reference for the year of `createdAt`: ESC-2026-0042. */
export function allocateRef(data: StoreData, createdAt: string): string {
  const year = createdAt.slice(0, 4);
  const n = (data.counters[year] ?? 0) + 1;
  data.counters[year] = n;
  return `ESC-${year}-${String(n).padStart(4, '0')}`;
}

export function addAudit(data: StoreData, ref: string, drafts: AuditDraft[]): void {
  for (const draft of drafts) data.audit.push({ ...draft, id: randomUUID(), ref });
}

export function addDeliveries(data: StoreData, ref: string, drafts: DeliveryDraft[], now: string): void {
  for (const draft of drafts) {
    const delivery: Delivery = { ...draft, id: randomUUID(), ref, state: 'pending', attempts: 0, createdAt: now };
    data.deliveries[delivery.id] = delivery;
  }
}

/** Adds a new escalation with its audit and deliveries; returns it as stored. */
export function insertEscalation(data: StoreData, draft: EscalationDraft, audit: AuditDraft[], deliveries: DeliveryDraft[]): Escalation {
  const ref = allocateRef(data, draft.createdAt);
  const escalation: Escalation = { ...draft, ref, version: 1 };
  data.escalations[ref] = escalation;
  addAudit(data, ref, audit);
  addDeliveries(data, ref, deliveries, draft.createdAt);
  return escalation;
}

/** Claims due deliveries (pending/retrying, due, not leased), oldest due first. */
export function claimDue(data: StoreData, now: Date, limit: number, leaseMs: number): Delivery[] {
  const at = now.getTime();
  const due = Object.values(data.deliveries)
    .filter((d) => d.state !== 'sent' && Date.parse(d.nextAttemptAt) <= at && (!d.leaseUntil || Date.parse(d.leaseUntil) <= at))
    .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.createdAt.localeCompare(b.createdAt))
    .slice(0, limit);
  const leaseUntil = new Date(at + leaseMs).toISOString();
  for (const d of due) d.leaseUntil = leaseUntil;
  return due;
}

/** Removes event keys older than `maxAgeMs` so the idempotency table does not grow forever. */
export function pruneEvents(data: StoreData, now: Date, maxAgeMs: number): void {
  const cutoff = now.getTime() - maxAgeMs;
  for (const [key, at] of Object.entries(data.events)) {
    if (Date.parse(at) < cutoff) delete data.events[key];
  }
}
