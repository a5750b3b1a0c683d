// The records written per message (handled event ids, report flows and other small state,
// conversation references, feedback), each collection a document of its own with its own write
// queue: handling a Slack event rewrites the handled-event document, never the escalations.

import type { Low } from 'lowdb';
import type { FeedbackRecord, Store } from '../../../bot/ports/store.js';
import { badRecordIn } from '../record-schemas.js';
import { pruneEvents, recordCollections, type QuarantinedRecord, type RecordData } from './store-data.js';
import { createWriteQueue, type WriteQueue } from './write-queue.js';

export type RecordMethods = Pick<
  Store,
  'getFlow' | 'saveFlow' | 'deleteFlow' | 'saveConversationRef' | 'getConversationRef' | 'addFeedback' | 'listFeedback' | 'forgetFeedbackBefore' | 'claimEvent'
>;

/** One collection's document: held in memory, re-read after a failed write. */
export interface RecordDoc<D> {
  low: Low<D>;
  reload: () => Promise<D>;
  describe: string;
}

export type RecordDocs = { [K in keyof RecordData]: RecordDoc<RecordData[K]> };

const hourMs = 3600 * 1000;
const weekMs = 7 * 24 * hourMs;
const clone = <T>(v: T): T => structuredClone(v);

/** The per-message record methods over their documents; close() lets each queue finish. */
export function createRecordStore(docs: RecordDocs): RecordMethods & { close(): Promise<void> } {
  const queue = <K extends keyof RecordData>(name: K): WriteQueue<RecordData[K]> =>
    createWriteQueue(docs[name].low as { data: RecordData[K]; write(): Promise<void> }, docs[name]);
  const events = queue('events');
  const flows = queue('flows');
  const refs = queue('conversationRefs');
  const feedback = queue('feedback');
  let lastPrune = 0;

  return {
    getFlow: async (key) => {
      const f = docs.flows.low.data[key];
      return f ? clone(f) : undefined;
    },
    saveFlow: (key, state) =>
      flows.write((d) => {
        d[key] = { key, state: clone(state), updatedAt: new Date().toISOString() };
      }),
    deleteFlow: (key) =>
      flows.write((d) => {
        delete d[key];
      }),

    saveConversationRef: (platform, userId, ref) =>
      refs.write((d) => {
        d[`${platform}:${userId}`] = clone(ref);
      }),
    getConversationRef: async (platform, userId) => clone(docs.conversationRefs.low.data[`${platform}:${userId}`]),

    addFeedback: (record) =>
      feedback.write((d) => {
        d.push(clone(record));
      }),
    listFeedback: async (limit = 100) => clone(docs.feedback.low.data.slice(-limit).reverse()),
    forgetFeedbackBefore: (before, school) => {
      const cutoff = Date.parse(before);
      if (Number.isNaN(cutoff)) return Promise.resolve(0);
      const old = (f: FeedbackRecord) => Date.parse(f.at) < cutoff && (school === undefined || f.school === school);
      if (!docs.feedback.low.data.some(old)) return Promise.resolve(0);
      return feedback.write((d) => {
        const keep = d.filter((f) => !old(f));
        const gone = d.length - keep.length;
        d.splice(0, d.length, ...keep);
        return gone;
      });
    },

    claimEvent: (key) =>
      events.write((d) => {
        if (d[key]) return false;
        const now = new Date();
        // Pruning scans every key: once an hour is plenty for a week-long window (it was a hot spot).
        if (now.getTime() - lastPrune >= hourMs) {
          pruneEvents(d, now, weekMs);
          lastPrune = now.getTime();
        }
        d[key] = now.toISOString();
        return true;
      }),

    close: async () => {
      await Promise.all([events, flows, refs, feedback].map((q) => q.close()));
    },
  };
}

/**
 * Takes the malformed records out of freshly read collections and returns them set aside, each
 * named with its collection and key (or position in a list), so one bad record blocks nothing.
 */
export function setAsideBadRecords(data: RecordData, at: string): QuarantinedRecord[] {
  const out: QuarantinedRecord[] = [];
  for (const collection of recordCollections) {
    const held = data[collection] as Record<string, unknown> | unknown[];
    if (Array.isArray(held)) {
      const good = held.filter((record, i) => {
        const problem = badRecordIn(collection, String(i), record);
        if (problem) out.push({ collection, key: `${i + 1}`, problem, at, record });
        return !problem;
      });
      held.splice(0, held.length, ...good);
      continue;
    }
    for (const [key, record] of Object.entries(held)) {
      const problem = badRecordIn(collection, key, record);
      if (!problem) continue;
      out.push({ collection, key, problem, at, record });
      delete held[key];
    }
  }
  return out;
}
