// Copies a lowdb store document into PostgreSQL in one transaction, losing nothing and safe to
// repeat: rows already there are kept (or replaced only by a later version), counters only rise.

import { StoreError } from '../../../bot/errors.js';
import type { Escalation } from '../../../bot/escalations/model.js';
import type { FlowRecord } from '../../../bot/ports/store.js';
import type { StoreContents } from '../lowdb/read-contents.js';
import type { Db } from './db.js';
import { insertAudit, insertDeliveries, insertEscalations } from './escalation-sql.js';
import { migrate } from './migrations.js';
import { raiseSequences, readSequences } from './ref-sequences.js';

/** Per kind of record: how many the file held and how many were written (new or newer). */
export interface CopyCount {
  inFile: number;
  written: number;
}

export interface CopySummary {
  escalations: CopyCount;
  audit: CopyCount;
  deliveries: CopyCount;
  flows: CopyCount;
  conversationRefs: CopyCount;
  feedback: CopyCount;
  events: CopyCount;
  questions: CopyCount;
  headQuestions?: CopyCount;
  /** Each year's counter in PostgreSQL after the copy. */
  counters: Record<string, number>;
}

const chunkSize = 500;

/** Migrates the schema, then copies `data` in one transaction (all of it, or nothing). */
export async function copyStoreData(db: Db, data: StoreContents): Promise<CopySummary> {
  assertNoOrphans(data);
  await migrate(db);
  return db.transaction('copy the lowdb store into PostgreSQL', async (client) => {
    const escalations = Object.values(data.escalations);
    const deliveries = Object.values(data.deliveries);
    const summary: CopySummary = {
      escalations: { inFile: escalations.length, written: await chunked(escalations, (c) => insertEscalations(client, c, true)) },
      audit: { inFile: data.audit.length, written: await chunked(data.audit, (c) => insertAudit(client, c)) },
      deliveries: { inFile: deliveries.length, written: await chunked(deliveries, (c) => insertDeliveries(client, c, true)) },
      flows: { inFile: 0, written: 0 },
      conversationRefs: { inFile: 0, written: 0 },
      feedback: { inFile: data.feedback.length, written: 0 },
      events: { inFile: 0, written: 0 },
      questions: { inFile: data.questions.length, written: 0 },
      counters: {},
    };
    const q = async (sql: string, rows: unknown[]) =>
      rows.length === 0 ? 0 : ((await client.query(sql, [JSON.stringify(rows)])).rowCount ?? 0);

    const flows = Object.values(data.flows) as FlowRecord[];
    summary.flows = { inFile: flows.length, written: await q(flowSql, flows) };
    const refs = Object.entries(data.conversationRefs).map(([key, ref]) => ({ ...splitPersonKey(key), ref }));
    summary.conversationRefs = { inFile: refs.length, written: await q(conversationRefSql, refs) };
    summary.feedback.written = await chunked(data.feedback, (c) => q(feedbackSql, c));
    const events = Object.entries(data.events).map(([key, at]) => ({ key, at }));
    summary.events = { inFile: events.length, written: await chunked(events, (c) => q(eventSql, c)) };
    summary.questions.written = await chunked(data.questions, (c) => q(questionSql, c));
    const headQuestions = Object.values(data.headQuestions ?? {});
    summary.headQuestions = { inFile: headQuestions.length, written: await chunked(headQuestions, (c) => q(headQuestionSql, c)) };
    await raiseSequences(client, refCounters(data.questionCounters ?? {}, headQuestions.map((h) => h.ref), 'Q'), 'question');

    await raiseSequences(client, countersFor(data.counters, escalations));
    summary.counters = await readSequences(client);
    return summary;
  });
}

/** The file's counters, raised to the highest ref number present, so no copied ref is handed out again. */
export function countersFor(counters: Record<string, number>, escalations: Escalation[]): Record<string, number> {
  return refCounters(counters, escalations.map((e) => e.ref), 'ESC');
}

/** Counters per year for refs `<prefix>-<year>-<n>`: the file's, raised to the highest ref present. */
function refCounters(counters: Record<string, number>, refs: string[], prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [year, n] of Object.entries(counters)) if (/^\d{4}$/.test(year) && Number.isInteger(n)) out[year] = n;
  for (const ref of refs) {
    const m = new RegExp(`^${prefix}-(\\d{4})-(\\d+)$`).exec(ref);
    if (m) out[m[1]!] = Math.max(out[m[1]!] ?? 0, Number(m[2]));
  }
  return out;
}

// A head question already in PostgreSQL at a later version (the assistant ran there) is kept.
const headQuestionSql = `
  INSERT INTO head_questions (ref, school, status, shared, asked_platform, asked_user, created_at, version, record)
  SELECT x->>'ref', x->>'school', x->>'status',
         x->>'status' = 'answered' AND coalesce((x->'answer'->>'forEveryone')::boolean, false) AND x->'answer'->>'withdrawnAt' IS NULL,
         x->'askedBy'->>'platform', x->'askedBy'->>'userId', (x->>'createdAt')::timestamptz, (x->>'version')::integer, x
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n
  ON CONFLICT (ref) DO UPDATE SET status = EXCLUDED.status, shared = EXCLUDED.shared, version = EXCLUDED.version, record = EXCLUDED.record
  WHERE head_questions.version < EXCLUDED.version`;

/** Audit events and deliveries must belong to an escalation in the file; the copy refuses rather than drop any. */
function assertNoOrphans(data: StoreContents): void {
  // A trail belongs to an escalation, a head question, or a digest / opened question (appendTrail).
  const held = (ref: string) => Object.hasOwn(data.escalations, ref) || Object.hasOwn(data.headQuestions ?? {}, ref) || /^(digest|question):/.test(ref);
  const orphan = data.audit.find((a) => !held(a.ref)) ?? Object.values(data.deliveries).find((d) => !held(d.ref));
  if (orphan) {
    throw new StoreError('store_corrupt', `The file holds a record (${orphan.id}) for escalation ${orphan.ref}, which it does not hold; nothing was copied.`);
  }
}

/** lowdb keys conversation refs `platform:userId`; the platform never holds a colon, a user id may. */
function splitPersonKey(key: string): { platform: string; userId: string } {
  const i = key.indexOf(':');
  return { platform: key.slice(0, i), userId: key.slice(i + 1) };
}

async function chunked<T>(items: T[], write: (chunk: T[]) => Promise<number>): Promise<number> {
  let written = 0;
  for (let i = 0; i < items.length; i += chunkSize) written += await write(items.slice(i, i + chunkSize));
  return written;
}

// A flow in PostgreSQL newer than the file's (the assistant already ran there) is kept.
const flowSql = `
  INSERT INTO flows (key, state, updated_at)
  SELECT x->>'key', coalesce(x->'state', 'null'::jsonb), (x->>'updatedAt')::timestamptz FROM jsonb_array_elements($1::jsonb) AS t(x)
  ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at WHERE flows.updated_at < EXCLUDED.updated_at`;

const conversationRefSql = `
  INSERT INTO conversation_refs (platform, user_id, ref, updated_at)
  SELECT x->>'platform', x->>'userId', coalesce(x->'ref', 'null'::jsonb), now() FROM jsonb_array_elements($1::jsonb) AS t(x)
  ON CONFLICT (platform, user_id) DO NOTHING`;

const feedbackSql = `
  INSERT INTO feedback (answer_id, school, by_platform, by_user, at, record)
  SELECT x->>'answerId', x->>'school', x->'by'->>'platform', x->'by'->>'userId', (x->>'at')::timestamptz, x
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n
  ON CONFLICT (answer_id, by_platform, by_user, at) DO NOTHING`;

const eventSql = `
  INSERT INTO processed_events (key, at)
  SELECT x->>'key', (x->>'at')::timestamptz FROM jsonb_array_elements($1::jsonb) AS t(x)
  ON CONFLICT (key) DO NOTHING`;

const questionSql = `
  INSERT INTO question_log (id, school, at, answer_id, record)
  SELECT x->>'id', x->>'school', (x->>'at')::timestamptz, x->>'answerId', x FROM jsonb_array_elements($1::jsonb) AS t(x)
  ON CONFLICT (id) DO NOTHING`;
