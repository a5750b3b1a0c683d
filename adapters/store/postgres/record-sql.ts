// The store's smaller records on PostgreSQL: report flows in progress, platform conversation
// references, answer feedback, and the processed-event keys that make platform retries harmless.

import type { Clock } from '../../../bot/ports/clock.js';
import type { FeedbackRecord, FlowRecord, Store } from '../../../bot/ports/store.js';
import type { Db } from './db.js';

type RecordMethods = Pick<
  Store,
  'getFlow' | 'saveFlow' | 'deleteFlow' | 'saveConversationRef' | 'getConversationRef' | 'addFeedback' | 'listFeedback' | 'forgetFeedbackBefore' | 'claimEvent'
>;

const eventKeepMs = 7 * 24 * 3600 * 1000;
const pruneEveryMs = 3600 * 1000;

export function createSmallRecords(db: Db, clock: Clock): RecordMethods {
  let lastPrune = 0;
  /** Platforms stop retrying within minutes: event keys older than a week go, at most hourly per instance. */
  async function pruneEventsNow(now: Date): Promise<void> {
    if (now.getTime() - lastPrune < pruneEveryMs) return;
    lastPrune = now.getTime();
    await db
      .write('prune handled events', 'DELETE FROM processed_events WHERE at < $1', [new Date(now.getTime() - eventKeepMs)])
      .catch(() => undefined); // already logged; pruning is housekeeping and must not fail the claim
  }

  return {
    async getFlow(key) {
      const rows = await db.read<{ state: unknown; updated_at: Date }>('read a report in progress', 'SELECT state, updated_at FROM flows WHERE key = $1', [key]);
      return rows[0] ? ({ key, state: rows[0].state, updatedAt: rows[0].updated_at.toISOString() } satisfies FlowRecord) : undefined;
    },

    async saveFlow(key, state) {
      await db.write(
        'save a report in progress',
        `INSERT INTO flows (key, state, updated_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
        [key, jsonOf(state), clock.now()],
      );
    },

    async deleteFlow(key) {
      await db.write('forget a report in progress', 'DELETE FROM flows WHERE key = $1', [key]);
    },

    async saveConversationRef(platform, userId, ref) {
      await db.write(
        'save a conversation reference',
        `INSERT INTO conversation_refs (platform, user_id, ref, updated_at) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (platform, user_id) DO UPDATE SET ref = EXCLUDED.ref, updated_at = EXCLUDED.updated_at`,
        [platform, userId, jsonOf(ref), clock.now()],
      );
    },

    async getConversationRef(platform, userId) {
      const rows = await db.read<{ ref: unknown }>(
        'read a conversation reference',
        'SELECT ref FROM conversation_refs WHERE platform = $1 AND user_id = $2',
        [platform, userId],
      );
      return rows[0]?.ref;
    },

    async addFeedback(feedback) {
      await insertFeedback(db, [feedback]);
    },

    async listFeedback(limit = 100) {
      const rows = await db.read<{ record: FeedbackRecord }>(
        'list feedback',
        'SELECT record FROM feedback ORDER BY seq DESC LIMIT $1',
        [Math.max(0, Math.floor(limit))],
      );
      return rows.map((r) => r.record);
    },

    async forgetFeedbackBefore(before, school) {
      const cutoff = new Date(before);
      if (Number.isNaN(cutoff.getTime())) return 0;
      const rows = await db.write<{ seq: string }>(
        'forget old feedback',
        'DELETE FROM feedback WHERE at < $1 AND ($2::text IS NULL OR school = $2) RETURNING seq',
        [cutoff, school ?? null],
      );
      return rows.length;
    },

    async claimEvent(key) {
      // The primary key decides: of any number of concurrent inserts, on any instance, one wins.
      const rows = await db.write<{ key: string }>(
        'record a handled event',
        'INSERT INTO processed_events (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
        [key, clock.now()],
      );
      await pruneEventsNow(clock.now());
      return rows.length === 1;
    },
  };
}

/** Inserts feedback in order; the same answer, person and time twice is kept once. */
export async function insertFeedback(db: Pick<Db, 'write'>, records: FeedbackRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const rows = await db.write<{ seq: string }>(
    'save feedback',
    `INSERT INTO feedback (answer_id, school, by_platform, by_user, at, record)
     SELECT x->>'answerId', x->>'school', x->'by'->>'platform', x->'by'->>'userId', (x->>'at')::timestamptz, x
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n
     ON CONFLICT (answer_id, by_platform, by_user, at) DO NOTHING
     RETURNING seq`,
    [JSON.stringify(records)],
  );
  return rows.length;
}

/** JSON text for a jsonb parameter: pg would send a JS array as a PostgreSQL array otherwise. */
export function jsonOf(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}
