// Safeguarding-grade reports over Slack with the real core: an allegation about a teacher or the
// head routed to the right people with the LADO reminder and nothing about the person in any
// notification text, and the typed report in a DM reading answers as people type them.

import assert from 'node:assert/strict';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { realCore, DSL, HEAD, STAFF, type RealCore } from './real-core.js';
import type { RecordedCall } from './fake-slack-api.js';
import { dmEvent, viewSubmissionPayload } from './slack-requests.js';

type Json = Record<string, any>;
const CHAIR = 'UCHAIR001';
const posts = (h: SlackHarness, channel: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const select = (value: string) => ({ v: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } } });
const text = (value: string) => ({ v: { type: 'plain_text_input', value } });

function allegation(about: string): Record<string, Record<string, unknown>> {
  return {
    'f:adultConcern': select('yes'),
    'f:category': select('abusive'),
    'f:poster': select('parent'),
    'f:about': select(about),
    'f:platform': text('Facebook, the Year 4 parents group'),
    'f:seenAt': { v: { type: 'datetimepicker', selected_date_time: Math.floor(Date.now() / 1000) - 3600 } },
    'f:evidenceKept': select('yes'),
    'f:replied': select('no'),
    'f:description': text('A parent posted that Mr Smith hits the children in 4B when nobody is looking.'),
  };
}

/** Every notification text Slack was asked to show: a message's `text` is what the preview shows. */
const notificationTexts = (h: SlackHarness) => h.api.callsTo('chat.postMessage').map((c: RecordedCall) => String(c.args.text));

describe('Slack: safeguarding-grade reports', () => {
  let h: SlackHarness;
  let core: RealCore;

  beforeEach(async () => {
    h = await startSlackHarness({ core: async (config) => (core = await realCore(config, { SLACK_CHAIR_USERS: CHAIR })) });
  });
  afterEach(() => h.close());

  async function submit(values: Record<string, Record<string, unknown>>): Promise<string> {
    await h.sendCommand('/report', '', STAFF);
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = h.api.callsTo('views.open').at(-1)!.args.view as Json;
    assert.match(JSON.stringify(view.blocks), /Is this about something an adult who works or volunteers at the school has done|About something an adult at the school has done/);
    const res = await h.sendInteraction(viewSubmissionPayload(STAFF, view, values));
    assert.equal(res.status, 200);
    await h.api.waitFor(() => posts(h, `D${STAFF}`).some((p) => /ESC-\d{4}-\d+/.test(String(p.args.text))));
    return /ESC-\d{4}-\d+/.exec(String(posts(h, `D${STAFF}`).at(-1)!.args.text))![0];
  }

  it('sends an allegation about a teacher urgently to the head and the DSL, with the LADO reminder, naming nobody in any notification', async () => {
    const ref = await submit(allegation('colleague'));
    await h.api.waitFor(() => posts(h, `D${HEAD}`).length === 1 && posts(h, `D${DSL}`).length === 1);
    for (const user of [HEAD, DSL]) {
      const alert = posts(h, `D${user}`)[0];
      assert.match(String(alert.args.text), new RegExp(`^Urgent report ${ref} needs your attention$`));
      const body = JSON.stringify(alert.args.blocks);
      assert.match(body, /Local Authority Designated Officer \(LADO\) within one working day/);
      assert.match(body, /refer all allegations of a safeguarding nature to the Local Authority Designated Officer/);
      assert.doesNotMatch(body, /Smith/);
    }
    assert.equal(posts(h, `D${CHAIR}`).length, 0);
    const confirmation = posts(h, `D${STAFF}`).at(-1)!;
    assert.match(JSON.stringify(confirmation.args.blocks), /Do not tell the person concerned/);
    for (const t of notificationTexts(h)) assert.doesNotMatch(t, /Smith|hits|4B/, t);
    assert.equal((await core.store.getEscalation(ref))!.urgency, 'urgent');
  });

  it('sends an allegation about the head to the chair and the DSL, never to the head', async () => {
    const ref = await submit(allegation('head'));
    await h.api.waitFor(() => posts(h, `D${CHAIR}`).length === 1 && posts(h, `D${DSL}`).length === 1);
    await core.bot.runDueWork();
    assert.equal(posts(h, `D${HEAD}`).length, 0);
    assert.match(JSON.stringify(posts(h, `D${CHAIR}`)[0].args.blocks), /The chair of governors should tell the Local Authority Designated Officer/);
    for (const t of notificationTexts(h)) assert.doesNotMatch(t, /Smith|hits|4B/, t);
    assert.deepEqual((await core.store.getEscalation(ref))!.recipients.map((r) => r.role).sort(), ['chair', 'dsl']);
  });

  it('reads typed answers in a DM: "yes I took screenshots", "facebook https://x.y/z", "Tuesday about 8pm"', async () => {
    core.clock.set('2026-03-05T10:00:00.000Z');
    const answers = ['report', 'no', 'abusive', 'a parent', 'me', 'facebook https://x.y/z', 'Tuesday about 8pm', 'yes I took screenshots', 'no', 'A parent called me a liar.'];
    for (const [i, answer] of answers.entries()) {
      await h.sendEvent(dmEvent(STAFF, answer));
      await h.api.waitFor(() => posts(h, `D${STAFF}`).length === i + 1);
    }
    const said = posts(h, `D${STAFF}`).map((p) => JSON.stringify(p.args.blocks)).join('\n');
    assert.match(said, /I've noted the link https:\/\/x\.y\/z, so I won't ask for it again/);
    assert.match(said, /I've put that down as Tuesday 3 March 2026, 8pm/);
    assert.match(said, /Check your report/);
    await h.sendEvent(dmEvent(STAFF, 'send'));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).some((p) => /Your report ESC-\d{4}-\d+ is saved/.test(String(p.args.text))));
    const [e] = await core.store.listEscalations({});
    assert.deepEqual(
      [e.report.platform, e.report.link, e.report.seenAt, e.report.evidenceKept, e.report.replied],
      ['facebook', 'https://x.y/z', '2026-03-03T20:00:00.000Z', 'yes', 'no'],
    );
  });
});
