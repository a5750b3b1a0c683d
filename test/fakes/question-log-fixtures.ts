// Logged questions for the gaps view and digest tests: a school's month of questions over a few
// topics, outcomes and askers, as the core logs them.

import type { QuestionLogRecord, Store } from '../../bot/ports/store.js';

const topics = [
  { key: 'heading:personal use of social media at work', label: 'Personal use of social media at work', outcome: 'answer' as const, clauseIds: ['cadmus-3.1'] },
  { key: 'heading:contact with pupils', label: 'Contact with pupils', outcome: 'answer' as const, clauseIds: ['cadmus-7.9'] },
  { key: 'heading:photographs', label: 'Photographs', outcome: 'closest' as const, clauseIds: ['cadmus-8.1'] },
  { key: 'concepts:clothing', label: 'clothing', outcome: 'not_covered' as const, clauseIds: [] },
];

/** `n` questions for `school` spread over the `days` before `now`, topic by turn (ids told apart by `batch`); resolves them. */
export async function logQuestions(store: Store, n: number, now: Date, school = 'cadmus', days = 20, batch = ''): Promise<QuestionLogRecord[]> {
  const out: QuestionLogRecord[] = [];
  for (let i = 0; i < n; i++) {
    const t = topics[i % topics.length]!;
    const record: QuestionLogRecord = {
      id: `q-${school}-${batch}${i}`,
      school,
      at: new Date(now.getTime() - ((i * 37) % (days * 24)) * 3_600_000 - 60_000).toISOString(),
      by: { platform: 'slack', userId: `U${i % 25}` },
      text: `Question ${i} about ${t.label}`,
      outcome: t.outcome,
      verdict: t.outcome === 'answer' ? 'no' : 'unknown',
      clauseIds: t.clauseIds,
      answerId: `a-${school}-${i % 40}`,
      topic: { key: t.key, label: t.label },
    };
    out.push(record);
  }
  await Promise.all(out.map((r) => store.logQuestion(r)));
  return out;
}
