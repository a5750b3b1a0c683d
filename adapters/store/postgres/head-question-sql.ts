// Head questions ("Ask the head") on PostgreSQL: their own table, numbered from a sequence per year
// like escalations, with their audit events and deliveries in the escalations' tables, written in
// the same transaction as the question.

import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { AuditDraft, AuditEvent, Delivery, DeliveryDraft } from '../../../bot/escalations/model.js';
import { isShared, type HeadQuestion, type HeadQuestionQuery } from '../../../bot/head-questions/model.js';
import type { Clock } from '../../../bot/ports/clock.js';
import type { Store } from '../../../bot/ports/store.js';
import type { Db } from './db.js';
import { insertAudit, insertDeliveries } from './escalation-sql.js';
import { createSequenceKeeper } from './ref-sequences.js';

type HeadQuestionMethods = Pick<Store, 'createHeadQuestion' | 'getHeadQuestion' | 'updateHeadQuestion' | 'listHeadQuestions' | 'appendTrail'>;

export function createHeadQuestionRows(db: Db, clock: Clock): HeadQuestionMethods {
  const sequenceFor = createSequenceKeeper(db, 'question');
  const trail = (ref: string, audit: AuditDraft[], deliveries: DeliveryDraft[]) => {
    const createdAt = clock.now().toISOString();
    return {
      audit: audit.map((a): AuditEvent => ({ ...a, id: randomUUID(), ref })),
      deliveries: deliveries.map((d): Delivery => ({ ...d, id: randomUUID(), ref, state: 'pending', attempts: 0, createdAt })),
    };
  };
  async function write(client: PoolClient, q: HeadQuestion, audit: AuditDraft[], deliveries: DeliveryDraft[], insert: boolean): Promise<void> {
    const row = [q.ref, q.school, q.status, isShared(q), q.askedBy.platform, q.askedBy.userId, q.createdAt, q.version, JSON.stringify(q)];
    await client.query(
      insert
        ? `INSERT INTO head_questions (ref, school, status, shared, asked_platform, asked_user, created_at, version, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`
        : `UPDATE head_questions SET school = $2, status = $3, shared = $4, asked_platform = $5, asked_user = $6, created_at = $7, version = $8, record = $9::jsonb WHERE ref = $1`,
      row,
    );
    const rows = trail(q.ref, audit, deliveries);
    await insertAudit(client, rows.audit);
    await insertDeliveries(client, rows.deliveries);
  }

  return {
    async createHeadQuestion(draft, audit, deliveries) {
      const year = Number(/^(\d{4})-/.exec(draft.createdAt)?.[1] ?? clock.now().getUTCFullYear());
      const sequence = await sequenceFor(year);
      // Not retried on a dropped connection: the caller is told to try again, never given a second copy.
      return db.transaction('save a question for the head', async (client) => {
        const { rows } = await client.query<{ n: string }>('SELECT nextval($1::regclass) AS n', [sequence]);
        const n = Number(rows[0].n);
        const question: HeadQuestion = { ...draft, ref: `Q-${year}-${n < 10000 ? String(n).padStart(4, '0') : n}`, version: 1 };
        await write(client, question, audit, deliveries, true);
        return question;
      });
    },

    async getHeadQuestion(ref) {
      const rows = await db.read<{ record: HeadQuestion }>('read a question for the head', 'SELECT record FROM head_questions WHERE ref = $1', [ref]);
      return rows[0]?.record;
    },

    updateHeadQuestion(ref, change) {
      return db.transaction('save a change to a question for the head', async (client) => {
        const { rows } = await client.query<{ record: HeadQuestion }>('SELECT record FROM head_questions WHERE ref = $1 FOR UPDATE', [ref]);
        const current = rows[0]?.record;
        if (!current) return undefined;
        const proposed = change(structuredClone(current));
        if (!proposed) return { question: current, changed: false };
        const question: HeadQuestion = { ...proposed.question, ref: current.ref, version: current.version + 1 };
        await write(client, question, proposed.audit, proposed.deliveries, false);
        return { question, changed: true };
      });
    },

    async appendTrail(ref, audit, deliveries) {
      const rows = trail(ref, audit, deliveries);
      await db.transaction('save a digest or a viewed question', async (client) => {
        await insertAudit(client, rows.audit);
        await insertDeliveries(client, rows.deliveries);
      });
    },

    async listHeadQuestions(query) {
      const { sql, params } = listSql(query);
      return (await db.read<{ record: HeadQuestion }>('list questions for the head', sql, params)).map((r) => r.record);
    },
  };
}

/** The WHERE, ORDER and LIMIT of listHeadQuestions: newest first, 50 unless asked. */
function listSql(q: HeadQuestionQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (q.school) where.push(`school = ${param(q.school)}`);
  if (q.status) where.push(`status = ANY(${param(q.status)}::text[])`);
  if (q.shared !== undefined) where.push(`shared = ${param(q.shared)}`);
  if (q.askedBy) where.push(`asked_platform = ${param(q.askedBy!.platform)} AND asked_user = ${param(q.askedBy!.userId)}`);
  if (q.since) where.push(`created_at >= ${param(q.since)}::timestamptz`);
  const limit = param(Math.max(0, Math.floor(q.limit ?? 50)));
  return { sql: `SELECT record FROM head_questions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, seq DESC LIMIT ${limit}`, params };
}
