// The second half of the store contract: the delivery queue (leases, attempts), report flows,
// conversation references, feedback and processed events.

import assert from 'node:assert/strict';
import type { Delivery } from '../../../bot/escalations/model.js';
import type { FeedbackRecord, Store } from '../../../bot/ports/store.js';
import { alert, created, draft } from './store-fixtures.js';

const t0 = new Date('2026-03-02T09:15:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

export function describeQueueAndRecordsContract(ctx: { store: Store }): void {
  describe('delivery queue', () => {
    it('queues deliveries as pending with no attempts, each with its id, ref and creation time', async () => {
      const e = await ctx.store.createEscalation(draft(), created(), [alert(), alert(later(60_000).toISOString())]);
      const list = await ctx.store.listDeliveries(e.ref);
      assert.equal(list.length, 2);
      for (const d of list) {
        assert.equal(d.ref, e.ref);
        assert.equal(d.state, 'pending');
        assert.equal(d.attempts, 0);
        assert.ok(!Number.isNaN(Date.parse(d.createdAt)));
        assert.deepEqual(await ctx.store.getDelivery(d.id), d);
      }
      assert.notEqual(list[0].id, list[1].id);
      assert.deepEqual(list[0].reply, alert().reply);
      assert.equal(await ctx.store.getDelivery('no-such-delivery'), undefined);
    });

    it('claims only what is due, leases it, and does not hand it out again until the lease ends', async () => {
      const e = await ctx.store.createEscalation(draft(), [], [alert(t0.toISOString()), alert(later(60_000).toISOString())]);
      const first = await ctx.store.claimDueDeliveries(t0, 10, 30_000);
      assert.equal(first.length, 1);
      assert.equal(first[0].ref, e.ref);
      assert.equal(first[0].leaseUntil, later(30_000).toISOString());
      assert.equal((await ctx.store.getDelivery(first[0].id))?.leaseUntil, later(30_000).toISOString());
      assert.deepEqual(await ctx.store.claimDueDeliveries(later(1_000), 10, 30_000), []);
      const again = await ctx.store.claimDueDeliveries(later(30_000), 10, 30_000);
      assert.deepEqual(again.map((d) => d.id), [first[0].id]);
      const both = await ctx.store.claimDueDeliveries(later(61_000), 10, 30_000);
      assert.equal(both.length, 2);
    });

    it('claims at most `limit`, the earliest due first', async () => {
      await ctx.store.createEscalation(draft(), [], [alert(later(3).toISOString()), alert(later(1).toISOString()), alert(later(2).toISOString())]);
      const claimed = await ctx.store.claimDueDeliveries(later(10), 2, 30_000);
      assert.deepEqual(claimed.map((d) => d.nextAttemptAt), [later(1).toISOString(), later(2).toISOString()]);
    });

    it('hands each due delivery to exactly one of 10 concurrent claimers', async () => {
      for (let i = 0; i < 6; i++) await ctx.store.createEscalation(draft(), [], Array.from({ length: 5 }, () => alert()));
      const claims = await Promise.all(Array.from({ length: 10 }, () => ctx.store.claimDueDeliveries(later(5), 7, 60_000)));
      const ids = claims.flat().map((d) => d.id);
      assert.equal(ids.length, 30);
      assert.equal(new Set(ids).size, 30);
    });

    it('records a sent delivery: state sent, message id, attempts counted, lease ended, never claimed again', async () => {
      await ctx.store.createEscalation(draft(), [], [alert()]);
      const [d] = await ctx.store.claimDueDeliveries(t0, 1, 30_000);
      const sent = await ctx.store.recordDelivery(d.id, { ok: true, messageId: 'msg-1', at: later(500).toISOString() });
      assert.equal(sent.state, 'sent');
      assert.equal(sent.messageId, 'msg-1');
      assert.equal(sent.sentAt, later(500).toISOString());
      assert.equal(sent.attempts, 1);
      assert.equal(sent.leaseUntil, undefined);
      assert.deepEqual(await ctx.store.getDelivery(d.id), sent);
      assert.deepEqual(await ctx.store.claimDueDeliveries(later(3600_000), 10, 30_000), []);
    });

    it('records a failed attempt: retrying with the error, claimable again at nextAttemptAt, then sent', async () => {
      await ctx.store.createEscalation(draft(), [], [alert()]);
      const [d] = await ctx.store.claimDueDeliveries(t0, 1, 30_000);
      const retry = later(120_000).toISOString();
      const failed: Delivery = await ctx.store.recordDelivery(d.id, { ok: false, error: 'ratelimited', nextAttemptAt: retry, at: later(1).toISOString() });
      assert.equal(failed.state, 'retrying');
      assert.equal(failed.attempts, 1);
      assert.equal(failed.lastError, 'ratelimited');
      assert.equal(failed.nextAttemptAt, retry);
      assert.equal(failed.leaseUntil, undefined);
      assert.deepEqual(await ctx.store.claimDueDeliveries(later(60_000), 10, 30_000), []);
      const [again] = await ctx.store.claimDueDeliveries(later(120_000), 10, 30_000);
      assert.equal(again.id, d.id);
      const sent = await ctx.store.recordDelivery(d.id, { ok: true, messageId: 'm2', at: later(120_001).toISOString() });
      assert.equal(sent.attempts, 2);
      assert.equal(sent.state, 'sent');
    });

    it('brings forward only the unsent deliveries to one workspace\'s people (a re-install)', async () => {
      const inT1 = { platform: 'slack' as const, userId: 'UHEAD', tenant: 'T1' };
      const inT2 = { platform: 'slack' as const, userId: 'UHEAD2', tenant: 'T2' };
      const far = later(3_600_000).toISOString();
      await ctx.store.createEscalation(draft(), [], [alert(far, inT1), alert(far, inT2), alert(t0.toISOString(), inT1)]);
      const [sentNow] = await ctx.store.claimDueDeliveries(t0, 10, 30_000);
      await ctx.store.recordDelivery(sentNow.id, { ok: true, messageId: 'm1', at: t0.toISOString() });
      assert.equal(await ctx.store.retryDeliveriesTo('slack', 'T1', later(1_000)), 1, 'the sent one and T2\'s stay as they are');
      assert.equal(await ctx.store.retryDeliveriesTo('teams', 'T1', later(1_000)), 0);
      const due = await ctx.store.claimDueDeliveries(later(1_000), 10, 30_000);
      assert.deepEqual(due.map((d) => d.to.tenant), ['T1']);
      assert.equal(due[0].nextAttemptAt, later(1_000).toISOString());
    });

    it('refuses to record an attempt on a delivery it does not hold', async () => {
      await assert.rejects(ctx.store.recordDelivery('no-such-delivery', { ok: true, messageId: 'm', at: t0.toISOString() }), { name: 'StoreError' });
    });
  });

  describe('report flows', () => {
    it('saves, reads back, replaces and deletes a flow by key', async () => {
      const key = 'slack:T1:U_TA';
      assert.equal(await ctx.store.getFlow(key), undefined);
      const state = { step: 'poster', values: { poster: 'parent', description: 'line 1\nline 2 <b>' }, history: ['start'], n: 3, ok: true };
      await ctx.store.saveFlow(key, state);
      const saved = await ctx.store.getFlow(key);
      assert.equal(saved?.key, key);
      assert.deepEqual(saved?.state, state);
      assert.ok(!Number.isNaN(Date.parse(saved?.updatedAt ?? '')));
      await ctx.store.saveFlow(key, { step: 'where' });
      assert.deepEqual((await ctx.store.getFlow(key))?.state, { step: 'where' });
      await ctx.store.saveFlow('teams:aad-1', ['a', 1]);
      await ctx.store.deleteFlow(key);
      assert.equal(await ctx.store.getFlow(key), undefined);
      assert.deepEqual((await ctx.store.getFlow('teams:aad-1'))?.state, ['a', 1]);
      await ctx.store.deleteFlow('never-saved');
    });
  });

  describe('conversation references', () => {
    it('keeps one reference per platform and person, the latest', async () => {
      const ref = { serviceUrl: 'https://smba.example/', conversation: { id: 'a:1' }, user: { id: '29:x' } };
      assert.equal(await ctx.store.getConversationRef('teams', 'aad-1'), undefined);
      await ctx.store.saveConversationRef('teams', 'aad-1', ref);
      assert.deepEqual(await ctx.store.getConversationRef('teams', 'aad-1'), ref);
      await ctx.store.saveConversationRef('teams', 'aad-1', { ...ref, conversation: { id: 'a:2' } });
      assert.deepEqual(await ctx.store.getConversationRef('teams', 'aad-1'), { ...ref, conversation: { id: 'a:2' } });
      assert.equal(await ctx.store.getConversationRef('slack', 'aad-1'), undefined);
    });
  });

  describe('feedback', () => {
    it('keeps every piece of feedback and lists the newest first, up to a limit', async () => {
      const fb = (i: number): FeedbackRecord => ({
        answerId: `ans-${i}`,
        school: 'cadmus',
        question: `Can I ${i}?`,
        clauseIds: ['cadmus-3.1', 'cadmus-3.2'],
        verdict: 'no',
        helpful: i % 2 === 0,
        by: { platform: 'slack', userId: `U${i}` },
        at: later(i * 1000).toISOString(),
      });
      for (let i = 0; i < 5; i++) await ctx.store.addFeedback(fb(i));
      assert.deepEqual(await ctx.store.listFeedback(), [4, 3, 2, 1, 0].map(fb));
      assert.deepEqual(await ctx.store.listFeedback(2), [fb(4), fb(3)]);
    });

    it('forgets feedback given before a time, for one school or all, and says how much went', async () => {
      const fb = (i: number, school: string): FeedbackRecord => ({
        answerId: `ans-${school}-${i}`,
        school,
        question: `Can I ${i}?`,
        clauseIds: [],
        verdict: 'no',
        helpful: false,
        by: { platform: 'slack', userId: `U${i}` },
        at: later(i * 60_000).toISOString(),
      });
      for (let i = 0; i < 4; i++) for (const school of ['cadmus', 'toString']) await ctx.store.addFeedback(fb(i, school));
      assert.equal(await ctx.store.forgetFeedbackBefore(later(2 * 60_000).toISOString(), 'cadmus'), 2);
      assert.deepEqual((await ctx.store.listFeedback()).filter((f) => f.school === 'cadmus').map((f) => f.answerId), ['ans-cadmus-3', 'ans-cadmus-2']);
      assert.equal(await ctx.store.forgetFeedbackBefore(later(3 * 60_000).toISOString()), 4);
      assert.deepEqual((await ctx.store.listFeedback()).map((f) => f.answerId), ['ans-toString-3', 'ans-cadmus-3']);
      assert.equal(await ctx.store.forgetFeedbackBefore('not a time'), 0);
    });
  });

  describe('claimEvent', () => {
    it('says true the first time a key is seen and false after', async () => {
      assert.equal(await ctx.store.claimEvent('slack:Ev1'), true);
      assert.equal(await ctx.store.claimEvent('slack:Ev1'), false);
      assert.equal(await ctx.store.claimEvent('slack:Ev2'), true);
    });

    it('says true to exactly one of 50 concurrent claims of the same key', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => ctx.store.claimEvent('slack:EvRace')));
      assert.equal(results.filter(Boolean).length, 1);
    });
  });
}
