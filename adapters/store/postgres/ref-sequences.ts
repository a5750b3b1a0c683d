// Escalation numbers: one PostgreSQL sequence per year (escalation_ref_2026, …). nextval never
// waits for another transaction to commit, so instances submitting at once do not queue behind a
// counter row; a number is never handed out twice. (A failed insert leaves a gap, which is harmless.)

import type { PoolClient } from 'pg';
import { StoreError } from '../../../bot/errors.js';
import type { Db } from './db.js';

/** Which references a sequence numbers: escalations (ESC-…) or head questions (Q-…). */
export type RefKind = 'escalation' | 'question';

/** The sequence holding `year`'s escalation (or head-question) numbers. */
export function sequenceName(year: number, kind: RefKind = 'escalation'): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new StoreError('store_conflict', `No ${kind} references for the year ${year}.`);
  return `${kind}_ref_${year}`;
}

/** Remembers which years' sequences exist, creating each once per process (safe when instances race). */
export function createSequenceKeeper(db: Db, kind: RefKind = 'escalation'): (year: number) => Promise<string> {
  const known = new Set<number>();
  return async (year) => {
    const name = sequenceName(year, kind);
    if (known.has(year)) return name;
    await db.transaction('prepare the reference counter', async (client) => {
      // Two instances creating the same sequence at once can collide in the catalogue; take turns.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('school-assistant:sequence:' || current_schema() || $1))`, [name]);
      await client.query(`CREATE SEQUENCE IF NOT EXISTS ${name} AS bigint MINVALUE 1`);
    }, { idempotent: true });
    known.add(year);
    return name;
  };
}

/** Raises each year's sequence so its next number is above `counters[year]` (never lowers it). */
export async function raiseSequences(client: PoolClient, counters: Record<string, number>, kind: RefKind = 'escalation'): Promise<void> {
  for (const [year, last] of Object.entries(counters)) {
    const name = sequenceName(Number(year), kind);
    await client.query(`CREATE SEQUENCE IF NOT EXISTS ${name} AS bigint MINVALUE 1`);
    if (last < 1) continue;
    await client.query(
      `SELECT setval($1::regclass, GREATEST($2::bigint, (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ${name})))`,
      [name, last],
    );
  }
}

/** The last number handed out per year ("2026" → 42). */
export async function readSequences(client: Pick<PoolClient, 'query'>): Promise<Record<string, number>> {
  const { rows } = await client.query<{ name: string; last: string | null }>(
    `SELECT sequencename AS name, last_value AS last FROM pg_sequences
     WHERE schemaname = current_schema() AND sequencename LIKE 'escalation\\_ref\\_%' ORDER BY sequencename`,
  );
  return Object.fromEntries(rows.map((r) => [r.name.slice('escalation_ref_'.length), Number(r.last ?? 0)]));
}
