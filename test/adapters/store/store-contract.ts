// The store contract: what every Store (lowdb, PostgreSQL) must do, as one suite each store runs.
// Escalations, references and audit here; the delivery queue and smaller records in the second half.

import assert from 'node:assert/strict';
import type { Store } from '../../../bot/ports/store.js';
import { acknowledge, addNote, alert, created, draft, reporter } from './store-fixtures.js';
import { describeQueueAndRecordsContract } from './store-contract-records.js';
import { describeQuestionLogContract } from './question-log-contract.js';
import { describeHeadQuestionContract } from './head-question-contract.js';

export interface StoreUnderTest {
  store: Store;
  cleanup: () => Promise<void>;
}

export type MakeStore = () => Promise<StoreUnderTest>;

const refPattern = /^ESC-\d{4}-\d{4,}$/;

/** Registers the whole contract suite for one store; each test gets a fresh, empty store. */
export function describeStoreContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    const ctx = {} as { store: Store; under: StoreUnderTest };
    beforeEach(async () => {
      ctx.under = await makeStore();
      ctx.store = ctx.under.store;
    });
    afterEach(async () => {
      await ctx.under?.cleanup();
    });

    describeEscalationContract(ctx);
    describeQueueAndRecordsContract(ctx);
    describeQuestionLogContract(ctx);
    describeHeadQuestionContract(ctx);
  });
}

function describeEscalationContract(ctx: { store: Store }): void {
  describe('references', () => {
    it('gives a new escalation ref ESC-<year>-<nnnn>, version 1, and keeps every field as given', async () => {
      const d = draft({ report: { ...draft().report, description: 'Said *liar* <b>twice</b> <!channel> — “quoted” 👍\n' + 'x'.repeat(20_000) } });
      const e = await ctx.store.createEscalation(d, created(), [alert()]);
      assert.match(e.ref, refPattern);
      assert.equal(e.ref, 'ESC-2026-0001');
      assert.equal(e.version, 1);
      assert.deepEqual(e, { ...d, ref: e.ref, version: 1 });
      assert.deepEqual(await ctx.store.getEscalation(e.ref), e);
    });

    it('allocates distinct, gap-free refs to 50 concurrent submissions', async () => {
      const all = await Promise.all(Array.from({ length: 50 }, () => ctx.store.createEscalation(draft(), created(), [alert()])));
      const refs = all.map((e) => e.ref);
      assert.equal(new Set(refs).size, 50);
      assert.deepEqual([...refs].sort(), Array.from({ length: 50 }, (_, i) => `ESC-2026-${String(i + 1).padStart(4, '0')}`));
      for (const e of all) assert.equal((await ctx.store.listAudit(e.ref)).length, 2);
    });

    it('counts each year separately, by the year the escalation was created', async () => {
      const a = await ctx.store.createEscalation(draft({ createdAt: '2025-12-31T23:59:59.000Z' }), [], []);
      const b = await ctx.store.createEscalation(draft({ createdAt: '2026-01-01T00:00:00.000Z' }), [], []);
      const c = await ctx.store.createEscalation(draft({ createdAt: '2025-06-01T00:00:00.000Z' }), [], []);
      assert.deepEqual([a.ref, b.ref, c.ref], ['ESC-2025-0001', 'ESC-2026-0001', 'ESC-2025-0002']);
    });

    it('answers undefined for a ref it does not hold', async () => {
      assert.equal(await ctx.store.getEscalation('ESC-2026-9999'), undefined);
      assert.deepEqual(await ctx.store.listAudit('ESC-2026-9999'), []);
      assert.deepEqual(await ctx.store.listDeliveries('ESC-2026-9999'), []);
    });
  });

  describe('updateEscalation', () => {
    it('applies a change: version + 1, audit and deliveries added, and the change is what is stored', async () => {
      const e = await ctx.store.createEscalation(draft(), created(), [alert()]);
      const result = await ctx.store.updateEscalation(e.ref, (current) => acknowledge(current));
      assert.ok(result);
      assert.equal(result.changed, true);
      assert.equal(result.escalation.version, 2);
      assert.equal(result.escalation.status, 'acknowledged');
      assert.deepEqual(await ctx.store.getEscalation(e.ref), result.escalation);
      assert.deepEqual((await ctx.store.listAudit(e.ref)).map((a) => a.action), ['created', 'notified', 'acknowledged']);
      assert.deepEqual((await ctx.store.listDeliveries(e.ref)).map((d) => d.purpose), ['alert', 'reporter-update']);
    });

    it('hands the change function the current record', async () => {
      const e = await ctx.store.createEscalation(draft(), created(), []);
      await ctx.store.updateEscalation(e.ref, (c) => addNote(c, 'first'));
      let seen: unknown;
      await ctx.store.updateEscalation(e.ref, (c) => {
        seen = c;
        return undefined;
      });
      assert.deepEqual(seen, await ctx.store.getEscalation(e.ref));
    });

    it('changes nothing when the change function returns undefined', async () => {
      const e = await ctx.store.createEscalation(draft(), created(), [alert()]);
      const result = await ctx.store.updateEscalation(e.ref, () => undefined);
      assert.deepEqual(result, { escalation: e, changed: false });
      assert.deepEqual(await ctx.store.getEscalation(e.ref), e);
      assert.equal((await ctx.store.listAudit(e.ref)).length, 2);
      assert.equal((await ctx.store.listDeliveries(e.ref)).length, 1);
    });

    it('resolves undefined for an unknown ref without calling the change', async () => {
      let called = false;
      const result = await ctx.store.updateEscalation('ESC-2026-0404', () => {
        called = true;
        return undefined;
      });
      assert.equal(result, undefined);
      assert.equal(called, false);
    });

    it('keeps the ref and counts the version itself, whatever the change returns', async () => {
      const e = await ctx.store.createEscalation(draft(), [], []);
      const result = await ctx.store.updateEscalation(e.ref, (c) => ({ escalation: { ...c, ref: 'ESC-1999-0001', version: 99 }, audit: [], deliveries: [] }));
      assert.equal(result?.escalation.ref, e.ref);
      assert.equal(result?.escalation.version, 2);
      assert.equal(await ctx.store.getEscalation('ESC-1999-0001'), undefined);
    });

    it('with purge, deletes the escalation\'s audit trail and deliveries in the same write, leaving other escalations\' alone', async () => {
      const e = await ctx.store.createEscalation(draft(), created(), [alert()]);
      const other = await ctx.store.createEscalation(draft(), created(), [alert()]);
      await ctx.store.updateEscalation(e.ref, (c) => acknowledge(c));
      const at = '2027-04-01T00:00:00.000Z';
      const result = await ctx.store.updateEscalation(e.ref, (c) => ({
        escalation: { ...c, notes: [], reduced: { at, reason: 'retention' } },
        audit: [{ at, actor: 'system', action: 'reduced', reason: 'retention' }],
        deliveries: [],
        purge: true,
      }));
      assert.equal(result?.changed, true);
      assert.deepEqual((await ctx.store.listAudit(e.ref)).map((a) => [a.action, a.reason]), [['reduced', 'retention']]);
      assert.deepEqual(await ctx.store.listDeliveries(e.ref), []);
      assert.deepEqual((await ctx.store.getEscalation(e.ref))?.reduced, { at, reason: 'retention' });
      assert.equal((await ctx.store.listAudit(other.ref)).length, 2);
      assert.equal((await ctx.store.listDeliveries(other.ref)).length, 1);
      assert.deepEqual(await ctx.store.claimDueDeliveries(new Date('2030-01-01T00:00:00Z'), 10, 1000).then((d) => d.map((x) => x.ref)), [other.ref]);
    });

    it('lets a throwing change function fail and leaves the record as it was', async () => {
      const e = await ctx.store.createEscalation(draft(), created(), []);
      await assert.rejects(ctx.store.updateEscalation(e.ref, () => { throw new Error('boom'); }), /boom/);
      assert.deepEqual(await ctx.store.getEscalation(e.ref), e);
      assert.equal((await ctx.store.listAudit(e.ref)).length, 2);
    });

    it('applies 25 concurrent changes one at a time: none lost, versions counted', async () => {
      const e = await ctx.store.createEscalation(draft(), created(), []);
      await Promise.all(Array.from({ length: 25 }, (_, i) => ctx.store.updateEscalation(e.ref, (c) => addNote(c, `note ${i}`))));
      const after = await ctx.store.getEscalation(e.ref);
      assert.equal(after?.version, 26);
      assert.deepEqual(after?.notes.map((n) => n.text).sort(), Array.from({ length: 25 }, (_, i) => `note ${i}`).sort());
      assert.equal((await ctx.store.listAudit(e.ref)).filter((a) => a.action === 'note-added').length, 25);
    });

    it('lets only one of many racing "acknowledge if open" changes happen', async () => {
      const e = await ctx.store.createEscalation(draft(), created(), []);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => ctx.store.updateEscalation(e.ref, (c) => (c.status === 'open' ? acknowledge(c) : undefined))),
      );
      assert.equal(results.filter((r) => r?.changed).length, 1);
      assert.equal((await ctx.store.listDeliveries(e.ref)).filter((d) => d.purpose === 'reporter-update').length, 1);
    });
  });

  describe('audit trail', () => {
    it('is append-only and in the order written, each event with its own id and the ref', async () => {
      const e = await ctx.store.createEscalation(draft(), created(), []);
      const before = await ctx.store.listAudit(e.ref);
      await ctx.store.updateEscalation(e.ref, (c) => acknowledge(c));
      await ctx.store.updateEscalation(e.ref, (c) => addNote(c, 'called the parent'));
      const after = await ctx.store.listAudit(e.ref);
      assert.deepEqual(after.slice(0, 2), before);
      assert.deepEqual(after.map((a) => a.action), ['created', 'notified', 'acknowledged', 'note-added']);
      assert.equal(new Set(after.map((a) => a.id)).size, 4);
      assert.ok(after.every((a) => a.ref === e.ref && typeof a.id === 'string' && a.id.length > 0));
      assert.deepEqual(after[0].actor, reporter);
      assert.equal(after[1].actor, 'system');
    });

    it('keeps each escalation’s trail to itself', async () => {
      const a = await ctx.store.createEscalation(draft(), created(), []);
      const b = await ctx.store.createEscalation(draft(), [{ at: '2026-03-02T09:15:00.000Z', actor: 'system', action: 'created', reason: 'why' }], []);
      assert.equal((await ctx.store.listAudit(a.ref)).length, 2);
      assert.deepEqual((await ctx.store.listAudit(b.ref)).map((x) => x.reason), ['why']);
    });
  });

  describe('listEscalations', () => {
    it('filters by school, status, reporter, overdue and since, newest first, with a limit', async () => {
      const other = { platform: 'teams' as const, userId: 'aad-1' };
      const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`;
      const e1 = await ctx.store.createEscalation(draft({ createdAt: at(1) }), [], []);
      const e2 = await ctx.store.createEscalation(draft({ createdAt: at(3), school: 'hardmoor', reporter: other }), [], []);
      const e3 = await ctx.store.createEscalation(draft({ createdAt: at(2), overdue: true }), [], []);
      const e4 = await ctx.store.createEscalation(draft({ createdAt: at(4) }), [], []);
      await ctx.store.updateEscalation(e4.ref, (c) => acknowledge(c));
      const refs = async (q: Parameters<Store['listEscalations']>[0]) => (await ctx.store.listEscalations(q)).map((e) => e.ref);

      assert.deepEqual(await refs({}), [e4.ref, e2.ref, e3.ref, e1.ref]);
      assert.deepEqual(await refs({ school: 'cadmus' }), [e4.ref, e3.ref, e1.ref]);
      assert.deepEqual(await refs({ status: ['open'] }), [e2.ref, e3.ref, e1.ref]);
      assert.deepEqual(await refs({ status: ['acknowledged', 'resolved'] }), [e4.ref]);
      assert.deepEqual(await refs({ reporter: other }), [e2.ref]);
      assert.deepEqual(await refs({ reporter: { platform: 'slack', userId: 'aad-1' } }), []);
      assert.deepEqual(await refs({ overdue: true }), [e3.ref]);
      assert.deepEqual(await refs({ overdue: false, school: 'cadmus' }), [e4.ref, e1.ref]);
      assert.deepEqual(await refs({ since: at(2) }), [e4.ref, e2.ref, e3.ref]);
      assert.deepEqual(await refs({ limit: 2 }), [e4.ref, e2.ref]);
      assert.deepEqual(await refs({ school: 'cadmus', status: ['open'], since: at(2), limit: 5 }), [e3.ref]);
      const listed = await ctx.store.listEscalations({ school: 'cadmus', limit: 1 });
      assert.deepEqual(listed[0], await ctx.store.getEscalation(e4.ref));
    });

    it('filters by dueBefore: due at or before the time given, whatever the offset it is written with', async () => {
      const due = (hours: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + hours * 3600 * 1000).toISOString();
      const early = await ctx.store.createEscalation(draft({ dueAt: due(1) }), [], []);
      const exact = await ctx.store.createEscalation(draft({ dueAt: due(2) }), [], []);
      const late = await ctx.store.createEscalation(draft({ dueAt: due(3) }), [], []);
      const acked = await ctx.store.createEscalation(draft({ dueAt: due(0) }), [], []);
      await ctx.store.updateEscalation(acked.ref, (c) => acknowledge(c));
      const refs = async (q: Parameters<Store['listEscalations']>[0]) => (await ctx.store.listEscalations(q)).map((e) => e.ref).sort();

      assert.deepEqual(await refs({ dueBefore: due(2) }), [early.ref, exact.ref, acked.ref].sort());
      assert.deepEqual(await refs({ dueBefore: due(2), status: ['open'], overdue: false }), [early.ref, exact.ref].sort());
      assert.deepEqual(await refs({ dueBefore: due(-1) }), []);
      // The same instant written in another offset: compared as times, not as strings.
      assert.deepEqual(await refs({ dueBefore: '2026-03-02T11:00:00+01:00', status: ['open'] }), [early.ref]);
      assert.deepEqual(await refs({ status: ['open'] }), [early.ref, exact.ref, late.ref].sort(), 'no dueBefore, no filter');
    });

    it('returns 50 unless asked for more', async () => {
      await Promise.all(Array.from({ length: 55 }, () => ctx.store.createEscalation(draft(), [], [])));
      assert.equal((await ctx.store.listEscalations({})).length, 50);
      assert.equal((await ctx.store.listEscalations({ limit: 100 })).length, 55);
    });
  });
}
