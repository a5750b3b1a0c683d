// The shapes of stored records, checked where records enter the assistant from disk or the database:
// the file store checks every record at load (and refuses the file, naming the record), and both
// stores check each delivery they hand the worker (a bad one is set aside, never blocking the rest).
// Only the fields the assistant reads are required; fields added later pass through untouched.

import { z } from 'zod';

const text = z.string();
const nonEmpty = z.string().min(1);
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time');

const personRef = z.object({ platform: nonEmpty, userId: nonEmpty, name: text.optional(), tenant: text.optional() }).passthrough();
const reply = z.object({ text, blocks: z.array(z.unknown()) }).passthrough();

export const deliverySchema = z
  .object({
    id: nonEmpty,
    ref: nonEmpty,
    to: personRef,
    purpose: nonEmpty,
    reply,
    state: z.enum(['pending', 'sent', 'retrying']),
    attempts: z.number().int().nonnegative(),
    nextAttemptAt: isoTime,
    leaseUntil: isoTime.optional(),
    claims: z.number().int().nonnegative().optional(),
    lastError: text.optional(),
    messageId: text.optional(),
    updates: text.optional(),
    createdAt: isoTime,
    sentAt: isoTime.optional(),
  })
  .passthrough();

export const escalationSchema = z
  .object({
    ref: nonEmpty,
    school: nonEmpty,
    createdAt: isoTime,
    reporter: personRef,
    report: z.object({ description: text }).passthrough(),
    urgency: nonEmpty,
    recipients: z.array(z.object({ person: personRef, role: nonEmpty }).passthrough()),
    guidance: z.array(z.unknown()),
    status: nonEmpty,
    dueAt: isoTime,
    overdue: z.boolean(),
    notes: z.array(z.object({ at: text, by: personRef, text }).passthrough()),
    version: z.number().int().positive(),
  })
  .passthrough();

export const auditSchema = z
  .object({ id: nonEmpty, ref: nonEmpty, at: isoTime, actor: z.union([z.literal('system'), personRef]), action: nonEmpty })
  .passthrough();

const flowSchema = z.object({ key: nonEmpty, state: z.unknown(), updatedAt: isoTime }).passthrough();
const feedbackSchema = z.object({ answerId: text, school: text, helpful: z.boolean(), by: personRef, at: isoTime }).passthrough();

/** A logged question: what the gaps view and the digest read (clauses and topic included). */
export const questionSchema = z
  .object({
    id: nonEmpty,
    school: nonEmpty,
    at: isoTime,
    by: personRef,
    text,
    outcome: z.enum(['answer', 'closest', 'not_covered']),
    verdict: text,
    clauseIds: z.array(text),
    answerId: text,
    topic: z.object({ key: nonEmpty, label: text }).passthrough(),
  })
  .passthrough();

/** What is wrong with one record, in a few words, or undefined when it has the shape the assistant reads. */
export function recordProblem(schema: z.ZodTypeAny, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const path = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${path}${issue.message.toLowerCase()}`;
}

type Keyed = { collection: string; schema: z.ZodTypeAny; keyField?: string };

/** Collections held as objects keyed by the record's own id. */
const keyedCollections: Keyed[] = [
  { collection: 'escalations', schema: escalationSchema, keyField: 'ref' },
  { collection: 'deliveries', schema: deliverySchema, keyField: 'id' },
  { collection: 'flows', schema: flowSchema, keyField: 'key' },
  { collection: 'conversationRefs', schema: z.object({}).passthrough() },
  { collection: 'events', schema: isoTime },
  { collection: 'counters', schema: z.number().int().nonnegative() },
];
const listCollections: Keyed[] = [
  { collection: 'audit', schema: auditSchema },
  { collection: 'feedback', schema: feedbackSchema },
];

const singular: Record<string, string> = {
  escalations: 'escalation',
  deliveries: 'delivery',
  flows: 'report in progress',
  conversationRefs: 'conversation reference',
  events: 'handled event',
  counters: 'reference counter',
  audit: 'audit event',
  feedback: 'feedback entry',
};

/** What is wrong with the record filed under `key` in `collection` (a list's position for lists), or undefined. */
export function badRecordIn(collection: string, key: string, value: unknown): string | undefined {
  const keyed = keyedCollections.find((c) => c.collection === collection);
  if (keyed) return recordProblem(keyed.schema, value) ?? keyMismatch(value, key, keyed.keyField);
  const listed = listCollections.find((c) => c.collection === collection);
  return listed ? recordProblem(listed.schema, value) : undefined;
}

/** How a record of `collection` is named in messages ("handled event"). */
export function recordKind(collection: string): string {
  return singular[collection] ?? collection;
}

/** The first malformed record in a store document (the collections it holds), named ("its delivery "y" is malformed: …"). */
export function firstBadRecord(data: Record<string, unknown>): string | undefined {
  for (const { collection, schema, keyField } of keyedCollections) {
    if (data[collection] === undefined) continue;
    for (const [key, value] of Object.entries(data[collection] as Record<string, unknown>)) {
      const problem = recordProblem(schema, value) ?? keyMismatch(value, key, keyField);
      if (problem) return `its ${singular[collection]} ${JSON.stringify(key)} is malformed (${problem})`;
    }
  }
  for (const { collection, schema } of listCollections) {
    if (data[collection] === undefined) continue;
    const list = data[collection] as unknown[];
    for (let i = 0; i < list.length; i++) {
      const problem = recordProblem(schema, list[i]);
      if (problem) return `its ${singular[collection]} number ${i + 1} is malformed (${problem})`;
    }
  }
  return undefined;
}

function keyMismatch(value: unknown, key: string, field: string | undefined): string | undefined {
  if (!field) return undefined;
  const own = (value as Record<string, unknown>)[field];
  return own === key ? undefined : `its ${field} is ${JSON.stringify(own)}, not the key it is filed under`;
}
