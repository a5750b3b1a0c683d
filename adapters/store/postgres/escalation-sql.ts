// Escalations, their audit trail and their deliveries as SQL: rows are written from whole records
// (JSONB), and the queried columns are derived from the record in SQL so the two never disagree.

import type { PoolClient } from 'pg';
import type { AuditEvent, Delivery, Escalation } from '../../../bot/escalations/model.js';
import type { EscalationQuery } from '../../../bot/ports/store.js';

/**
 * Creates an escalation with its audit events and deliveries in ONE statement (one transaction):
 * the number from the year's sequence, the record and its rows commit together or not at all.
 */
export async function createEscalationRow(
  client: Pick<PoolClient, 'query'>,
  year: number,
  sequence: string,
  draft: Omit<Escalation, 'ref' | 'version'>,
  audit: Omit<AuditEvent, 'ref'>[],
  deliveries: Omit<Delivery, 'ref'>[],
): Promise<Escalation> {
  const { rows } = await client.query<{ record: Escalation }>(
    `WITH n AS (
       SELECT nextval($5::regclass) AS last
     ), r AS (
       -- ESC-2026-0042: four digits at least, more once a year passes 9,999 escalations.
       SELECT 'ESC-' || $1::integer::text || '-' || CASE WHEN last < 10000 THEN lpad(last::text, 4, '0') ELSE last::text END AS ref FROM n
     ), e AS (
       INSERT INTO escalations (ref, school, status, reporter_platform, reporter_user, created_at, due_at, overdue, version, record)
       SELECT ${escalationColumnList('x')} FROM (SELECT $2::jsonb || jsonb_build_object('ref', r.ref, 'version', 1) AS x FROM r) AS s
       RETURNING ref, record
     ), a AS (
       INSERT INTO audit_events (id, ref, at, record)
       SELECT y->>'id', e.ref, (y->>'at')::timestamptz, y || jsonb_build_object('ref', e.ref)
       FROM e, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(y, k) ORDER BY k
     ), d AS (
       INSERT INTO deliveries (id, ref, state, next_attempt_at, lease_until, created_at, record)
       SELECT ${deliveryColumnList('z')} FROM (
         SELECT z0 || jsonb_build_object('ref', e.ref) AS z, k FROM e, jsonb_array_elements($4::jsonb) WITH ORDINALITY AS t(z0, k)
       ) AS dz ORDER BY k
     )
     SELECT record FROM e`,
    [year, JSON.stringify(draft), JSON.stringify(audit), JSON.stringify(deliveries), sequence],
  );
  return rows[0].record;
}

/** Writes a changed escalation with its new audit events and deliveries in one statement. */
export async function writeChange(client: Pick<PoolClient, 'query'>, record: Escalation, audit: AuditEvent[], deliveries: Delivery[]): Promise<void> {
  await client.query(
    `WITH e AS (
       UPDATE escalations SET (ref, school, status, reporter_platform, reporter_user, created_at, due_at, overdue, version, record) =
         (SELECT ${escalationColumnList('x')} FROM (SELECT $2::jsonb AS x) AS s)
       WHERE ref = $1
     ), a AS (
       INSERT INTO audit_events (id, ref, at, record)
       SELECT y->>'id', y->>'ref', (y->>'at')::timestamptz, y FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(y, k) ORDER BY k
     )
     INSERT INTO deliveries (id, ref, state, next_attempt_at, lease_until, created_at, record)
     SELECT ${deliveryColumnList('z')} FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS t(z, k) ORDER BY k`,
    [record.ref, JSON.stringify(record), JSON.stringify(audit), JSON.stringify(deliveries)],
  );
}

function escalationColumnList(x: string): string {
  return `
  ${x}->>'ref', ${x}->>'school', ${x}->>'status', ${x}->'reporter'->>'platform', ${x}->'reporter'->>'userId',
  (${x}->>'createdAt')::timestamptz, (${x}->>'dueAt')::timestamptz, coalesce((${x}->>'overdue')::boolean, false),
  (${x}->>'version')::integer, ${x}`;
}

export function deliveryColumnList(z: string): string {
  return `
  ${z}->>'id', ${z}->>'ref', ${z}->>'state', (${z}->>'nextAttemptAt')::timestamptz, (${z}->>'leaseUntil')::timestamptz,
  (${z}->>'createdAt')::timestamptz, ${z}`;
}

/**
 * Inserts escalations in order. With `onlyIfNewer`, an existing ref is replaced only by a higher
 * version (re-running an import never rolls back later changes); otherwise a duplicate ref fails.
 */
export async function insertEscalations(client: PoolClient, records: Escalation[], onlyIfNewer = false): Promise<number> {
  if (records.length === 0) return 0;
  const conflict = onlyIfNewer
    ? `ON CONFLICT (ref) DO UPDATE SET school = EXCLUDED.school, status = EXCLUDED.status,
         reporter_platform = EXCLUDED.reporter_platform, reporter_user = EXCLUDED.reporter_user,
         created_at = EXCLUDED.created_at, due_at = EXCLUDED.due_at, overdue = EXCLUDED.overdue,
         version = EXCLUDED.version, record = EXCLUDED.record
       WHERE escalations.version < EXCLUDED.version`
    : '';
  const result = await client.query(
    `INSERT INTO escalations (ref, school, status, reporter_platform, reporter_user, created_at, due_at, overdue, version, record)
     SELECT ${escalationColumnList('x')} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n
     ${conflict}`,
    [JSON.stringify(records)],
  );
  return result.rowCount ?? 0;
}

/** Retention: deletes an escalation's audit trail and deliveries, inside the caller's transaction. */
export async function purgeTrail(client: Pick<PoolClient, 'query'>, ref: string): Promise<void> {
  await client.query('DELETE FROM audit_events WHERE ref = $1', [ref]);
  await client.query('DELETE FROM deliveries WHERE ref = $1', [ref]);
}

/** Locks and reads one escalation for a change (SELECT … FOR UPDATE). */
export async function lockEscalation(client: PoolClient, ref: string): Promise<Escalation | undefined> {
  const { rows } = await client.query<{ record: Escalation }>('SELECT record FROM escalations WHERE ref = $1 FOR UPDATE', [ref]);
  return rows[0]?.record;
}

/** Appends audit events in order; an id already present is left as it is (append-only). */
export async function insertAudit(client: PoolClient, events: AuditEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const result = await client.query(
    `INSERT INTO audit_events (id, ref, at, record)
     SELECT x->>'id', x->>'ref', (x->>'at')::timestamptz, x
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(events)],
  );
  return result.rowCount ?? 0;
}

/**
 * Inserts deliveries in order. With `onlyIfFurther`, an existing delivery is replaced only by one
 * that got further (more attempts, or sent); otherwise a duplicate id fails.
 */
export async function insertDeliveries(client: PoolClient, records: Delivery[], onlyIfFurther = false): Promise<number> {
  if (records.length === 0) return 0;
  const conflict = onlyIfFurther
    ? `ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, next_attempt_at = EXCLUDED.next_attempt_at,
         lease_until = EXCLUDED.lease_until, record = EXCLUDED.record
       WHERE deliveries.state <> 'sent' AND (EXCLUDED.state = 'sent' OR (EXCLUDED.record->>'attempts')::int > (deliveries.record->>'attempts')::int)`
    : '';
  const result = await client.query(
    `INSERT INTO deliveries (id, ref, state, next_attempt_at, lease_until, created_at, record)
     SELECT ${deliveryColumnList('x')} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n
     ${conflict}`,
    [JSON.stringify(records)],
  );
  return result.rowCount ?? 0;
}

/** The WHERE, ORDER and LIMIT of listEscalations: newest first, 50 unless asked. */
export function escalationListSql(query: EscalationQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    const numbered = values.reduce<string>((c, v) => {
      params.push(v);
      return c.replace('?', `$${params.length}`);
    }, clause);
    where.push(numbered);
  };
  if (query.school) add('school = ?', query.school);
  // A single status is written as an equality so the planner can use the partial index on open rows.
  if (query.status?.length === 1) add('status = ?', query.status[0]);
  else if (query.status !== undefined) add('status = ANY(?::text[])', query.status);
  if (query.reporter) add('reporter_platform = ? AND reporter_user = ?', query.reporter.platform, query.reporter.userId);
  if (query.overdue !== undefined) add('overdue = ?', query.overdue);
  if (query.since) add('created_at >= ?::timestamptz', query.since);
  // With status ['open'] this is the partial index escalations_open_due (due_at) WHERE status = 'open'.
  if (query.dueBefore) add('due_at <= ?::timestamptz', query.dueBefore);
  params.push(Math.max(0, Math.floor(query.limit ?? 50)));
  const sql = `SELECT record FROM escalations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY created_at DESC, seq DESC LIMIT $${params.length}`;
  return { sql, params };
}
