// A child process for the crash test: creates escalations one after another and prints each ref
// once createEscalation has resolved (i.e. confirmed), until it is killed.

import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import type { EscalationDraft } from '../../../bot/escalations/model.js';

const store = await createLowdbStore({ dataDir: process.argv[2] });
const draft: EscalationDraft = {
  school: 'cadmus', createdAt: '2026-03-02T09:00:00.000Z', reporter: { platform: 'console', userId: 'ann' },
  report: { category: 'abusive', poster: 'pupil', about: 'colleague', platform: 'TikTok', seenAt: 'today', evidenceKept: 'yes', replied: 'no', description: 'x'.repeat(2000) },
  urgency: 'normal', recipients: [], guidance: [], status: 'open', dueAt: '2026-03-03T09:00:00.000Z', overdue: false, notes: [],
};
for (;;) {
  const e = await store.createEscalation(draft, [], []);
  process.stdout.write(`${e.ref}\n`);
}
