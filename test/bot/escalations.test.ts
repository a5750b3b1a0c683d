import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../adapters/store/lowdb/lowdb-store.js';
import type { EscalationQuery, Store } from '../../bot/ports/store.js';
import type { Action } from '../../bot/reply.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { allText, makeHarness } from './harness.js';

describe('escalation actions', () => {
  it('acknowledge, note and resolve update the alert in place and tell the reporter', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', {});
    await h.bot.runDueWork();
    const ack = await h.press('head', { type: 'escalation.ack', ref });
    assert.match(ack.update!.text, /acknowledged by head/);
    assert.match(ack.ephemeral!.text, /You acknowledged/);
    const note = await h.press('head', { type: 'escalation.note', ref, note: 'Spoke to the pupil and parents.' });
    assert.match(note.update!.text, /Spoke to the pupil/);
    const resolved = await h.say('head', `resolve ${ref} Post removed; pupil sanctioned under the behaviour policy.`);
    assert.match(allText(resolved), /You resolved/);
    await h.bot.runDueWork();
    const toAnn = h.notifier.to('ann').map((m) => m.reply.text);
    assert.equal(toAnn.length, 2);
    assert.match(toAnn[0], /acknowledged by head/);
    assert.match(toAnn[1], /resolved by head\. Outcome: Post removed/);
    assert.ok(h.notifier.to('head').some((m) => m.kind === 'update' && /resolved by head/.test(m.reply.text)), 'the head\'s alert was updated in place');
    const e = (await h.store.getEscalation(ref))!;
    assert.equal(e.status, 'resolved');
    assert.deepEqual((await h.store.listAudit(ref)).filter((a) => a.actor !== 'system').map((a) => a.action), ['created', 'acknowledged', 'note-added', 'resolved']);
    assert.equal((await h.store.listAudit(ref)).find((a) => a.action === 'resolved')!.reason, 'Post removed; pupil sanctioned under the behaviour policy.');
  });

  it('changes nothing when the same action is pressed twice', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', {});
    await h.press('head', { type: 'escalation.ack', ref });
    const again = await h.press('dsl', { type: 'escalation.ack', ref });
    assert.match(again.ephemeral!.text, /already acknowledged by head; nothing changed|already acknowledged by head at/);
    await h.press('head', { type: 'escalation.note', ref, note: 'same' });
    assert.match((await h.press('head', { type: 'escalation.note', ref, note: 'same' })).ephemeral!.text, /already on/);
    await h.press('head', { type: 'escalation.resolve', ref, outcome: 'done' });
    await h.bot.runDueWork(); // deliveries record themselves on the escalation: settle them first
    const version = (await h.store.getEscalation(ref))!.version;
    assert.match((await h.press('head', { type: 'escalation.resolve', ref, outcome: 'done' })).ephemeral!.text, /already resolved/);
    assert.match((await h.press('head', { type: 'escalation.ack', ref })).ephemeral!.text, /already resolved/);
    assert.match((await h.press('head', { type: 'escalation.note', ref, note: 'late' })).ephemeral!.text, /resolved; notes can no longer/);
    assert.equal((await h.store.getEscalation(ref))!.version, version);
    await h.bot.runDueWork();
    assert.equal(h.notifier.to('ann').filter((m) => /acknowledged/.test(m.reply.text)).length, 1);
  });

  it('keeps a child-protection outcome and notes with the safeguarding team', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', { category: 'child-at-risk', poster: 'pupil', about: 'pupil' });
    await h.bot.runDueWork();
    const note = await h.press('dsl', { type: 'escalation.note', ref, note: 'Spoke to Jane and her mother.' });
    assert.doesNotMatch(note.update!.text, /Jane/, 'the alert body never carries note text for child protection');
    assert.match(note.update!.text, /1 note\. Open them with "Show details"/);
    const resolved = await h.press('dsl', { type: 'escalation.resolve', ref, outcome: 'Referred to children\'s social care.' });
    assert.match(resolved.ephemeral!.text, /not the outcome/);
    assert.doesNotMatch(resolved.update!.text, /social care/);
    await h.bot.runDueWork();
    const toAnn = h.notifier.to('ann').map((m) => m.reply.text).join('\n');
    assert.match(toAnn, /resolved by dsl/);
    assert.doesNotMatch(toAnn, /social care/);
    const mine = allText(await h.say('ann', 'my reports'));
    assert.match(mine, /resolved \(the safeguarding team holds the outcome\)/);
    assert.doesNotMatch(mine, /social care/);
    assert.match(allText(await h.press('dsl', { type: 'escalation.show', ref })), /Referred to children's social care/);
  });

  it('shows times in UK time, not as raw ISO strings', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', {});
    const shown = allText(await h.say('head', `show ${ref}`));
    assert.match(shown, /Reported at: \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
    assert.doesNotMatch(shown, /\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('says so for an escalation that does not exist', async () => {
    const h = await makeHarness();
    assert.match((await h.press('head', { type: 'escalation.ack', ref: 'ESC-2026-0999' })).ephemeral!.text, /can't find a report ESC-2026-0999/);
  });

  it('asks for the note or outcome in a form when the button carries none', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', {});
    const r = await h.press('head', { type: 'escalation.resolve', ref });
    assert.equal(r.form?.id, 'escalation.resolve');
    assert.equal(r.form?.context?.ref, ref);
    const empty = await h.bot.handle({ type: 'form', actor: h.as('head'), formId: 'escalation.resolve', values: { outcome: ' ' }, context: { ref } });
    assert.match(empty.formErrors!.outcome, /outcome/);
    const done = await h.bot.handle({ type: 'form', actor: h.as('head'), formId: 'escalation.resolve', values: { outcome: 'Resolved at a meeting.' }, context: { ref } });
    assert.match(allText(done), /You resolved/);
  });
});

describe('escalation access', () => {
  it('refuses anyone but the head, DSL or chair, and records the refusal', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', { description: 'private detail' });
    for (const action of [{ type: 'escalation.ack', ref }, { type: 'escalation.show', ref }, { type: 'escalation.resolve', ref, outcome: 'x' }] as const) {
      const r = await h.press('bob', action);
      assert.match(r.ephemeral!.text, /only the head teacher and the designated safeguarding lead/);
      assert.doesNotMatch(allText(r), /private detail/);
    }
    assert.match(allText(await h.say('bob', 'escalations')), /only the head teacher/);
    assert.equal((await h.store.getEscalation(ref))!.status, 'open');
    assert.ok((await h.store.listAudit(ref)).some((a) => a.action === 'refused'));
  });

  it('opens no note or outcome form for someone without the role', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', {});
    for (const action of [{ type: 'escalation.note', ref }, { type: 'escalation.resolve', ref }] as const) {
      const r = await h.press('bob', action);
      assert.equal(r.form, undefined, `${action.type}: no form for bob`);
      assert.match(r.ephemeral!.text, /only the head teacher and the designated safeguarding lead/);
    }
  });

  it("refuses a head of another school every action and view on this school's escalation", async () => {
    const h = await makeHarness();
    await h.report('ann', {});
    // The second, so its ref is not the ESC-2026-0001 that help text uses as an example.
    const { ref } = await h.report('ann', { description: 'private detail' });
    await h.bot.runDueWork();
    const before = await h.store.getEscalation(ref);
    const trail = await h.store.listAudit(ref);
    const elsewhere = { ...h.as('head'), school: 'templemoor' };
    const act = (action: Action) => h.bot.handle({ type: 'action', actor: elsewhere, action, where: 'dm' });
    const say = (text: string) => h.bot.handle({ type: 'message', actor: elsewhere, text, where: 'dm' });
    const responses = [
      await act({ type: 'escalation.ack', ref }),
      await act({ type: 'escalation.show', ref }),
      await act({ type: 'escalation.note', ref }),
      await act({ type: 'escalation.resolve', ref }),
      await act({ type: 'escalation.note', ref, note: 'x' }),
      await act({ type: 'escalation.resolve', ref, outcome: 'x' }),
      await h.bot.handle({ type: 'form', actor: elsewhere, formId: 'escalation.resolve', values: { outcome: 'x' }, context: { ref } }),
      await say(`show ${ref}`),
      await say(`ack ${ref}`),
      await say(`resolve ${ref} done`),
    ];
    for (const r of responses) {
      assert.equal(r.form, undefined);
      assert.equal(r.update, undefined);
      assert.match(allText(r), new RegExp(`can't find a report ${ref}`));
      assert.doesNotMatch(allText(r), /private detail/);
    }
    assert.doesNotMatch(allText(await say('escalations')), new RegExp(ref));
    assert.doesNotMatch(allText(await h.bot.handle({ type: 'home', actor: elsewhere })), new RegExp(ref));
    assert.deepEqual(await h.store.getEscalation(ref), before, 'nothing changed');
    assert.deepEqual(await h.store.listAudit(ref), trail, 'not even a "viewed"');
  });

  it('answers a form id it does not know, even one named like an object property', async () => {
    const h = await makeHarness();
    for (const formId of ['toString', 'constructor', 'nope']) {
      const r = await h.bot.handle({ type: 'form', actor: h.as('ann'), formId: formId as 'report', values: {} });
      assert.match(allText(r), /not one I know/);
    }
  });

  it('lets a reporter list and see only their own reports', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', {});
    await h.report('bob', {});
    const mine = allText(await h.say('ann', 'my reports'));
    assert.match(mine, new RegExp(ref));
    assert.doesNotMatch(mine, /ESC-2026-0002/);
    assert.match(allText(await h.say('ann', `show ${ref}`)), /Your report ESC-2026-0001.*open/);
    assert.match(allText(await h.say('ann', 'show ESC-2026-0002')), /only the head teacher/);
  });

  it('lists open, overdue and recent escalations for heads', async () => {
    const h = await makeHarness();
    await h.report('ann', {});
    assert.match(allText(await h.say('head', 'escalations')), /ESC-2026-0001/);
    assert.match(allText(await h.say('head', 'overdue')), /Nothing is overdue/);
    assert.match(allText(await h.say('dsl', 'recent')), /ESC-2026-0001/);
    const home = await h.bot.handle({ type: 'home', actor: h.as('head') });
    assert.match(allText(home), /Open escalations[\s\S]*ESC-2026-0001/);
  });
});

describe('delivery and reminders', () => {
  it('retries a failing notifier with backoff, keeps the escalation and shows the failure to the head', async () => {
    const h = await makeHarness();
    h.notifier.failNext(Infinity, 30_000);
    const { ref } = await h.report('ann', {});
    await h.bot.runDueWork();
    const [alert] = await h.store.listDeliveries(ref);
    assert.equal(alert.state, 'retrying');
    assert.ok(Date.parse(alert.nextAttemptAt) - h.clock.now().getTime() >= 30_000, 'Retry-After is honoured');
    assert.match(allText(await h.say('head', `show ${ref}`)), /FAILING after 1 attempt/);
    h.clock.advance(60_000);
    await h.bot.runDueWork();
    assert.equal((await h.store.getDelivery(alert.id))!.attempts, 2);
    h.notifier.failNext(0);
    h.clock.advance(3_600_000);
    await h.bot.runDueWork();
    assert.equal((await h.store.getDelivery(alert.id))!.state, 'sent');
    assert.equal(h.notifier.to('head').filter((m) => m.kind === 'send').length, 1);
  });

  it('tells the reporter once when the head still cannot be reached after a few tries', async () => {
    const h = await makeHarness();
    h.notifier.failNext(Infinity);
    const { ref } = await h.report('ann', {});
    for (let pass = 0; pass < 5; pass++) {
      await h.bot.runDueWork();
      h.clock.advance(3_600_000);
    }
    const [alert] = (await h.store.listDeliveries(ref)).filter((d) => d.purpose === 'alert');
    assert.ok(alert.attempts >= 4, `the alert kept being retried (${alert.attempts} attempts)`);
    const notices = (await h.store.listDeliveries(ref)).filter((d) => d.purpose === 'reporter-update' && d.to.userId === 'ann');
    assert.equal(notices.length, 1, 'one notice, not one per failed try');
    assert.match(notices[0].reply.text, new RegExp(`haven't been able to reach the head teacher with your report ${ref}`));
    assert.equal((await h.store.getEscalation(ref))!.status, 'open');
  });

  it('never sends an alert twice because the audit line after a successful send could not be written', async () => {
    const inner = createMemoryStore();
    let failAudit = false;
    const store: Store = {
      ...inner,
      updateEscalation: (ref, change) => (failAudit ? Promise.reject(new Error('disk full')) : inner.updateEscalation(ref, change)),
    };
    const h = await makeHarness({ store });
    failAudit = true;
    const { ref } = await h.report('ann', {});
    await h.bot.runDueWork();
    failAudit = false;
    const [alert] = await h.store.listDeliveries(ref);
    assert.equal(alert.state, 'sent');
    h.clock.advance(2 * 3600 * 1000);
    await h.bot.runDueWork();
    assert.equal(h.notifier.to('head').filter((m) => m.kind === 'send').length, 1, 'the head got the alert once');
  });

  it('chases an urgent escalation after the urgent response time (1 hour by default), a normal one after 24 hours', async () => {
    const h = await makeHarness({ people: { responseHours: 24 } });
    const normal = await h.report('ann', { category: 'abusive' });
    const urgent = await h.report('ann', { category: 'child-at-risk', about: 'pupil' });
    const created = h.clock.now().getTime();
    const due = async (ref: string) => Date.parse((await h.store.getEscalation(ref))!.dueAt) - created;
    assert.equal(await due(normal.ref), 24 * 3600 * 1000);
    assert.equal(await due(urgent.ref), 3600 * 1000);
    await h.bot.runDueWork();
    h.clock.advance(61 * 60 * 1000);
    await h.bot.runDueWork();
    assert.equal((await h.store.getEscalation(urgent.ref))!.overdue, true);
    assert.equal((await h.store.getEscalation(normal.ref))!.overdue, false);
    const reminders = h.notifier.sent.filter((m) => /Reminder/.test(m.reply.preview ?? ''));
    assert.deepEqual(reminders.map((m) => m.to.userId).sort(), ['dsl', 'head']);
  });

  it('uses the configured urgent response time, never later than the normal one', async () => {
    const configured = await makeHarness({ people: { responseHours: 24, urgentResponseHours: 2 } });
    const threat = await configured.report('ann', { category: 'threatening', poster: 'other' });
    const e = (await configured.store.getEscalation(threat.ref))!;
    assert.equal(Date.parse(e.dueAt) - Date.parse(e.createdAt), 2 * 3600 * 1000);
    const short = await makeHarness({ people: { responseHours: 0.5 } });
    const extremism = await short.report('ann', { category: 'extremism', about: 'pupil' });
    const x = (await short.store.getEscalation(extremism.ref))!;
    assert.equal(Date.parse(x.dueAt) - Date.parse(x.createdAt), 30 * 60 * 1000);
  });

  it('sends the overdue reminder exactly once', async () => {
    const h = await makeHarness({ people: { responseHours: 24 } });
    const { ref } = await h.report('ann', {});
    await h.bot.runDueWork();
    h.clock.advance(25 * 3600 * 1000);
    await Promise.all([h.bot.runDueWork(), h.bot.runDueWork()]);
    await h.bot.runDueWork();
    const reminders = h.notifier.to('head').filter((m) => /Reminder/.test(m.reply.preview ?? ''));
    assert.equal(reminders.length, 1);
    const e = (await h.store.getEscalation(ref))!;
    assert.equal(e.overdue, true);
    assert.equal((await h.store.listAudit(ref)).filter((a) => a.action === 'reminder-sent').length, 1);
    assert.match(allText(await h.say('head', 'overdue')), new RegExp(ref));
  });

  it('asks the store only for escalations already due, not every open one, on each pass', async () => {
    const queries: EscalationQuery[] = [];
    const inner = createMemoryStore();
    const store: Store = { ...inner, listEscalations: (q) => (queries.push(q), inner.listEscalations(q)) };
    const h = await makeHarness({ store, people: { responseHours: 24 } });
    const { ref } = await h.report('ann', {});
    await h.bot.runDueWork();
    h.clock.advance(25 * 3600 * 1000);
    queries.length = 0;
    await h.bot.runDueWork();
    const open = queries.filter((q) => q.status?.includes('open'));
    assert.deepEqual(open, [{ status: ['open'], overdue: false, dueBefore: h.clock.now().toISOString(), limit: 100_000 }]);
    assert.equal((await h.store.getEscalation(ref))!.overdue, true);
    // The retention pass reads resolved escalations once a day (a new day began), not on each pass.
    assert.deepEqual(queries.filter((q) => !q.status?.includes('open')), [{ status: ['resolved'], limit: 1_000_000 }]);
    queries.length = 0;
    h.clock.advance(3600 * 1000);
    await h.bot.runDueWork();
    assert.deepEqual(queries.filter((q) => q.status?.includes('resolved')), []);
  });
});

describe('a report flow across a restart', () => {
  it('continues where it was with a new bot over the same store file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flow-restart-'));
    try {
      const first = await createLowdbStore({ dataDir: dir });
      const h1 = await makeHarness({ store: first });
      await h1.say('ann', 'report');
      await h1.say('ann', 'no');
      await h1.say('ann', '1');
      await h1.say('ann', 'parent');
      await first.close();
      const second = await createLowdbStore({ dataDir: dir });
      const h2 = await makeHarness({ store: second });
      const next = await h2.say('ann', 'colleague');
      assert.match(allText(next), /question 5 of 10/);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
