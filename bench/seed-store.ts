// Fills an embedded store's folder as months of use would: escalations (resolved, each with its
// audit lines and sent alert) in the store file, and logged questions spread over the days before
// now in the question log's day files. Written directly, as the files the store would have written.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyStoreData, insertEscalation } from '../adapters/store/lowdb/store-data.js';
import type { EscalationDraft } from '../bot/escalations/model.js';
import type { QuestionLogRecord } from '../bot/ports/store.js';

const dayMs = 24 * 3600 * 1000;

function draft(n: number, createdAt: string): EscalationDraft {
  return {
    school: 'cadmus', createdAt, reporter: { platform: 'slack', userId: `U${n % 300}`, name: 'A member of staff' },
    report: { category: 'abusive', poster: 'parent', about: 'colleague', platform: 'Facebook', seenAt: 'today 8am', evidenceKept: 'yes', replied: 'no', description: `A parent called a teacher a liar in the class group (${n}). `.repeat(4) },
    urgency: 'normal', recipients: [{ person: { platform: 'slack', userId: 'UHEAD0001' }, role: 'head' }],
    guidance: [{ topic: 'parent-poster', text: 'Where parents post offensive material about staff the school will request that it is removed.', citation: { clauseId: 'cadmus-5.2', school: 'cadmus', schoolName: 'Cadmus Family of Schools', ref: '5.2', heading: 'Inappropriate posts about staff' } }],
    status: 'resolved', dueAt: createdAt, overdue: false, notes: [{ at: createdAt, by: { platform: 'slack', userId: 'UHEAD0001' }, text: 'Spoke to the parent.' }],
  };
}

function question(n: number, at: string): QuestionLogRecord {
  const answered = n % 5 !== 0;
  return {
    id: `seed-${n}`, school: 'cadmus', at, by: { platform: 'slack', userId: `U${n % 300}` },
    text: `Can I accept a friend request from a parent of a pupil in my class? (${n})`,
    outcome: answered ? 'answer' : 'not_covered', verdict: answered ? 'no' : 'unknown', clauseIds: answered ? ['cadmus-7.6', 'cadmus-7.9'] : [],
    answerId: `a-${(n % 997).toString(16).padStart(10, '0')}`,
    topic: answered ? { key: 'heading:inappropriate use of social media/internet', label: 'Inappropriate use of social media/internet' } : { key: 'concepts:parent+sell', label: 'parent + sell' },
  };
}

/** Writes `escalations` escalations and `questions` logged questions (over the last `days` days) into `dir`. */
export async function seedStore(dir: string, escalations: number, questions: number, days = 180): Promise<void> {
  const now = Date.now();
  const data = emptyStoreData();
  for (let i = 0; i < escalations; i++) {
    const at = new Date(now - days * dayMs + (i / escalations) * days * dayMs).toISOString();
    insertEscalation(data, draft(i, at), [{ at, actor: 'system', action: 'created' }, { at, actor: 'system', action: 'resolved' }], [
      { to: { platform: 'slack', userId: 'UHEAD0001' }, purpose: 'alert', reply: { text: 'New report', blocks: [] }, nextAttemptAt: at },
    ]);
  }
  for (const d of Object.values(data.deliveries)) Object.assign(d, { state: 'sent', attempts: 1, messageId: `m-${d.id}`, sentAt: d.nextAttemptAt });
  await writeFile(join(dir, 'assistant.json'), JSON.stringify(data), { mode: 0o600 });
  const byDay = new Map<string, QuestionLogRecord[]>();
  for (let i = 0; i < questions; i++) {
    const at = new Date(now - days * dayMs + (i / questions) * days * dayMs).toISOString();
    const day = at.slice(0, 10);
    const list = byDay.get(day) ?? [];
    list.push(question(i, at));
    byDay.set(day, list);
  }
  for (const [day, list] of byDay) await writeFile(join(dir, `assistant.questions.${day}.jsonl`), list.map((q) => `${JSON.stringify(q)}\n`).join(''), { mode: 0o600 });
}
