// The Store on PostgreSQL, shared by every instance: references from a per-year counter row, each
// change in one transaction under a row lock, deliveries claimed with FOR UPDATE SKIP LOCKED.

import { randomUUID } from 'node:crypto';
import type { AuditDraft, AuditEvent, Delivery, DeliveryDraft, Escalation } from '../../../bot/escalations/model.js';
import { StoreError } from '../../../bot/errors.js';
import type { Clock } from '../../../bot/ports/clock.js';
import { systemClock } from '../../../bot/ports/clock.js';
import type { Logger } from '../../../bot/ports/logger.js';
import { silentLogger } from '../../../bot/ports/logger.js';
import type { Store } from '../../../bot/ports/store.js';
import { createDb, type Db, type DbConfig } from './db.js';
import { isConnectionError } from './errors.js';
import { createDeliveryQueue } from './delivery-sql.js';
import { createEscalationRow, escalationListSql, lockEscalation, purgeTrail, writeChange } from './escalation-sql.js';
import { createHeadQuestionRows } from './head-question-sql.js';
import { migrate } from './migrations.js';
import { createSequenceKeeper } from './ref-sequences.js';
import { createSmallRecords } from './record-sql.js';
import { createQuestionLogSql } from './question-sql.js';

export interface PostgresStoreConfig extends Omit<DbConfig, 'logger'> {
  logger?: Logger;
  /** Stamps the store's own times (delivery createdAt, flow updatedAt); tests move it. */
  clock?: Clock;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

/** Opens the pool, migrates the schema, and returns the Store. Rejects with a StoreError if unreachable. */
export async function createPostgresStore(config: PostgresStoreConfig): Promise<Store> {
  const logger = config.logger ?? silentLogger;
  const clock = config.clock ?? systemClock;
  const db = createDb({ ...config, logger });
  try {
    if (config.migrate !== false) await migrate(db);
  } catch (error) {
    await db.close();
    if (error instanceof StoreError) throw error;
    // e.g. a DATABASE_URL pg cannot parse: say so without echoing the URL (it may hold a password).
    throw new StoreError('store_unavailable', `The PostgreSQL store could not be opened: ${(error as Error).message}`, { cause: error });
  }
  return {
    ...escalations(db, clock),
    ...createDeliveryQueue(db),
    ...createSmallRecords(db, clock),
    ...createQuestionLogSql(db, logger),
    ...createHeadQuestionRows(db, clock),
    close: () => db.close(),
  };
}

type EscalationMethods = Pick<Store, 'createEscalation' | 'getEscalation' | 'updateEscalation' | 'listEscalations' | 'listAudit'>;

function escalations(db: Db, clock: Clock): EscalationMethods {
  const sequenceFor = createSequenceKeeper(db);
  // Ids are made here; the ref is filled in by SQL on create (it is allocated there).
  const auditRecords = (drafts: AuditDraft[]): Omit<AuditEvent, 'ref'>[] => drafts.map((d) => ({ ...d, id: randomUUID() }));
  const deliveryRecords = (drafts: DeliveryDraft[]): Omit<Delivery, 'ref'>[] => {
    const createdAt = clock.now().toISOString();
    return drafts.map((d) => ({ ...d, id: randomUUID(), state: 'pending', attempts: 0, createdAt }));
  };

  return {
    async createEscalation(draft, audit, deliveries) {
      // One statement is one transaction: the ref, the record, its audit and deliveries together.
      const year = yearOf(draft.createdAt, clock);
      const sequence = await sequenceFor(year);
      const rows = { audit: auditRecords(audit), deliveries: deliveryRecords(deliveries) };
      const save = () => db.run('save a new escalation', (client) => createEscalationRow(client, year, sequence, draft, rows.audit, rows.deliveries));
      try {
        return await save();
      } catch (error) {
        // A connection lost mid-statement may have committed or not: the row ids made here say
        // which, so the report is neither lost nor saved twice.
        if (!(error instanceof StoreError) || !isConnectionError(error.cause)) throw error;
        const marker = rows.audit[0]?.id ?? rows.deliveries[0]?.id;
        if (!marker) throw error;
        const saved = await findCreated(db, marker);
        return saved ?? (await save());
      }
    },

    async getEscalation(ref) {
      const rows = await db.read<{ record: Escalation }>('read an escalation', 'SELECT record FROM escalations WHERE ref = $1', [ref]);
      return rows[0]?.record;
    },

    updateEscalation(ref, change) {
      return db.transaction('save a change to an escalation', async (client) => {
        const current = await lockEscalation(client, ref);
        if (!current) return undefined;
        const proposed = change(current);
        if (!proposed) return { escalation: current, changed: false };
        // The store owns identity and versioning, whatever the change function returned.
        const escalation: Escalation = { ...proposed.escalation, ref: current.ref, version: current.version + 1 };
        const withRef = <T>(rows: T[]) => rows.map((row) => ({ ...row, ref: current.ref }));
        if (proposed.purge) await purgeTrail(client, current.ref);
        await writeChange(client, escalation, withRef(auditRecords(proposed.audit)), withRef(deliveryRecords(proposed.deliveries)));
        return { escalation, changed: true };
      });
    },

    async listEscalations(query) {
      const { sql, params } = escalationListSql(query);
      return (await db.read<{ record: Escalation }>('list escalations', sql, params)).map((r) => r.record);
    },

    async listAudit(ref) {
      const rows = await db.read<{ record: AuditEvent }>('read an audit trail', 'SELECT record FROM audit_events WHERE ref = $1 ORDER BY seq', [ref]);
      return rows.map((r) => r.record);
    },
  };
}

/** The escalation whose first audit event or delivery has this id, if that creation committed. */
async function findCreated(db: Db, rowId: string): Promise<Escalation | undefined> {
  const rows = await db.read<{ record: Escalation }>(
    'check whether a new escalation was saved',
    `SELECT e.record FROM escalations e
     WHERE e.ref = (SELECT ref FROM audit_events WHERE id = $1 UNION ALL SELECT ref FROM deliveries WHERE id = $1 LIMIT 1)`,
    [rowId],
  );
  return rows[0]?.record;
}

/** The reference year: the year the escalation's ISO createdAt is written in (as lowdb reads it), else the clock's. */
function yearOf(createdAt: string, clock: Clock): number {
  const m = /^(\d{4})-/.exec(createdAt);
  return m ? Number(m[1]) : clock.now().getUTCFullYear();
}
