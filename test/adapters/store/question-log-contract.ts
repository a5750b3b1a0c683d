// The question log half of the store contract: what is logged is read back as given, newest first,
// per school and period; ids and schools that are JS property names are plain keys; retention
// deletes what is older than its cutoff and nothing else.

import assert from 'node:assert/strict';
import type { QuestionLogRecord, Store } from '../../../bot/ports/store.js';

const day = (d: number, h = 9) => new Date(Date.UTC(2026, 2, d, h)).toISOString();

/** A logged question; `overrides` change any field. */
export function question(overrides: Partial<QuestionLogRecord> = {}): QuestionLogRecord {
  return {
    id: 'q-1',
    school: 'cadmus',
    at: day(2),
    by: { platform: 'slack', userId: 'U_TA' },
    text: 'Can I accept a friend request from a parent?',
    outcome: 'answer',
    verdict: 'no',
    clauseIds: ['cadmus-3.2', 'cadmus-3.1'],
    answerId: 'a-0123456789',
    topic: { key: 'heading:personal use of social media', label: 'Personal use of social media' },
    ...overrides,
  };
}

export function describeQuestionLogContract(ctx: { store: Store }): void {
  describe('question log', () => {
    it('reads a logged question back exactly as given, by id, and lists it for its school only', async () => {
      const q = question({ text: 'Can I post “photos” <!channel> 👍 of my class?\n' + 'é'.repeat(1500), outcome: 'not_covered', verdict: 'unknown', clauseIds: [] });
      await ctx.store.logQuestion(q);
      assert.deepEqual(await ctx.store.getQuestion('q-1'), q);
      assert.deepEqual(await ctx.store.listQuestions({ school: 'cadmus' }), [q]);
      assert.deepEqual(await ctx.store.listQuestions({ school: 'hardmoor' }), []);
      assert.equal(await ctx.store.getQuestion('no-such-question'), undefined);
    });

    it('lists newest first, within [since, until), up to a limit', async () => {
      const asked = [day(1), day(5), day(3, 23), day(3, 1), day(10)].map((at, i) => question({ id: `q-${i}`, at }));
      for (const q of asked) await ctx.store.logQuestion(q);
      const ids = async (q: Parameters<Store['listQuestions']>[0]) => (await ctx.store.listQuestions(q)).map((r) => r.id);
      assert.deepEqual(await ids({ school: 'cadmus' }), ['q-4', 'q-1', 'q-2', 'q-3', 'q-0']);
      assert.deepEqual(await ids({ school: 'cadmus', since: day(3, 1), until: day(5) }), ['q-2', 'q-3']);
      assert.deepEqual(await ids({ school: 'cadmus', limit: 2 }), ['q-4', 'q-1']);
      assert.deepEqual(await ids({ school: 'cadmus', since: day(4), limit: 1 }), ['q-4']);
    });

    it('keeps the first record when the same id is logged twice', async () => {
      await ctx.store.logQuestion(question());
      await ctx.store.logQuestion(question({ text: 'something else' }));
      assert.equal((await ctx.store.getQuestion('q-1'))?.text, question().text);
      assert.equal((await ctx.store.listQuestions({ school: 'cadmus' })).length, 1);
    });

    it('treats ids and schools that are JS property names as plain keys', async () => {
      assert.equal(await ctx.store.getQuestion('constructor'), undefined);
      assert.equal(await ctx.store.getQuestion('__proto__'), undefined);
      assert.deepEqual(await ctx.store.listQuestions({ school: 'toString' }), []);
      const odd = ['__proto__', 'constructor', 'hasOwnProperty'].map((id) => question({ id, school: id === 'constructor' ? '__proto__' : 'cadmus' }));
      for (const q of odd) await ctx.store.logQuestion(q);
      for (const q of odd) assert.deepEqual(await ctx.store.getQuestion(q.id), q);
      assert.deepEqual((await ctx.store.listQuestions({ school: '__proto__' })).map((q) => q.id), ['constructor']);
      assert.equal(await ctx.store.forgetQuestionsBefore(day(20), '__proto__'), 1);
      assert.equal(await ctx.store.getQuestion('constructor'), undefined);
      assert.deepEqual(await ctx.store.getQuestion('__proto__'), odd[0]);
    });

    it('forgets the questions asked before the cutoff (of one school, or all), saying how many', async () => {
      const asked = [question({ id: 'old', at: day(1) }), question({ id: 'edge', at: day(3, 8) }), question({ id: 'new', at: day(3, 10) }), question({ id: 'other-old', at: day(1), school: 'hardmoor' })];
      for (const q of asked) await ctx.store.logQuestion(q);
      assert.equal(await ctx.store.forgetQuestionsBefore(day(3, 9), 'cadmus'), 2);
      assert.deepEqual((await ctx.store.listQuestions({ school: 'cadmus' })).map((q) => q.id), ['new']);
      assert.equal(await ctx.store.getQuestion('old'), undefined);
      assert.ok(await ctx.store.getQuestion('other-old'));
      assert.equal(await ctx.store.forgetQuestionsBefore(day(3, 9)), 1);
      assert.equal(await ctx.store.getQuestion('other-old'), undefined);
      assert.equal(await ctx.store.forgetQuestionsBefore(day(3, 9)), 0);
      assert.equal(await ctx.store.forgetQuestionsBefore('not a date'), 0);
      assert.ok(await ctx.store.getQuestion('new'));
    });

    it('logs 200 questions at once without losing one', async () => {
      await Promise.all(Array.from({ length: 200 }, (_, i) => ctx.store.logQuestion(question({ id: `q-${i}`, at: day(1 + (i % 20), i % 24) }))));
      assert.equal((await ctx.store.listQuestions({ school: 'cadmus', limit: 1000 })).length, 200);
    });
  });
}
