// The store contract for head questions ("Ask the head"): Q- references from their own per-year
// counter, atomic changes with audit and deliveries in the escalations' trail and queue, queries.

import assert from 'node:assert/strict';
import type { HeadQuestion, HeadQuestionDraft } from '../../../bot/head-questions/model.js';
import type { Store } from '../../../bot/ports/store.js';
import { alert, created, draft, head, reporter } from './store-fixtures.js';

export function questionDraft(overrides: Partial<HeadQuestionDraft> = {}): HeadQuestionDraft {
  return {
    school: 'cadmus',
    createdAt: '2026-03-02T09:15:00.000Z',
    askedBy: reporter,
    question: 'Can I use TikTok <!channel> for a class project? “quoted” 👍',
    given: { verdict: 'unknown', clauseIds: [], reason: 'not-covered' },
    thread: 'DU_TA:1700000000.000100',
    status: 'open',
    ...overrides,
  };
}

const answered = (q: HeadQuestion, forEveryone: boolean, at = '2026-03-02T10:00:00.000Z') => ({
  question: { ...q, status: 'answered' as const, answer: { text: 'Yes, with the class account only.', by: head, at, forEveryone } },
  audit: [{ at, actor: head, action: 'replied' as const }],
  deliveries: [{ ...alert(at, reporter), purpose: 'answer' as const, thread: q.thread }],
});

export function describeHeadQuestionContract(ctx: { store: Store }): void {
  describe('head questions', () => {
    it('gives Q-<year>-<nnnn> from its own counter, apart from escalations, and keeps every field', async () => {
      await ctx.store.createEscalation(draft(), created(), [alert()]);
      const d = questionDraft();
      const q = await ctx.store.createHeadQuestion(d, [{ at: d.createdAt, actor: reporter, action: 'asked' }], [{ ...alert(), purpose: 'question' }]);
      assert.equal(q.ref, 'Q-2026-0001');
      assert.deepEqual(q, { ...d, ref: 'Q-2026-0001', version: 1 });
      assert.deepEqual(await ctx.store.getHeadQuestion(q.ref), q);
      assert.deepEqual((await ctx.store.listAudit(q.ref)).map((a) => a.action), ['asked']);
      const [delivery] = await ctx.store.listDeliveries(q.ref);
      assert.equal(delivery.purpose, 'question');
      assert.equal(delivery.ref, q.ref);
      // The question's DM is claimed from the one queue, like an escalation's.
      const due = await ctx.store.claimDueDeliveries(new Date('2026-03-02T09:16:00.000Z'), 10, 60_000);
      assert.ok(due.some((x) => x.ref === q.ref), 'claimed from the same queue');
      assert.equal((await ctx.store.createEscalation(draft(), [], [])).ref, 'ESC-2026-0002');
    });

    it('allocates distinct refs to 20 concurrent questions, per year', async () => {
      const all = await Promise.all(Array.from({ length: 20 }, () => ctx.store.createHeadQuestion(questionDraft(), [], [])));
      assert.deepEqual(all.map((q) => q.ref).sort(), Array.from({ length: 20 }, (_, i) => `Q-2026-${String(i + 1).padStart(4, '0')}`));
      assert.equal((await ctx.store.createHeadQuestion(questionDraft({ createdAt: '2027-01-01T00:00:00.000Z' }), [], [])).ref, 'Q-2027-0001');
    });

    it('applies a change with its audit and its threaded delivery; nothing for undefined; undefined for an unknown ref', async () => {
      const q = await ctx.store.createHeadQuestion(questionDraft(), [], []);
      const result = await ctx.store.updateHeadQuestion(q.ref, (current) => answered(current, true));
      assert.ok(result?.changed);
      assert.equal(result.question.version, 2);
      assert.equal(result.question.answer?.forEveryone, true);
      assert.deepEqual(await ctx.store.getHeadQuestion(q.ref), result.question);
      const [reply] = await ctx.store.listDeliveries(q.ref);
      assert.equal(reply.thread, q.thread);
      const same = await ctx.store.updateHeadQuestion(q.ref, () => undefined);
      assert.deepEqual(same, { question: result.question, changed: false });
      assert.equal(await ctx.store.updateHeadQuestion('Q-2026-9999', (c) => answered(c, false)), undefined);
      assert.equal(await ctx.store.getHeadQuestion('Q-2026-9999'), undefined);
      assert.equal(await ctx.store.getHeadQuestion('__proto__'), undefined);
      assert.equal(await ctx.store.getHeadQuestion('constructor'), undefined);
    });

    it('appends audit and deliveries under another kind of reference (a digest), claimed from the one queue', async () => {
      await ctx.store.appendTrail('digest:cadmus:2026-W10', [{ at: '2026-03-02T08:00:00.000Z', actor: 'system', action: 'digest-sent' }], [{ ...alert(), purpose: 'digest' }]);
      assert.deepEqual((await ctx.store.listAudit('digest:cadmus:2026-W10')).map((a) => a.action), ['digest-sent']);
      const [d] = await ctx.store.listDeliveries('digest:cadmus:2026-W10');
      assert.equal(d.purpose, 'digest');
      const due = await ctx.store.claimDueDeliveries(new Date('2026-03-02T09:16:00.000Z'), 10, 60_000);
      assert.deepEqual(due.map((x) => x.ref), ['digest:cadmus:2026-W10']);
      await ctx.store.appendTrail('question:__proto__', [{ at: '2026-03-02T08:00:00.000Z', actor: head, action: 'viewed' }], []);
      assert.equal((await ctx.store.listAudit('question:__proto__')).length, 1);
    });

    it('lists by school, status, sharing and asker, newest first', async () => {
      const a = await ctx.store.createHeadQuestion(questionDraft({ createdAt: '2026-03-01T09:00:00.000Z' }), [], []);
      const b = await ctx.store.createHeadQuestion(questionDraft({ createdAt: '2026-03-02T09:00:00.000Z' }), [], []);
      await ctx.store.createHeadQuestion(questionDraft({ school: 'lfssq', askedBy: { platform: 'teams', userId: 'aad-1' } }), [], []);
      await ctx.store.updateHeadQuestion(a.ref, (c) => answered(c, true));
      await ctx.store.updateHeadQuestion(b.ref, (c) => answered(c, false));
      const refs = async (query: Parameters<Store['listHeadQuestions']>[0]) => (await ctx.store.listHeadQuestions(query)).map((q) => q.ref);
      assert.deepEqual(await refs({ school: 'cadmus' }), [b.ref, a.ref]);
      assert.deepEqual(await refs({ school: 'cadmus', shared: true }), [a.ref]);
      assert.deepEqual(await refs({ status: ['open'] }), ['Q-2026-0003']);
      assert.deepEqual(await refs({ askedBy: { platform: 'teams', userId: 'aad-1' } }), ['Q-2026-0003']);
      assert.deepEqual(await refs({ school: 'cadmus', since: '2026-03-02T00:00:00.000Z' }), [b.ref]);
      // Withdrawn from everyone: no longer shared.
      await ctx.store.updateHeadQuestion(a.ref, (c) => ({ question: { ...c, answer: { ...c.answer!, withdrawnAt: '2026-03-03T09:00:00.000Z', withdrawnBy: head } }, audit: [], deliveries: [] }));
      assert.deepEqual(await refs({ school: 'cadmus', shared: true }), []);
    });
  });
}
