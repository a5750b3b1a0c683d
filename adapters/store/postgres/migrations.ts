// The schema, as numbered migrations applied in order at start. Each runs once (recorded in
// schema_migrations), all pending ones in one transaction, under an advisory lock so instances
// starting together take turns. Never edit a released migration: add the next one.

import type { Db } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'escalations, audit, deliveries, flows, conversation refs, feedback, processed events',
    sql: `
      -- Escalation numbers come from one sequence per year, created when the year's first
      -- report arrives (ref-sequences.ts).
      -- The record is the source of truth; the columns beside it are what queries filter on.
      CREATE TABLE escalations (
        ref text PRIMARY KEY,
        seq bigserial UNIQUE,
        school text NOT NULL,
        status text NOT NULL,
        reporter_platform text NOT NULL,
        reporter_user text NOT NULL,
        created_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        overdue boolean NOT NULL,
        version integer NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX escalations_school_created ON escalations (school, created_at DESC, seq DESC);
      CREATE INDEX escalations_created ON escalations (created_at DESC, seq DESC);
      CREATE INDEX escalations_reporter ON escalations (reporter_platform, reporter_user, created_at DESC);
      CREATE INDEX escalations_open_due ON escalations (due_at) WHERE status = 'open';

      CREATE TABLE audit_events (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        ref text NOT NULL REFERENCES escalations (ref),
        at timestamptz NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX audit_events_ref ON audit_events (ref, seq);

      CREATE TABLE deliveries (
        id text PRIMARY KEY,
        seq bigserial UNIQUE,
        ref text NOT NULL REFERENCES escalations (ref),
        state text NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        created_at timestamptz NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX deliveries_ref ON deliveries (ref, seq);
      CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state <> 'sent';

      CREATE TABLE flows (
        key text PRIMARY KEY,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );

      CREATE TABLE conversation_refs (
        platform text NOT NULL,
        user_id text NOT NULL,
        ref jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (platform, user_id)
      );

      -- One row per answer, person and moment: copying the same feedback twice keeps one.
      CREATE TABLE feedback (
        seq bigserial PRIMARY KEY,
        answer_id text NOT NULL,
        school text NOT NULL,
        by_platform text NOT NULL,
        by_user text NOT NULL,
        at timestamptz NOT NULL,
        record jsonb NOT NULL,
        UNIQUE (answer_id, by_platform, by_user, at)
      );

      CREATE TABLE processed_events (
        key text PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: 'question log',
    sql: `
      -- One row per policy question answered; the record is the source of truth, the columns
      -- are what the gaps view and retention filter on.
      CREATE TABLE question_log (
        id text PRIMARY KEY,
        seq bigserial UNIQUE,
        school text NOT NULL,
        at timestamptz NOT NULL,
        answer_id text NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX question_log_school_at ON question_log (school, at DESC, seq DESC);
      CREATE INDEX question_log_at ON question_log (at);
      CREATE INDEX question_log_answer ON question_log (answer_id);
    `,
  },
  {
    version: 3,
    name: 'head questions ("Ask the head"): their own table; audit events and deliveries may belong to one',
    sql: `
      -- A head question's audit trail and direct messages share the escalations' tables, so a
      -- row's ref is an ESC- or a Q- reference and no longer a key of escalations alone.
      ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS audit_events_ref_fkey;
      ALTER TABLE deliveries DROP CONSTRAINT IF EXISTS deliveries_ref_fkey;

      -- Numbers come from one sequence per year (question_ref_2026, …), as for escalations.
      CREATE TABLE head_questions (
        ref text PRIMARY KEY,
        seq bigserial UNIQUE,
        school text NOT NULL,
        status text NOT NULL,
        shared boolean NOT NULL,
        asked_platform text NOT NULL,
        asked_user text NOT NULL,
        created_at timestamptz NOT NULL,
        version integer NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX head_questions_school_created ON head_questions (school, created_at DESC, seq DESC);
      CREATE INDEX head_questions_shared ON head_questions (school) WHERE shared;
    `,
  },
];

/** Applies every migration not yet recorded; safe to call from several instances at once. */
export async function migrate(db: Db, list: Migration[] = migrations): Promise<number[]> {
  return db.transaction('migrate the schema', async (client) => {
    // A transaction-scoped advisory lock per schema, taken first: the second instance waits here,
    // then finds every migration recorded and does nothing. Released at COMMIT or ROLLBACK.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('school-assistant:migrate:' || $1))`, [db.schema]);
    if (db.schema !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...list].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    if (applied.length) db.logger.info('store: PostgreSQL schema migrated', { schema: db.schema, applied });
    return applied;
  });
}
