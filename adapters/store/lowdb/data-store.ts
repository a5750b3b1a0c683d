// The Store's escalation document (escalations, audit, deliveries) over one in-memory StoreData
// persisted by a lowdb adapter, every change through its write queue (group commit).

import type { Low } from 'lowdb';
import { StoreError } from '../../../bot/errors.js';
import type { Delivery, Escalation } from '../../../bot/escalations/model.js';
import type { Logger } from '../../../bot/ports/logger.js';
import type { DeliveryResult, EscalationQuery, Store, StoreHealth } from '../../../bot/ports/store.js';
import { headQuestionMethods } from '../head-question-data.js';
import {
  addAudit,
  addDeliveries,
  claimDue,
  insertEscalation,
  purgeTrail,
  retryNow,
  type StoreData,
} from './store-data.js';
import { createWriteQueue } from './write-queue.js';
import type { QuestionLogMethods } from './question-log.js';
import type { RecordMethods } from './record-docs.js';

export interface DataStoreOptions {
  /** Re-reads the last good document after a failed write, so memory never runs ahead of disk. */
  reload: () => Promise<StoreData>;
  /** Called once by close() (releases the file lock). */
  onClose?: () => Promise<void>;
  /** Names the store in errors ("the store file /data/assistant.json"). */
  describe: string;
  /** Hears about records set aside as malformed. */
  logger?: Logger;
}

/** What the escalation document answers: escalations, audit, the delivery queue, health. */
export type EscalationMethods = Omit<Store, keyof QuestionLogMethods | keyof RecordMethods>;

const clone = <T>(v: T): T => structuredClone(v);

/** Builds a Store over `low`, whose data has already been read and validated. */
export function createDataStore(low: Low<StoreData>, options: DataStoreOptions): EscalationMethods {
  const queue = createWriteQueue(low, options);
  const write = queue.write;
  let closed = false;

  const data = () => low.data;
  const setAside = (q: { key: string; problem: string }) =>
    options.logger?.error('store: a malformed delivery was set aside (quarantined); the others go on', { delivery: q.key, problem: q.problem, store: options.describe });

  return {
    createEscalation: (draft, audit, deliveries) =>
      write((d) => clone(insertEscalation(d, draft, audit, deliveries))),

    getEscalation: async (ref) => {
      const e = data().escalations[ref];
      return e ? clone(e) : undefined;
    },

    updateEscalation: (ref, change) =>
      write((d) => {
        const current = d.escalations[ref];
        if (!current) return undefined;
        const result = change(clone(current));
        if (!result) return { escalation: clone(current), changed: false };
        const now = new Date().toISOString();
        const next: Escalation = { ...result.escalation, ref, version: current.version + 1 };
        d.escalations[ref] = next;
        if (result.purge) purgeTrail(d, ref);
        addAudit(d, ref, result.audit);
        addDeliveries(d, ref, result.deliveries, now);
        return { escalation: clone(next), changed: true };
      }),

    listEscalations: async (query) => clone(queryEscalations(Object.values(data().escalations), query)),

    listAudit: async (ref) => clone(data().audit.filter((a) => a.ref === ref)),

    ...headQuestionMethods(write, data),

    claimDueDeliveries: (now, limit, leaseMs) => write((d) => clone(claimDue(d, now, limit, leaseMs, setAside))),

    recordDelivery: (id, result) => write((d) => clone(applyResult(d, id, result))),

    retryDeliveriesTo: (platform, tenant, now) => write((d) => retryNow(d, platform, tenant, now)),

    listDeliveries: async (ref) =>
      clone(Object.values(data().deliveries).filter((x) => x.ref === ref).sort((a, b) => a.createdAt.localeCompare(b.createdAt))),

    getDelivery: async (id) => {
      const x = data().deliveries[id];
      return x ? clone(x) : undefined;
    },

    health: async () => healthOf(data()),

    close: async () => {
      if (closed) return;
      closed = true;
      // Let queued changes finish before the file is released.
      await queue.close();
      await options.onClose?.();
    },
  };
}

function applyResult(d: StoreData, id: string, result: DeliveryResult): Delivery {
  const delivery = d.deliveries[id];
  if (!delivery) throw new StoreError('not_found', `No delivery ${id}.`);
  delivery.attempts += 1;
  delete delivery.leaseUntil;
  if (result.ok) {
    delivery.state = 'sent';
    delivery.messageId = result.messageId;
    delivery.sentAt = result.at;
    delete delivery.lastError;
  } else {
    delivery.state = 'retrying';
    delivery.lastError = result.error;
    delivery.nextAttemptAt = result.nextAttemptAt;
  }
  return delivery;
}

function healthOf(d: StoreData): StoreHealth {
  let undelivered = 0;
  let oldest: string | undefined;
  for (const x of Object.values(d.deliveries)) {
    if (x.state === 'sent') continue;
    undelivered++;
    if (!oldest || x.createdAt < oldest) oldest = x.createdAt;
  }
  return { undelivered, ...(oldest ? { oldestUndeliveredAt: oldest } : {}), quarantined: Object.keys(d.quarantine ?? {}).length };
}

/** Filters and orders escalations as EscalationQuery says: newest first, default 50. */
export function queryEscalations(all: Escalation[], q: EscalationQuery): Escalation[] {
  return all
    .filter((e) => !q.school || e.school === q.school)
    .filter((e) => !q.status || q.status.includes(e.status))
    .filter((e) => !q.reporter || (e.reporter.platform === q.reporter.platform && e.reporter.userId === q.reporter.userId))
    .filter((e) => q.overdue === undefined || e.overdue === q.overdue)
    .filter((e) => !q.since || e.createdAt >= q.since)
    .filter((e) => !q.dueBefore || Date.parse(e.dueAt) <= Date.parse(q.dueBefore))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.ref.localeCompare(a.ref))
    .slice(0, q.limit ?? 50);
}
