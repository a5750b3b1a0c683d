// The delivery queue on PostgreSQL: due deliveries are leased with FOR UPDATE SKIP LOCKED, so two
// instances polling at once never claim (and send) the same one.

import type { Delivery } from '../../../bot/escalations/model.js';
import { StoreError } from '../../../bot/errors.js';
import type { DeliveryResult, Store } from '../../../bot/ports/store.js';
import { deliverySchema, recordProblem } from '../record-schemas.js';
import type { Db } from './db.js';

type DeliveryMethods = Pick<Store, 'claimDueDeliveries' | 'recordDelivery' | 'retryDeliveriesTo' | 'listDeliveries' | 'getDelivery' | 'health'>;

export function createDeliveryQueue(db: Db): DeliveryMethods {
  return {
    async claimDueDeliveries(now, limit, leaseMs) {
      if (limit <= 0) return [];
      const leaseUntil = new Date(now.getTime() + leaseMs);
      // One statement: lock the due rows nobody else holds, then lease them. A row leased by
      // another instance is either locked (skipped) or, once committed, no longer due.
      const rows = await db.write<{ record: Delivery; seq: string; id: string }>(
        'claim due deliveries',
        `WITH due AS (
           SELECT id FROM deliveries
           WHERE state <> 'sent' AND state <> 'quarantined' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY next_attempt_at, seq
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE deliveries AS d
         SET lease_until = $3,
             record = d.record || jsonb_build_object('leaseUntil', $4::text, 'claims', coalesce((d.record->>'claims')::int, 0) + 1)
         FROM due WHERE d.id = due.id
         RETURNING d.id, d.record, d.seq`,
        [now, Math.floor(limit), leaseUntil, leaseUntil.toISOString()],
      );
      // RETURNING has no order of its own: due first, then in the order they were queued.
      const claimed = rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      return (await setAsideMalformed(db, claimed)).sort(byDue);
    },

    recordDelivery(id, result) {
      return db.transaction('record a delivery attempt', async (client) => {
        const { rows } = await client.query<{ record: Delivery }>('SELECT record FROM deliveries WHERE id = $1 FOR UPDATE', [id]);
        if (!rows[0]) throw new StoreError('not_found', `No delivery ${id}.`);
        const next = afterAttempt(rows[0].record, result);
        await client.query(
          `UPDATE deliveries SET state = $2, next_attempt_at = $3, lease_until = NULL, record = $4::jsonb WHERE id = $1`,
          [id, next.state, next.nextAttemptAt, JSON.stringify(next)],
        );
        return next;
      });
    },

    async retryDeliveriesTo(platform, tenant, now) {
      const rows = await db.write<{ id: string }>(
        'bring a workspace\'s deliveries forward',
        `UPDATE deliveries
         SET next_attempt_at = $3, record = record || jsonb_build_object('nextAttemptAt', $4::text)
         WHERE state <> 'sent' AND state <> 'quarantined' AND next_attempt_at > $3
           AND record->'to'->>'platform' = $1 AND record->'to'->>'tenant' = $2
         RETURNING id`,
        [platform, tenant, now, now.toISOString()],
      );
      return rows.length;
    },

    async listDeliveries(ref) {
      const rows = await db.read<{ record: Delivery }>('list deliveries', 'SELECT record FROM deliveries WHERE ref = $1 ORDER BY seq', [ref]);
      return rows.map((r) => r.record).filter((d) => !recordProblem(deliverySchema, d));
    },

    async getDelivery(id) {
      const rows = await db.read<{ record: Delivery }>('read a delivery', 'SELECT record FROM deliveries WHERE id = $1', [id]);
      const d = rows[0]?.record;
      return d && !recordProblem(deliverySchema, d) ? d : undefined;
    },

    async health() {
      const rows = await db.read<{ undelivered: string; oldest: Date | null; quarantined: string }>(
        'check the delivery backlog',
        `SELECT count(*) FILTER (WHERE state <> 'quarantined') AS undelivered,
                min(created_at) FILTER (WHERE state <> 'quarantined') AS oldest,
                count(*) FILTER (WHERE state = 'quarantined') AS quarantined
         FROM deliveries WHERE state <> 'sent'`,
      );
      const r = rows[0];
      return { undelivered: Number(r.undelivered), ...(r.oldest ? { oldestUndeliveredAt: r.oldest.toISOString() } : {}), quarantined: Number(r.quarantined) };
    },
  };
}

/** The delivery after one attempt: sent with its message id, or retrying later; the lease ends either way. */
export function afterAttempt(current: Delivery, result: DeliveryResult): Delivery {
  const { leaseUntil: _lease, ...rest } = current;
  if (result.ok) {
    const { lastError: _error, ...sent } = rest;
    return { ...sent, state: 'sent', attempts: current.attempts + 1, messageId: result.messageId, sentAt: result.at };
  }
  return { ...rest, state: 'retrying', attempts: current.attempts + 1, lastError: result.error, nextAttemptAt: result.nextAttemptAt };
}

/**
 * Claimed rows whose record is malformed are set aside (state 'quarantined', never claimed again)
 * and logged with the reason; the well-formed ones are returned to be sent.
 */
async function setAsideMalformed(db: Db, claimed: { id: string; record: Delivery }[]): Promise<Delivery[]> {
  const good: Delivery[] = [];
  for (const { id, record } of claimed) {
    const problem = recordProblem(deliverySchema, record) ?? (record.id === id ? undefined : 'its id is not the row it is filed under');
    if (!problem) {
      good.push(record);
      continue;
    }
    db.logger.error('store: a malformed delivery was set aside (quarantined); the others go on', { delivery: id, problem });
    await db.write('set a malformed delivery aside', `UPDATE deliveries SET state = 'quarantined' WHERE id = $1`, [id]);
  }
  return good;
}

function byDue(a: Delivery, b: Delivery): number {
  return Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt);
}
