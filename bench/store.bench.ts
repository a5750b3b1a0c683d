// Submissions per second into the lowdb store when it already holds 1, 100 and 10,000
// escalations: sequential (one at a time, each confirmed on disk) and 50 concurrent (group commit).

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../adapters/store/lowdb/lowdb-store.js';
import { emptyStoreData, insertEscalation } from '../adapters/store/lowdb/store-data.js';
import type { EscalationDraft } from '../bot/escalations/model.js';

const draft = (n: number): EscalationDraft => ({
  school: 'cadmus', createdAt: '2026-03-02T09:00:00.000Z', reporter: { platform: 'slack', userId: `U${n}`, name: 'A member of staff' },
  report: { category: 'abusive', poster: 'parent', about: 'colleague', platform: 'Facebook', seenAt: 'today 8am', evidenceKept: 'yes', replied: 'no', description: 'A parent called a teacher a liar in the class group. '.repeat(6) },
  urgency: 'normal', recipients: [{ person: { platform: 'slack', userId: 'UHEAD' }, role: 'head' }],
  guidance: [{ topic: 'parent-poster', text: 'Where pupils, parents or others post inappropriate or offensive material about staff the school will approach third party agencies on their behalf in order to request that the material is removed.', citation: { clauseId: 'cadmus-5.2', school: 'cadmus', schoolName: 'Cadmus Family of Schools', ref: '5.2', heading: 'Inappropriate posts about staff' } }],
  status: 'open', dueAt: '2026-03-03T09:00:00.000Z', overdue: false, notes: [],
});

async function measure(existing: number, total: number, concurrency: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'store-bench-'));
  try {
    const data = emptyStoreData();
    for (let i = 0; i < existing; i++) insertEscalation(data, draft(i), [{ at: '2026-03-02T09:00:00.000Z', actor: 'system', action: 'created' }], []);
    await writeFile(join(dir, 'assistant.json'), JSON.stringify(data), { mode: 0o600 });
    const store = await createLowdbStore({ dataDir: dir });
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < total) {
        next++;
        await store.createEscalation(draft(next), [{ at: '2026-03-02T09:00:00.000Z', actor: 'system', action: 'created' }], [
          { to: { platform: 'slack', userId: 'UHEAD' }, purpose: 'alert', reply: { text: 'alert', blocks: [] }, nextAttemptAt: '2026-03-02T09:00:00.000Z' },
        ]);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    await store.close();
    return total / seconds;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log('lowdb store: submissions per second (each confirmed after an fsync\'d atomic file replace)');
  console.log('escalations held | sequential | 50 concurrent (group commit)');
  for (const [existing, total] of [[1, 200], [100, 200], [10_000, 20]] as const) {
    const sequential = await measure(existing, total, 1);
    const concurrent = await measure(existing, Math.max(total, 100), 50);
    console.log(`${String(existing).padStart(16)} | ${sequential.toFixed(1).padStart(10)} | ${concurrent.toFixed(1).padStart(10)}`);
  }
}
