import assert from 'node:assert/strict';
import { readIncident, readsAsAllegation } from '../../../bot/report/read-incident.js';
import { ladoDeadline } from '../../../bot/report/allegation.js';
import { loadPolicyLibrary, type PolicyLibrary } from '../../../knowledge/library.js';
import { SEED_POLICIES } from '../../seed-policies.js';
import { allText, makeHarness } from '../harness.js';

const named = /Smith/;
const allegation = { adultConcern: 'yes', category: 'abusive', poster: 'parent', about: 'colleague', description: 'A parent posted that Mr Smith hits children in 4B.' } as const;

describe('allegations about an adult at the school', () => {
  let library: PolicyLibrary;
  before(async () => {
    library = await loadPolicyLibrary(SEED_POLICIES);
  });
  describe('reading them from a message', () => {
    const yes = [
      'a teacher hits children',
      'A parent posted on Facebook that Mr Smith hits children in his class',
      'I saw a post saying one of our TAs has been messaging a Year 5 girl on Snapchat',
      'a parent says the PE teacher grabbed her son by the arm',
      'a colleague is sending a Year 5 girl private messages, I think it is grooming',
      'Mrs Okafor pushed a yr3 boy into the wall at lunch',
      'a yp told me today one of the learning mentors has been messaging her on insta late at night',
      'one of our minibus escorts has added a girl in year 9 on snapchat and is sending her messages',
    ];
    const no = [
      'Mrs Jones was hit by a pupil',
      'a pupil hit Mrs Jones',
      'a parent posted lies about me on Facebook',
      'can teachers hit the like button on pupils posts?',
      'A Year 6 pupil posted a TikTok mocking Mrs Jones',
      'a former pupil is threatening to kill Mr Patel',
      'constructor',
      '__proto__ hits toString',
      'a mum showed me messages some random adult has been sending her 9 yr old on roblox',
      'a teacher told the children about the trip on the class blog',
      'a pupil told me a teacher at her old school used to shout at her',
    ];
    for (const text of yes) it(`reads "${text}" as an allegation`, () => assert.equal(readsAsAllegation(library, text), true));
    for (const text of no) it(`does not read "${text}" as one`, () => assert.equal(readsAsAllegation(library, text), false));

    it('marks it as a field of its own, leaving the kind of post as the words say', () => {
      const read = readIncident(library, 'a colleague is sending a Year 5 girl private messages, I think it is grooming');
      assert.deepEqual([read.adultConcern, read.category, read.poster], ['yes', 'child-at-risk', 'staff']);
      assert.equal(readIncident(library, 'a parent posted lies about me').adultConcern, undefined);
    });
  });

  it('counts the LADO deadline in UK working days', () => {
    const day = (iso: string) => ladoDeadline(iso).toISOString().slice(0, 10);
    assert.equal(day('2026-03-05T10:00:00Z'), '2026-03-06'); // Thursday → Friday
    assert.equal(day('2026-03-06T16:00:00Z'), '2026-03-09'); // Friday → Monday
    assert.equal(day('2026-03-07T09:00:00Z'), '2026-03-09'); // Saturday → Monday
  });

  it('goes urgently to the head and the DSL, with the LADO reminder and the policy quoted, and nothing about the person in previews', async () => {
    const h = await makeHarness();
    const { response, ref } = await h.report('ann', allegation);
    const e = (await h.store.getEscalation(ref))!;
    assert.equal(e.urgency, 'urgent');
    assert.deepEqual(e.recipients.map((r) => `${r.role}:${r.person.userId}`), ['dsl:dsl', 'head:head']);
    const told = allText(response);
    assert.match(told, /Do not tell the person concerned, and do not investigate or ask anyone about it yourself\. Speak to the head teacher or the designated safeguarding lead today/);
    assert.match(told, /sent to the designated safeguarding lead and the head teacher as urgent/);
    await h.bot.runDueWork();
    for (const to of ['head', 'dsl']) {
      const [alert] = h.notifier.to(to);
      assert.match(alert.reply.text, /tell the Local Authority Designated Officer \(LADO\) within one working day, by the end of Tuesday 3 March 2026/);
      assert.match(alert.reply.text, /refer all allegations of a safeguarding nature to the Local Authority Designated Officer \(LADO\).*\(Cadmus Family of Schools 10\.1\)/s);
      assert.doesNotMatch(alert.reply.text, named, 'the alert body keeps the details behind "Show details"');
    }
    for (const m of h.notifier.sent) assert.doesNotMatch(m.reply.preview ?? '', named);
    assert.ok(h.notifier.sent.every((m) => m.reply.preview), 'every DM has a preview of its own');
    const shown = allText(await h.say('dsl', `show ${ref}`));
    assert.match(shown, /Mr Smith hits children/);
    assert.match(shown, /About an adult at the school: Yes/);
  });

  it('about the head: to the chair and the DSL, never to the head, who may not open it', async () => {
    const h = await makeHarness();
    const { ref } = await h.report('ann', { ...allegation, about: 'head' });
    await h.bot.runDueWork();
    assert.deepEqual(h.notifier.sent.map((m) => m.to.userId).sort(), ['chair', 'dsl']);
    assert.match(h.notifier.to('chair')[0].reply.text, /The chair of governors should tell the Local Authority Designated Officer/);
    assert.match(allText(await h.say('head', `show ${ref}`)), /only the head teacher and the designated safeguarding lead/);
    assert.match(allText(await h.say('chair', `show ${ref}`)), /Mr Smith hits children/);
  });

  it('about the head with no chair configured: to the DSL alone, and the reporter is told so', async () => {
    const h = await makeHarness({ people: { chairs: [] } });
    const { response, ref } = await h.report('ann', { ...allegation, about: 'head' });
    await h.bot.runDueWork();
    assert.deepEqual(h.notifier.sent.map((m) => m.to.userId), ['dsl']);
    assert.match(allText(response), /No chair of governors is set up in the assistant, so this concern about the head teacher has gone to the designated safeguarding lead only/);
    assert.match(allText(response), /sent to the designated safeguarding lead as urgent/);
    assert.match(allText(response), /Speak to the designated safeguarding lead or the chair of governors \(not the head teacher\) today/);
    assert.match(allText(await h.say('head', `show ${ref}`)), /only the head teacher and the designated safeguarding lead/);
    assert.equal((await h.say('head', 'escalations')).replies[0].text.includes(ref), false);
  });

  it('about the head with neither chair nor DSL: nobody is alerted, the head least of all, and the reporter is told whom to tell', async () => {
    const h = await makeHarness({ people: { chairs: [], dsls: [] } });
    const { response } = await h.report('ann', { ...allegation, about: 'head' });
    await h.bot.runDueWork();
    assert.deepEqual(h.notifier.sent, []);
    assert.match(allText(response), /nobody has been alerted: please tell the designated safeguarding lead or the chair of governors in person/);
  });

  it('answers a message telling of one with what to do today and the report, and moves it out of a channel', async () => {
    const h = await makeHarness();
    const dm = await h.say('ann', 'A parent posted on Facebook that Mr Smith hits children in his class');
    assert.match(allText(dm), /Do not tell the person concerned/);
    assert.match(allText(dm), /Cadmus Family of Schools 10\.1/);
    assert.ok(dm.replies[0].blocks.some((b) => b.kind === 'actions' && b.actions.some((a) => a.action.type === 'report.start')));
    const channel = await h.say('ann', 'a teacher hits children', 'channel');
    assert.equal(channel.replies.length, 1);
    assert.doesNotMatch(channel.replies[0].text, /teacher|hits|children/);
    assert.match(allText({ ...channel, replies: [] }), /Do not tell the person concerned/);
  });

  it('is asked first in the typed report, and an allegation typed that way is routed as one', async () => {
    const h = await makeHarness();
    const start = await h.say('ann', 'report');
    assert.match(allText(start), /Is this about something an adult who works or volunteers at the school has done/);
    for (const answer of ['yes', 'abusive', 'a parent', 'a colleague', 'facebook https://x.y/z', 'yesterday evening', 'yes I took screenshots', 'nobody replied', 'A parent posted that Mr Smith hits children.']) {
      await h.say('ann', answer);
    }
    const sent = await h.say('ann', 'send');
    const ref = /ESC-\d{4}-\d{4}/.exec(allText(sent))![0];
    const e = (await h.store.getEscalation(ref))!;
    assert.deepEqual([e.urgency, e.report.adultConcern, e.report.platform, e.report.link, e.report.evidenceKept, e.report.replied], ['urgent', 'yes', 'facebook', 'https://x.y/z', 'yes', 'no']);
    assert.equal(e.report.seenAt, '2026-03-01T19:00:00.000Z');
  });
});
