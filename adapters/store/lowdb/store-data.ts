// The escalation document (escalations, audit, deliveries, reference counters) and the pure
// operations on it. The lowdb store (a file) and the in-memory fake (tests) share these, so both
// behave exactly alike. Records written per message (handled events, flows, conversation
// references, feedback, the question log) live in documents of their own (record-docs.ts).

import { randomUUID } from 'node:crypto';
import type {
  AuditDraft,
  AuditEvent,
  Delivery,
  DeliveryDraft,
  Escalation,
  EscalationDraft,
} from '../../../bot/escalations/model.js';
import type { HeadQuestion } from '../../../bot/head-questions/model.js';
import type { FeedbackRecord, FlowRecord } from '../../../bot/ports/store.js';
import { deliverySchema, firstBadRecord, recordProblem } from '../record-schemas.js';

/** The escalation document (schema 2; schema 1 also held the records of RecordData). */
export interface StoreData {
  schema: 2;
  /** Escalation counter per year: the next ref is counters[year] + 1. */
  counters: Record<string, number>;
  escalations: Record<string, Escalation>;
  audit: AuditEvent[];
  deliveries: Record<string, Delivery>;
  /** Head questions ("Ask the head") by ref, and their counter per year (head-question-data.ts). */
  headQuestions?: Record<string, HeadQuestion>;
  questionCounters?: Record<string, number>;
  /** Records found malformed (deliveries at run time, per-message records at load), set aside (never deleted) so they block nothing. */
  quarantine?: Record<string, QuarantinedRecord>;
}

/** The records written per message, each collection a document (file) of its own. */
export interface RecordData {
  /** Handled platform event keys → when first seen (pruned after a week). */
  events: Record<string, string>;
  flows: Record<string, FlowRecord>;
  conversationRefs: Record<string, unknown>;
  feedback: FeedbackRecord[];
}

/** A store file as the assistant wrote it before the per-message records had files of their own. */
export type SingleDocument = Omit<StoreData, 'schema'> & RecordData & { schema: 1 };

export const recordCollections = ['events', 'flows', 'conversationRefs', 'feedback'] as const;

/** A record set aside: what it was, where it was filed, and what was wrong with it. */
export interface QuarantinedRecord {
  collection: string;
  key: string;
  problem: string;
  at: string;
  record: unknown;
}

export function emptyStoreData(): StoreData {
  return { schema: 2, counters: {}, escalations: {}, audit: [], deliveries: {} };
}

/** Keyed collections are null-prototype objects: a key such as "__proto__" or "constructor" is a plain key. */
export function keyed<T>(from: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, from);
}

export function emptyRecordData(): RecordData {
  return { events: keyed(), flows: keyed(), conversationRefs: keyed(), feedback: [] };
}

/**
 * What is wrong with a parsed store file, or undefined when it is an escalation document (schema 2)
 * or a whole single document of the earlier layout (schema 1, to be split at start).
 */
export function storeDataProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it does not hold a JSON object';
  const data = value as Record<string, unknown>;
  if (data.schema !== 1 && data.schema !== 2) return `it has schema ${JSON.stringify(data.schema)}, expected 2 (or 1, which is converted)`;
  const single = data.schema === 1;
  const objects = ['counters', 'escalations', 'deliveries', ...(single ? ['flows', 'conversationRefs', 'events'] : [])];
  for (const key of objects) {
    const v = data[key];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `its "${key}" is missing or not an object`;
  }
  for (const key of ['audit', ...(single ? ['feedback'] : [])]) {
    if (!Array.isArray(data[key])) return `its "${key}" is missing or not a list`;
  }
  const q = data.quarantine;
  if (q !== undefined && (typeof q !== 'object' || q === null || Array.isArray(q))) return 'its "quarantine" is not an object';
  return firstBadRecord(data);
}

/** Allocates the next reference for the year of `createdAt`: ESC-2026-0042. */
export function allocateRef(data: StoreData, createdAt: string): string {
  return nextRef(data.counters, 'ESC', createdAt);
}

/** Counts one more in `counters` for the year of `createdAt` and gives `<prefix>-<year>-<nnnn>`. */
export function nextRef(counters: Record<string, number>, prefix: string, createdAt: string): string {
  const year = createdAt.slice(0, 4);
  const n = (counters[year] ?? 0) + 1;
  counters[year] = n;
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
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

/** Retention: deletes an escalation's audit trail and deliveries (the record itself is replaced by the caller). */
export function purgeTrail(data: StoreData, ref: string): void {
  data.audit = data.audit.filter((a) => a.ref !== ref);
  for (const [id, d] of Object.entries(data.deliveries)) if (d.ref === ref) delete data.deliveries[id];
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

/**
 * Claims due deliveries (pending/retrying, due, not leased), oldest due first. A malformed one is
 * moved to the quarantine and named in `setAside`, so it never stops the others being sent.
 */
export function claimDue(data: StoreData, now: Date, limit: number, leaseMs: number, setAside: (q: QuarantinedRecord) => void = () => undefined): Delivery[] {
  const at = now.getTime();
  const quarantine = (key: string, record: unknown, problem: string) => {
    const q: QuarantinedRecord = { collection: 'deliveries', key, problem, at: now.toISOString(), record };
    data.quarantine = { ...data.quarantine, [`deliveries:${key}`]: q };
    delete data.deliveries[key];
    setAside(q);
  };
  // Every record is looked at on every pass, so only the ones about to be sent get the full check.
  const candidates: Delivery[] = [];
  for (const [key, d] of Object.entries(data.deliveries) as [string, Partial<Delivery> | null][]) {
    if (typeof d !== 'object' || d === null) quarantine(key, d, 'not an object');
    else if (d.state !== 'sent' && isPast(d.nextAttemptAt, at) && (!d.leaseUntil || isPast(d.leaseUntil, at))) candidates.push(d as Delivery);
  }
  const due: Delivery[] = [];
  for (const d of candidates.sort(byDue)) {
    if (due.length === limit) break;
    const problem = recordProblem(deliverySchema, d);
    if (problem) quarantine(Object.keys(data.deliveries).find((k) => data.deliveries[k] === d) ?? String(d.id), d, problem);
    else due.push(d);
  }
  const leaseUntil = new Date(at + leaseMs).toISOString();
  for (const d of due) {
    d.leaseUntil = leaseUntil;
    d.claims = (d.claims ?? 0) + 1;
  }
  return due;
}

/** Brings the unsent deliveries to one workspace's people forward to `now`; resolves how many. */
export function retryNow(data: StoreData, platform: string, tenant: string, now: Date): number {
  let count = 0;
  for (const d of Object.values(data.deliveries) as (Partial<Delivery> | null)[]) {
    if (typeof d !== 'object' || d === null || d.state === 'sent' || d.to?.platform !== platform || d.to.tenant !== tenant) continue;
    if (isPast(d.nextAttemptAt, now.getTime())) continue;
    d.nextAttemptAt = now.toISOString();
    count++;
  }
  return count;
}

function isPast(iso: unknown, at: number): boolean {
  return typeof iso === 'string' && Date.parse(iso) <= at;
}

function byDue(a: Delivery, b: Delivery): number {
  return String(a.nextAttemptAt).localeCompare(String(b.nextAttemptAt)) || String(a.createdAt).localeCompare(String(b.createdAt));
}

/** Removes event keys older than `maxAgeMs` so the idempotency table does not grow forever. */
export function pruneEvents(events: Record<string, string>, now: Date, maxAgeMs: number): void {
  const cutoff = now.getTime() - maxAgeMs;
  for (const [key, at] of Object.entries(events)) {
    if (Date.parse(at) < cutoff) delete events[key];
  }
}
