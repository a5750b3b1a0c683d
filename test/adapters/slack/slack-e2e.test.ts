// The Slack app end to end with the real core: signed requests in, the fake Slack Web API's record
// of what Slack would have received out. Questions, the report modal, the head's DM and its buttons.

import assert from 'node:assert/strict';
import { decodeAction } from '../../../adapters/slack/action-value.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { realCore, DSL, HEAD, OTHER, STAFF, type RealCore } from './real-core.js';
import type { RecordedCall } from './fake-slack-api.js';
import { reportValues } from './report-values.js';
import { blockActionPayload, dmEvent, interactionBody, mentionEvent, messageShortcutPayload, postSigned, viewSubmissionPayload } from './slack-requests.js';

type Json = Record<string, any>;

const posts = (h: SlackHarness, channel: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const textOf = (call: RecordedCall) => JSON.stringify(call.args);

/** The button in a posted message whose action has `type`. */
function buttonIn(call: RecordedCall, type: string): { value: string; action_id: string } {
  for (const block of (call.args.blocks ?? []) as Json[]) {
    for (const el of block.elements ?? []) if (el.type === 'button' && decodeAction(el.value)?.type === type) return el;
  }
  throw new Error(`no ${type} button in ${textOf(call).slice(0, 500)}`);
}

describe('Slack app with the real core', () => {
  let h: SlackHarness;
  let core: RealCore;

  beforeEach(async () => {
    h = await startSlackHarness({ core: async (config) => (core = await realCore(config)) });
  });
  afterEach(() => h.close());

  /** Opens /report as STAFF and submits the modal; resolves the escalation ref from the confirmation DM. */
  async function report(values = reportValues(), user = STAFF): Promise<string> {
    await h.sendCommand('/report', '', user);
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = h.api.callsTo('views.open').at(-1)!.args.view as Json;
    const res = await h.sendInteraction(viewSubmissionPayload(user, view, values));
    assert.equal(res.status, 200);
    assert.equal(res.text, '', 'the modal closes');
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === `D${user}` && /ESC-\d{4}-\d+/.test(String(x.args.text))));
    return /ESC-\d{4}-\d+/.exec(String(posts(h, `D${user}`).at(-1)!.args.text))![0];
  }

  it('answers a DM question with the quoted clause and its citation', async () => {
    const res = await h.sendEvent(dmEvent(STAFF, 'Can I go on Facebook on the school computer?'));
    assert.equal(res.status, 200);
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 1);
    const blocks = JSON.stringify(posts(h, `D${STAFF}`)[0].args.blocks);
    assert.match(blocks, />Staff are not allowed to access social media websites from the school computers/);
    assert.match(blocks, /Cadmus Family of Schools\* · 3\.1 Personal use of social media at work/);
  });

  it('answers a mention in its thread, and moves a report-like mention to a DM', async () => {
    const question = mentionEvent(STAFF, 'can I go on Facebook on the school computer?');
    await h.sendEvent(question);
    await h.api.waitFor(() => posts(h, 'C0STAFFROOM').length === 1);
    assert.equal(posts(h, 'C0STAFFROOM')[0].args.thread_ts, question.ts);

    await h.sendEvent(mentionEvent(STAFF, 'a parent posted on Facebook calling Mrs Jones a liar'));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 1 && posts(h, 'C0STAFFROOM').length === 2);
    const inChannel = textOf(posts(h, 'C0STAFFROOM')[1]);
    assert.match(inChannel, /direct message/);
    assert.doesNotMatch(inChannel, /Jones|liar/);
    assert.match(textOf(posts(h, `D${STAFF}`)[0]), /report\.start/);
  });

  it('answers /policy privately through the response_url', async () => {
    const res = await h.sendCommand('/policy', 'Can I go on Facebook on the school computer?', STAFF);
    assert.equal(res.status, 200);
    await h.api.waitFor((c) => c.some((x) => x.method === 'response_url'));
    const answer = h.api.callsTo('response_url')[0].args;
    assert.equal(answer.response_type, 'ephemeral');
    assert.match(JSON.stringify(answer.blocks), /3\.1 Personal use of social media at work/);
  });

  it('takes a whole report through the modal: a field error, then the head is told', async () => {
    await h.sendCommand('/report', '', STAFF);
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const open = h.api.callsTo('views.open')[0].args;
    assert.match(String(open.trigger_id), /^trig-/);
    const view = open.view as Json;
    assert.equal(view.callback_id, 'form:report');
    assert.match(JSON.stringify(view.blocks), /never upload or attach images/);
    assert.equal(posts(h, `D${STAFF}`).length, 0, 'the modal replaces the typed questions');

    const bad = await h.sendInteraction(viewSubmissionPayload(STAFF, view, reportValues({ 'f:link': { v: { type: 'url_text_input', value: 'not a link' } }, 'f:category': { v: { type: 'static_select', selected_option: null } } })));
    assert.equal(bad.status, 200);
    const body = bad.json();
    assert.equal(body.response_action, 'errors');
    assert.match((body.errors as Json)['f:link'], /not a web link/);
    assert.ok((body.errors as Json)['f:category']);

    const good = await h.sendInteraction(viewSubmissionPayload(STAFF, view, reportValues()));
    assert.equal(good.status, 200);
    await h.api.waitFor(() => posts(h, `D${HEAD}`).length === 1 && posts(h, `D${STAFF}`).length === 1);
    const confirmation = String(posts(h, `D${STAFF}`)[0].args.text);
    const ref = /ESC-\d{4}-\d+/.exec(confirmation)![0];
    const alert = posts(h, `D${HEAD}`)[0];
    assert.match(String(alert.args.text), new RegExp(ref));
    for (const type of ['escalation.ack', 'escalation.note', 'escalation.resolve']) buttonIn(alert, type);
    assert.ok(h.api.callsTo('conversations.open').some((c) => c.args.users === HEAD));
  });

  it('creates one escalation and one head DM when the signed report submission is replayed', async () => {
    await h.sendCommand('/report', '', STAFF);
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = h.api.callsTo('views.open')[0].args.view as Json;
    const body = interactionBody(viewSubmissionPayload(STAFF, view, reportValues()));
    const timestamp = Math.floor(Date.now() / 1000);
    const sends = [];
    for (let i = 0; i < 3; i++) sends.push(await postSigned(h.eventsUrl, body, 'application/x-www-form-urlencoded', { timestamp }));
    assert.deepEqual(sends.map((r) => r.status), [200, 200, 200]);
    await h.api.waitFor(() => posts(h, `D${HEAD}`).length === 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await core.store.listEscalations({})).length, 1);
    assert.equal(posts(h, `D${HEAD}`).length, 1);
  });

  it('acknowledges, notes and resolves from the head\'s DM: updated in place, the reporter told', async () => {
    const ref = await report();
    await h.api.waitFor(() => posts(h, `D${HEAD}`).length === 1);
    const alert = posts(h, `D${HEAD}`)[0];
    const alertTs = String(alert.result!.ts);
    const press = (type: string, user = HEAD) =>
      h.sendInteraction(blockActionPayload({ user, value: buttonIn(alert, type).value, channel: `D${HEAD}`, messageTs: alertTs, responseUrl: h.api.responseUrl(`btn-${type}`) }));

    await press('escalation.ack');
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.update' && x.args.ts === alertTs));
    const acked = h.api.callsTo('chat.update').find((x) => x.args.ts === alertTs)!;
    assert.equal(acked.args.channel, `D${HEAD}`);
    assert.match(textOf(acked), /Acknowledged|acknowledged/);
    assert.doesNotMatch(JSON.stringify(acked.args.blocks), /escalation\.ack/);
    await h.api.waitFor(() => posts(h, `D${STAFF}`).some((p) => /acknowledged/i.test(textOf(p))));
    assert.equal((await core.store.getEscalation(ref))!.status, 'acknowledged');

    await press('escalation.note');
    await h.api.waitFor((c) => c.filter((x) => x.method === 'views.open').length === 2);
    const noteView = h.api.callsTo('views.open')[1].args.view as Json;
    assert.equal(noteView.callback_id, 'form:escalation.note');
    const noted = await h.sendInteraction(viewSubmissionPayload(HEAD, noteView, { 'f:note': { v: { type: 'plain_text_input', value: 'Spoke to the parent.' } } }));
    assert.equal(noted.status, 200);
    await h.api.waitFor(async () => (await core.store.getEscalation(ref))?.notes.length === 1);
    assert.equal((await core.store.getEscalation(ref))!.notes[0].text, 'Spoke to the parent.');

    await press('escalation.resolve');
    await h.api.waitFor((c) => c.filter((x) => x.method === 'views.open').length === 3);
    const resolveView = h.api.callsTo('views.open')[2].args.view as Json;
    const empty = await h.sendInteraction(viewSubmissionPayload(HEAD, resolveView, {}));
    assert.equal(empty.json().response_action, 'errors');
    await h.sendInteraction(viewSubmissionPayload(HEAD, resolveView, { 'f:outcome': { v: { type: 'plain_text_input', value: 'Post removed after a meeting.' } } }));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).some((p) => /Post removed after a meeting/.test(textOf(p))));
    const resolved = (await core.store.getEscalation(ref))!;
    assert.equal(resolved.status, 'resolved');
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.update' && x.args.ts === alertTs && /resolved/i.test(textOf(x)) && !/escalation\.resolve/.test(JSON.stringify(x.args.blocks))));
  });

  it('refuses a button pressed by someone who may not act, ephemerally, and changes nothing', async () => {
    const ref = await report();
    await h.api.waitFor(() => posts(h, `D${HEAD}`).length === 1);
    const value = buttonIn(posts(h, `D${HEAD}`)[0], 'escalation.ack').value;
    const updatesBefore = h.api.callsTo('chat.update').length;
    await h.sendInteraction(blockActionPayload({ user: OTHER, value, channel: `D${OTHER}`, messageTs: '1700000000.000555', responseUrl: h.api.responseUrl('other') }));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postEphemeral'));
    const refusal = h.api.callsTo('chat.postEphemeral')[0].args;
    assert.equal(refusal.user, OTHER);
    // No sleep needed: a response's in-place update is sent before its ephemeral, so by now it would be here.
    assert.equal(h.api.callsTo('chat.update').length, updatesBefore);
    assert.ok((await core.store.listAudit(ref)).some((a) => a.action === 'refused' && a.actor !== 'system' && a.actor.userId === OTHER), 'the refusal is in the audit trail');
    assert.equal((await core.store.getEscalation(ref))!.status, 'open');
  });

  it('answers a forged or damaged button (bad JSON, missing ref) with an ephemeral line, changing nothing', async () => {
    const ref = await report();
    // The alert's delivery records itself on the escalation: let it finish before taking the version.
    await core.bot.runDueWork();
    const before = (await core.store.getEscalation(ref))!.version;
    for (const [i, value] of ['{"type":"escalation.ack"', '{"type":"escalation.ack"}', '{"type":"escalation.resolve","ref":{"$ne":1},"outcome":"x"}'].entries()) {
      const res = await h.sendInteraction(blockActionPayload({ user: HEAD, value, channel: `D${HEAD}`, messageTs: '1700000000.000900', responseUrl: h.api.responseUrl(`stale-${i}`) }));
      assert.equal(res.status, 200);
    }
    await h.api.waitFor((c) => c.filter((x) => x.method === 'response_url').length === 3);
    for (const answer of h.api.callsTo('response_url')) {
      assert.equal(answer.args.response_type, 'ephemeral');
      assert.match(String(answer.args.text), /out of date/);
    }
    assert.equal((await core.store.getEscalation(ref))!.version, before);
    assert.equal(h.api.callsTo('chat.update').length, 0);
  });

  it('keeps the escalation when Slack answers the head\'s DM with 429 then 500, waits as told, and delivers it', async () => {
    h.api.failNextWhere('chat.postMessage', (a) => a.channel === `D${HEAD}`, { status: 429, retryAfter: 30 }, { status: 500 });
    const ref = await report();
    const headPosts = () => posts(h, `D${HEAD}`).length;
    await h.api.waitFor(() => headPosts() === 1);
    await core.bot.runDueWork();
    let [delivery] = await core.store.listDeliveries(ref);
    assert.equal(delivery.state, 'retrying');
    assert.match(delivery.lastError ?? '', /rate limited/);
    assert.ok((await core.store.getEscalation(ref)), 'the escalation is kept');

    core.clock.advance(20_000);
    await core.bot.runDueWork();
    assert.equal(headPosts(), 1, 'not before Retry-After');

    core.clock.advance(11_000);
    await core.bot.runDueWork();
    assert.equal(headPosts(), 2);
    [delivery] = await core.store.listDeliveries(ref);
    assert.equal(delivery.state, 'retrying');
    assert.match(delivery.lastError ?? '', /HTTP 500/);
    assert.equal(delivery.attempts, 2);

    core.clock.advance(60_000);
    await core.bot.runDueWork();
    [delivery] = await core.store.listDeliveries(ref);
    assert.equal(delivery.state, 'sent');
    assert.equal(headPosts(), 3);
    const trail = await core.store.listAudit(ref);
    assert.ok(trail.some((a) => a.action === 'delivery-failed'));
    assert.ok(trail.some((a) => a.action === 'notified'));
  });

  it('alerts the DSL and the head at once for a child at risk, with no details in the notification', async () => {
    const secret = 'Pupil in Year 5 says an adult online asked to meet her';
    const select = (value: string) => ({ v: { type: 'static_select', selected_option: { value } } });
    await report(reportValues({ 'f:category': select('child-at-risk'), 'f:about': select('pupil'), 'f:description': { v: { type: 'plain_text_input', value: secret } } }));
    await h.api.waitFor(() => posts(h, `D${HEAD}`).length === 1 && posts(h, `D${DSL}`).length === 1);
    for (const alert of [posts(h, `D${HEAD}`)[0], posts(h, `D${DSL}`)[0]]) {
      assert.match(String(alert.args.text), /Urgent report ESC-/);
      assert.doesNotMatch(String(alert.args.text), /Year 5|adult|meet/);
      assert.doesNotMatch(JSON.stringify(alert.args.blocks), /Year 5|adult online/);
      buttonIn(alert, 'escalation.show');
    }
  });

  it('escapes mentions and links in a report description wherever Slack shows it, within limits', async () => {
    const nasty = '<!channel> <!here> <@U123> see <http://evil.example|x> & more. ' + 'Long account of what happened. '.repeat(90);
    const ref = await report(reportValues({ 'f:description': { v: { type: 'plain_text_input', value: nasty.slice(0, 2990) } } }));
    await h.api.waitFor(() => posts(h, `D${HEAD}`).length === 1);
    const alert = posts(h, `D${HEAD}`)[0];
    const shown = JSON.stringify(alert.args.blocks) + String(alert.args.text);
    assert.doesNotMatch(shown, /<!channel>|<!here>|<@U123>|<http:\/\/evil/);
    assert.match(shown, /&lt;!channel&gt;/);
    const blocks = alert.args.blocks as Json[];
    assert.ok(blocks.length <= 50);
    for (const b of blocks) {
      if (b.text) assert.ok(b.text.text.length <= 3000);
      for (const f of b.fields ?? []) assert.ok(f.text.length <= 2000);
    }
    assert.equal((await core.store.getEscalation(ref))!.report.description, nasty.slice(0, 2990).trim(), 'stored as typed');
  });

  it('opens the report modal from "Report this message", prefilled with the message text only', async () => {
    await h.sendInteraction(messageShortcutPayload(STAFF, { text: 'Mum says &lt;b&gt;Mr Smith&lt;/b&gt; is a liar', user: 'UPARENT1', ts: '1700000500.000100' }));
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = h.api.callsTo('views.open')[0].args.view as Json;
    const description = (view.blocks as Json[]).find((b) => b.block_id === 'f:description')!;
    assert.match(description.element.initial_value, /Mum says <b>Mr Smith<\/b> is a liar/);
    assert.equal(posts(h, 'C0STAFFROOM').length, 0, 'nothing in the channel');
  });

  it('publishes the App Home: staff see how to ask; the head sees open escalations', async () => {
    await report();
    await h.sendEvent({ type: 'app_home_opened', user: HEAD, channel: `D${HEAD}`, tab: 'home', event_ts: '1700000600.000100' });
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.publish'));
    const published = h.api.callsTo('views.publish')[0].args;
    assert.equal(published.user_id, HEAD);
    assert.equal((published.view as Json).type, 'home');
    assert.match(JSON.stringify(published.view), /Open escalations/);
    assert.ok(((published.view as Json).blocks as unknown[]).length <= 100);
  });

  it('stores 👍/👎 feedback and answers a "did you mean" button by clause id', async () => {
    await h.sendInteraction(blockActionPayload({ user: STAFF, value: JSON.stringify({ type: 'feedback', answerId: 'ans-1', helpful: false }), channel: `D${STAFF}`, messageTs: '1700000000.000321', responseUrl: h.api.responseUrl('fb') }));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postEphemeral'));
    const [feedback] = await core.store.listFeedback();
    assert.equal(feedback.helpful, false);
    await h.sendInteraction(blockActionPayload({ user: STAFF, value: JSON.stringify({ type: 'ask.choose', clauseId: 'cadmus-3.1', question: 'facebook at school' }), channel: `D${STAFF}`, messageTs: '1700000000.000322', responseUrl: h.api.responseUrl('dym') }));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 1);
    assert.match(textOf(posts(h, `D${STAFF}`)[0]), /3\.1 Personal use of social media at work/);
  });

  it('handles a retried event once and acknowledges 100 concurrent questions within 3 s', async () => {
    const event = dmEvent(STAFF, 'Can I go on Facebook on the school computer?');
    await h.sendEvent(event, { eventId: 'EvRETRY' });
    await h.sendEvent(event, { eventId: 'EvRETRY', retryNum: 1 });
    await h.sendEvent(event, { eventId: 'EvRETRY', retryNum: 2 });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => h.sendEvent(dmEvent(`UQ${i}`, 'Can I post photos of pupils on my own Facebook?'))));
    // NOTE: every assert.ok here has a message: without one, Node parses the (transpiled) source to
    // describe the failure, which can take minutes and blocks the event loop (the suite then hangs).
    assert.ok(results.every((r) => r.status === 200), 'every event acknowledged with 200');
    const slowest = Math.max(...results.map((r) => r.ms));
    assert.ok(slowest < 3000, `acknowledged within 3 s (slowest ${Math.round(slowest)} ms)`);
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage' && String(x.args.channel).startsWith('DUQ')).length === 100, 15_000);
    assert.equal(posts(h, `D${STAFF}`).length, 1);
  });
});
