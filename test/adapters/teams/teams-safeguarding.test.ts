// Safeguarding-grade reports over Teams with the real core: allegations routed with the LADO
// reminder and nothing about the person in any notification summary, and typed report answers.

import assert from 'node:assert/strict';
import { cardOf, cardText, executeInvoke, findAction, personalMessage, teamsUser } from './teams-harness.js';
import { startTeamsCore, type TeamsCore } from './teams-real-core.js';

const alice = teamsUser('Alice Assistant');
const head = teamsUser('Helen Head');
const dsl = teamsUser('Dev Safeguarding');
const chair = teamsUser('Carol Chair');

const allegation = {
  in_adultConcern: 'yes',
  in_category: 'abusive',
  in_poster: 'parent',
  in_about: 'colleague',
  in_platform: 'Facebook',
  in_seenAt: 'yesterday evening',
  in_evidenceKept: 'yes',
  in_replied: 'no',
  in_description: 'A parent posted that Mr Smith hits the children in 4B.',
};

describe('Teams: safeguarding-grade reports', function () {
  let core: TeamsCore;
  let h: TeamsCore['h'];
  const where = () => ({ serviceUrl: h.connector.url });

  beforeEach(async () => {
    core = await startTeamsCore({
      env: { TEAMS_HEAD_USERS: head.aadObjectId, TEAMS_DSL_USERS: dsl.aadObjectId, TEAMS_CHAIR_USERS: chair.aadObjectId },
      clockStart: '2026-03-05T10:00:00.000Z',
    });
    h = core.h;
  });

  afterEach(() => core.close());

  /** Proactive alerts about `ref`, by the Azure AD object id of the chat they went to. */
  const alertsTo = (ref: string) =>
    h.connector.calls.filter((c) => (c.kind === 'send' || c.kind === 'reply') && JSON.stringify(c.body).includes(ref) && findAction(c.body, 'Show details'));
  const member = (conversationId: string | undefined) => h.connector.sent('create').find((c) => c.id === conversationId)?.body.members[0].id;

  async function submit(values: Record<string, string>): Promise<string> {
    await h.post(personalMessage(alice, 'report', where()));
    const formCall = h.connector.calls.find((c) => JSON.stringify(c.body).includes('in_adultConcern'));
    assert.ok(formCall, 'the report card asks whether it is about an adult at the school');
    const { body } = await h.post(executeInvoke(alice, { ...findAction(cardOf(formCall.body), 'Send to the head')!, ...values }, formCall.id!, where()));
    const ref = /ESC-\d{4}-\d{4}/.exec(cardText(body.value))?.[0];
    assert.ok(ref, cardText(body.value));
    assert.match(cardText(body.value), /Do not tell the person concerned/);
    return ref;
  }

  it('sends an allegation about a teacher urgently to the head and the DSL, with the LADO reminder, naming nobody in any summary', async () => {
    const ref = await submit(allegation);
    await h.connector.waitFor(() => alertsTo(ref).length === 2);
    const to = alertsTo(ref).map((c) => member(c.conversationId)).sort();
    assert.deepEqual(to, [dsl.aadObjectId, head.aadObjectId].sort());
    for (const alert of alertsTo(ref)) {
      assert.equal(alert.body.summary, `Urgent report ${ref} needs your attention`);
      assert.match(cardText(cardOf(alert.body)), /Local Authority Designated Officer \(LADO\) within one working day, by the end of Friday 6 March 2026/);
      assert.doesNotMatch(JSON.stringify(alert.body), /Smith|4B/);
    }
    for (const c of h.connector.calls) {
      if (c.body.summary) assert.doesNotMatch(String(c.body.summary), /Smith|hits|4B/);
    }
  });

  it('sends an allegation about the head to the chair and the DSL, never to the head', async () => {
    const ref = await submit({ ...allegation, in_about: 'head' });
    await h.connector.waitFor(() => alertsTo(ref).length === 2);
    await core.bot.runDueWork();
    const to = alertsTo(ref).map((c) => member(c.conversationId)).sort();
    assert.deepEqual(to, [chair.aadObjectId, dsl.aadObjectId].sort());
    for (const alert of alertsTo(ref)) assert.doesNotMatch(JSON.stringify(alert.body), /Smith|4B/);
  });

  it('reads typed answers in the 1:1 chat: "yes I took screenshots", "facebook https://x.y/z", "Tuesday about 8pm"', async () => {
    const answers = ['report', 'no', 'abusive', 'a parent', 'me', 'facebook https://x.y/z', 'Tuesday about 8pm', 'yes I took screenshots', 'no', 'A parent called me a liar.'];
    for (const answer of answers) await h.post(personalMessage(alice, answer, where()));
    const said = h.connector.calls.filter((c) => c.kind === 'reply' || c.kind === 'send').map((c) => JSON.stringify(c.body)).join('\n');
    assert.match(said, /I've noted the link https:\/\/x\.y\/z, so I won't ask for it again/);
    assert.match(said, /I've put that down as Tuesday 3 March 2026, 8pm/);
    await h.post(personalMessage(alice, 'send', where()));
    const [e] = await core.store.listEscalations({});
    assert.ok(e, 'the typed report was stored');
    assert.deepEqual(
      [e.report.platform, e.report.link, e.report.seenAt, e.report.evidenceKept, e.report.replied],
      ['facebook', 'https://x.y/z', '2026-03-03T20:00:00.000Z', 'yes', 'no'],
    );
  });
});
