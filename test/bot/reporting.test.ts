import assert from 'node:assert/strict';
import { createMemoryStore } from '../fakes/memory-store.js';
import type { ReportFields } from '../../bot/escalations/model.js';
import { allText, makeHarness } from './harness.js';

interface Case {
  name: string;
  school: string;
  fields: Partial<ReportFields>;
  to: string[];
  urgency: 'urgent' | 'normal';
  guidance: RegExp;
}

const cases: Case[] = [
  { name: "a pupil's post about staff (Cadmus 5.1, school discipline)", school: 'cadmus', fields: { poster: 'pupil', about: 'colleague' }, to: ['head'], urgency: 'normal', guidance: /Cadmus Family of Schools 5\.1/ },
  { name: "a parent's post (LFSSQ's procedure for parents)", school: 'lfssq', fields: { poster: 'parent', category: 'defamatory' }, to: ['head'], urgency: 'normal', guidance: /parent\/carer removes such comments immediately.*meeting with the Executive Headteacher/s },
  { name: 'a former pupil trolling a colleague (Templemoor: keep records)', school: 'templemoor', fields: { poster: 'ex-pupil', about: 'colleague' }, to: ['head'], urgency: 'normal', guidance: /keep records of the abuse/ },
  { name: 'a member of staff whose post may harm a child (Cadmus 10.1, LADO)', school: 'cadmus', fields: { poster: 'staff', about: 'pupil', category: 'child-at-risk' }, to: ['dsl', 'head'], urgency: 'urgent', guidance: /Cadmus Family of Schools 10\.1/ },
  { name: 'a child at risk (Learn to Live: designated safeguarding officer)', school: 'learn-to-live', fields: { poster: 'unknown', about: 'pupil', category: 'child-at-risk' }, to: ['dsl', 'head'], urgency: 'urgent', guidance: /designated safeguarding officer/ },
  { name: 'someone else threatening violence (Cadmus 5.3, police)', school: 'cadmus', fields: { poster: 'other', about: 'me', category: 'threatening' }, to: ['head'], urgency: 'urgent', guidance: /contact the police/ },
  { name: 'extremism (Templemoor: head and DSL at once)', school: 'templemoor', fields: { poster: 'unknown', about: 'pupil', category: 'extremism' }, to: ['dsl', 'head'], urgency: 'urgent', guidance: /risk of radicalisation.*designated safeguarding lead/s },
];

describe('reporting a post', () => {
  for (const c of cases) {
    it(`routes ${c.name} to the right people with the school's own guidance`, async () => {
      const h = await makeHarness({ school: c.school });
      const { response, ref } = await h.report('ann', c.fields);
      assert.match(ref, /^ESC-2026-0001$/);
      assert.match(allText(response), c.guidance);
      const e = (await h.store.getEscalation(ref))!;
      assert.equal(e.urgency, c.urgency);
      assert.deepEqual(e.recipients.map((r) => r.person.userId), c.to);
      await h.bot.runDueWork();
      assert.deepEqual(h.notifier.sent.map((m) => m.to.userId).sort(), [...c.to].sort());
      assert.ok(e.guidance.length > 0, 'guidance is stored with the escalation');
    });
  }

  it('confirms a stored report even when tidying up its finished flow fails', async () => {
    const store = createMemoryStore();
    store.deleteFlow = async () => {
      throw new Error('disk full');
    };
    const h = await makeHarness({ store });
    const { response, ref } = await h.report('ann', {});
    assert.match(ref, /^ESC-\d{4}-\d{4}$/, allText(response));
    assert.doesNotMatch(allText(response), /couldn't save|try again/i);
    assert.equal((await store.getEscalation(ref))?.reporter.userId, 'ann');
  });

  it('sends a report about the head to the chair of governors, not the head', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', { poster: 'parent', about: 'head' });
    await h.bot.runDueWork();
    assert.deepEqual(h.notifier.sent.map((m) => m.to.userId), ['chair']);
    assert.equal((await h.press('head', { type: 'escalation.ack', ref })).ephemeral?.text.includes('only the head teacher'), true);
  });

  it('tells the reporter plainly when nobody is configured, and still keeps the report', async () => {
    const h = await makeHarness({ people: { heads: [], dsls: [], chairs: [] } });
    const { response, ref } = await h.report('ann', {});
    assert.match(allText(response), /nobody has been alerted: please tell the head teacher in person/);
    assert.ok(await h.store.getEscalation(ref));
  });

  it('puts the imagery warning first for sexual content, and asks the DSL to record it', async () => {
    const h = await makeHarness({ people: { safeguardingSystem: 'CPOMS' } });
    const { response, ref } = await h.report('ann', { category: 'sexual', about: 'pupil' });
    const first = response.direct[0].blocks[0];
    assert.equal(first.kind, 'text');
    assert.match((first as { text: string }).text, /^Do not view, copy, forward, screenshot or save the image, and do not ask a child to send it/);
    await h.bot.runDueWork();
    assert.match(h.notifier.to('dsl')[0].reply.text, new RegExp(`record this concern in CPOMS`));
    assert.ok(ref);
  });

  it('keeps child-protection details out of the notification and shows them only on request', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', { category: 'child-at-risk', about: 'pupil', description: 'Jamie Smith in Year 4 says he is scared to go home.' });
    await h.bot.runDueWork();
    const alert = h.notifier.to('head')[0].reply;
    assert.ok(alert.preview);
    assert.doesNotMatch(`${alert.preview}\n${alert.text}`, /Jamie|scared/);
    assert.match(alert.preview!, new RegExp(ref));
    const shown = await h.press('head', { type: 'escalation.show', ref });
    assert.match(allText(shown), /Jamie Smith in Year 4/);
    assert.equal(shown.direct.length, 1, 'details go to the head privately');
    const trail = await h.store.listAudit(ref);
    assert.ok(trail.some((a) => a.action === 'viewed'));
  });

  it('stores mrkdwn, HTML and mentions exactly as typed', async () => {
    const h = await makeHarness();
    const description = '<!channel> *bold* <script>alert(1)</script> @here <@U123> <http://x|y>';
    const { ref } = await h.report('ann', { description });
    assert.equal((await h.store.getEscalation(ref))!.report.description, description);
  });

  it('returns field errors for an invalid form and stores nothing', async () => {
    const h = await makeHarness();
    const r = await h.bot.handle({ type: 'form', actor: h.as('ann'), formId: 'report', values: { category: 'abusive', link: 'not a link', description: 'x'.repeat(20_000) } });
    assert.ok(r.formErrors);
    assert.match(r.formErrors!.link, /not a web link/);
    assert.match(r.formErrors!.description, /under 3,000/);
    assert.equal((await h.store.listEscalations({})).length, 0);
  });

  it('moves a report raised in a channel to a direct message', async () => {
    const h = await makeHarness();
    const r = await h.bot.handle({ type: 'action', actor: h.as('ann'), action: { type: 'report.start' }, where: 'channel' });
    assert.equal(r.replies.length, 1);
    assert.doesNotMatch(r.replies[0].text, /question/);
    assert.match(r.direct[0].text, /question 1 of 10/);
    assert.equal(r.form?.id, 'report');
    const typed = await h.say('ann', 'show ESC-2026-0001', 'channel');
    assert.equal(typed.replies.length, 1);
    assert.match(typed.replies[0].text, /direct message/);
  });

  it('answers empty, huge and unknown input with a clear message', async () => {
    const h = await makeHarness();
    assert.match(allText(await h.say('ann', '   ')), /Type a question/);
    assert.match(allText(await h.say('ann', 'x'.repeat(25_000))), /25,000 characters, too long/);
    assert.match(allText(await h.say('ann', '/frobnicate')), /don't know the command "\/frobnicate"/);
    assert.match(allText(await h.say('ann', 'ack')), /Which report\?/);
    assert.match(allText(await h.say('ann', 'show Q-abc')), /"Q-abc" is not a reference; they look like Q-2026-0007/);
    assert.match(allText(await h.say('ann', 'ack esc-12')), /"esc-12" is not a reference; they look like ESC-2026-0001/);
  });
});

describe('the typed report conversation', () => {
  it('walks a report from "report" to a stored escalation', async () => {
    const h = await makeHarness();
    const start = await h.say('ann', 'report');
    assert.match(start.direct[0].text, /question 1 of 10/);
    for (const answer of ['no', '1', 'pupil', 'colleague', 'TikTok', 'skip', 'today', 'yes', 'no', 'A pupil mocked Mr Brown.']) await h.say('ann', answer);
    const sent = await h.say('ann', 'send');
    assert.match(allText(sent), /saved as ESC-2026-0001/);
    assert.equal((await h.store.listEscalations({})).length, 1);
    assert.equal(await h.store.getFlow('report:cadmus:console:ann'), undefined);
  });

  it('cancels without storing anything', async () => {
    const h = await makeHarness();
    await h.say('ann', 'report');
    await h.say('ann', '1');
    assert.match(allText(await h.say('ann', 'cancel')), /cancelled; nothing was sent/);
    assert.equal((await h.store.listEscalations({})).length, 0);
  });
});

describe('channel privacy', () => {
  it('moves an incident told in a channel to a DM even when it was read as a question', async () => {
    const h = await makeHarness();
    const r = await h.say('ann', 'a parent posted on Facebook calling Mrs Jones a liar', 'channel');
    assert.equal(r.replies.length, 1);
    assert.doesNotMatch(r.replies[0].text, /Jones|liar/);
    assert.ok(r.direct[0].blocks.some((b) => b.kind === 'actions' && b.actions.some((a) => a.action.type === 'report.start')));
  });
});
