// Slack's agent messaging over real HTTP with signed requests against the local fake Web API: the
// messages tab and assistant threads get a greeting naming the school and four suggested prompts
// from its policy; answers in the DM carry native feedback buttons that record like 👍/👎; a status
// line shows while a report is stored and is cleared when the reply is posted.

import assert from 'node:assert/strict';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { realCore, HEAD, STAFF, type RealCore } from './real-core.js';
import type { RecordedCall } from './fake-slack-api.js';
import { FAKE_TEAM } from './fake-slack-api.js';
import { blockActionPayload, dmEvent, viewSubmissionPayload } from './slack-requests.js';
import { decodeAction } from '../../../adapters/slack/action-value.js';
import { reportValues } from './report-values.js';

type Json = Record<string, any>;

const posts = (h: SlackHarness, channel: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

/** The native feedback element of a posted message. */
function feedbackElement(call: RecordedCall): Json {
  for (const block of (call.args.blocks ?? []) as Json[]) {
    if (block.type === 'context_actions') for (const el of block.elements) if (el.type === 'feedback_buttons') return el;
  }
  throw new Error(`no feedback_buttons in ${JSON.stringify(call.args).slice(0, 400)}`);
}

function homeOpened(user: string, tab: 'messages' | 'home') {
  return { type: 'app_home_opened', user, channel: `D${user}`, tab, event_ts: `${Date.now() / 1000}` };
}

describe('Slack agent messaging', () => {
  let h: SlackHarness;
  let core: RealCore;

  beforeEach(async () => {
    h = await startSlackHarness({ core: async (config) => (core = await realCore(config)), statusDelayMs: 0 });
  });
  afterEach(() => h.close());

  it('opening the messages tab sets four prompts naming the school, drawn from its policy, and greets once', async () => {
    await h.sendEvent(homeOpened(STAFF, 'messages'));
    await h.api.waitFor((c) => c.some((x) => x.method === 'assistant.threads.setSuggestedPrompts') && posts(h, `D${STAFF}`).length === 1);
    const set = h.api.callsTo('assistant.threads.setSuggestedPrompts')[0].args;
    assert.equal(set.channel_id, `D${STAFF}`);
    assert.match(String(set.title), /Cadmus Family of Schools/);
    const prompts = set.prompts as { title: string; message: string }[];
    assert.equal(prompts.length, 4);
    assert.equal(prompts[3].title, 'Report a post');
    for (const p of prompts) assert.ok(p.title.length <= 32 && p.message.trim().length > 0, p.title);
    assert.match(JSON.stringify(posts(h, `D${STAFF}`)[0].args.blocks), /Cadmus Family of Schools/);

    await h.sendEvent(homeOpened(STAFF, 'messages'));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'assistant.threads.setSuggestedPrompts').length === 2);
    await h.adapter.idle();
    assert.equal(posts(h, `D${STAFF}`).length, 1, 'the greeting is not repeated on every visit');
  });

  it('a pressed prompt is answered from the policy, with native feedback that records like 👍/👎', async () => {
    await h.sendEvent(homeOpened(STAFF, 'messages'));
    await h.api.waitFor((c) => c.some((x) => x.method === 'assistant.threads.setSuggestedPrompts'));
    const prompt = (h.api.callsTo('assistant.threads.setSuggestedPrompts')[0].args.prompts as { message: string }[])[0];
    await h.adapter.idle();
    h.api.reset();

    // A pressed prompt arrives as the person's own message.
    await h.sendEvent(dmEvent(STAFF, prompt.message));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 1);
    const answer = posts(h, `D${STAFF}`)[0];
    assert.match(JSON.stringify(answer.args.blocks), /Cadmus Family of Schools\* · /, 'quoted and cited');
    const element = feedbackElement(answer);
    assert.equal(JSON.stringify(answer.args.blocks).includes('"type":"button","action_id":"act:'), JSON.stringify(answer.args.blocks).includes('Did you mean'), 'no plain 👍/👎 buttons beside the native ones');
    const negative = decodeAction(element.negative_button.value);
    assert.equal(negative?.type, 'feedback');

    const payload = blockActionPayload({ user: STAFF, value: element.negative_button.value, channel: `D${STAFF}`, messageTs: String(answer.result!.ts), responseUrl: h.api.responseUrl('fb') });
    (payload.actions as Json[])[0] = { type: 'feedback_buttons', action_id: element.action_id, block_id: 'b1', value: element.negative_button.value, text: element.negative_button.text, action_ts: `${Date.now() / 1000}` };
    const res = await h.sendInteraction(payload);
    assert.equal(res.status, 200);
    await h.api.waitFor(async () => (await core.store.listFeedback()).length === 1);
    const [feedback] = await core.store.listFeedback();
    assert.equal(feedback.helpful, false);
    assert.equal(feedback.question, prompt.message);
    assert.equal(feedback.school, 'cadmus');
    assert.ok(feedback.clauseIds.length > 0);
  });

  it('answers a follow-up in the DM with the right clause, saying how it was read', async () => {
    await h.sendEvent(dmEvent(STAFF, 'can I follow a pupil on Instagram?'));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 1);
    await h.sendEvent(dmEvent(STAFF, 'what about ex-pupils?'));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 2);
    const blocks = JSON.stringify(posts(h, `D${STAFF}`)[1].args.blocks);
    assert.match(blocks, /Reading this as: can I follow ex-pupils on Instagram\?/);
    assert.match(blocks, /Interacting with any ex-student who is under the age of 18/);
    assert.match(blocks, /Cadmus Family of Schools\* · 7\.10/);
  });

  it('keeps the plain 👍/👎 buttons where native ones are not available (a channel mention)', async () => {
    await h.sendEvent({ type: 'app_mention', user: STAFF, text: '<@UBOTASSIST> can I go on Facebook on the school computer?', ts: '1700001000.000900', channel: 'C0STAFFROOM', team: FAKE_TEAM });
    await h.api.waitFor(() => posts(h, 'C0STAFFROOM').length === 1);
    const blocks = posts(h, 'C0STAFFROOM')[0].args.blocks as Json[];
    assert.ok(!blocks.some((b) => b.type === 'context_actions'));
    const values = blocks.flatMap((b) => (b.elements ?? []).map((e: Json) => e.value)).filter(Boolean);
    assert.ok(values.some((v: string) => decodeAction(v)?.type === 'feedback'));
  });

  it('an assistant thread is greeted in the thread, and a question in it is answered there', async () => {
    const thread = { user_id: STAFF, channel_id: `D${STAFF}`, thread_ts: '1700002000.000100', context: {} };
    await h.sendEvent({ type: 'assistant_thread_started', assistant_thread: thread, event_ts: '1700002000.000101' });
    await h.api.waitFor((c) => c.some((x) => x.method === 'assistant.threads.setSuggestedPrompts') && posts(h, `D${STAFF}`).length === 1);
    assert.equal(h.api.callsTo('assistant.threads.setSuggestedPrompts')[0].args.thread_ts, thread.thread_ts);
    assert.equal(posts(h, `D${STAFF}`)[0].args.thread_ts, thread.thread_ts);

    await h.sendEvent({ ...dmEvent(STAFF, 'Can I go on Facebook on the school computer?', '1700002000.000200'), thread_ts: thread.thread_ts });
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 2);
    const answer = posts(h, `D${STAFF}`)[1];
    assert.equal(answer.args.thread_ts, thread.thread_ts);
    assert.match(JSON.stringify(answer.args.blocks), /Staff are not allowed to access social media websites/);
  });

  it('"Report a post" pressed twice opens one report, not two', async () => {
    await h.sendEvent(dmEvent(STAFF, 'Report a post'));
    await h.sendEvent(dmEvent(STAFF, 'Report a post'));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 2);
    await h.adapter.idle();
    const [first, second] = posts(h, `D${STAFF}`).map((p) => String(p.args.text));
    assert.match(first, /question 1 of 10/);
    assert.match(second, /already have a report in progress; here is where you were/);
    assert.equal(await core.store.listEscalations({}).then((l) => l.length), 0, 'nothing is escalated by pressing it');
  });

  it('shows a status line while a report is stored, cleared once the reporter is told', async () => {
    await h.sendEvent(dmEvent(STAFF, 'report'));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 1);
    const formMessage = posts(h, `D${STAFF}`)[0];
    const button = (formMessage.args.blocks as Json[]).flatMap((b) => b.elements ?? []).find((e: Json) => decodeAction(e.value)?.type === 'report.start');
    await h.sendInteraction(blockActionPayload({ user: STAFF, value: button.value, channel: `D${STAFF}`, messageTs: String(formMessage.result!.ts), responseUrl: h.api.responseUrl('open') }));
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = h.api.callsTo('views.open')[0].args.view as Json;
    await h.sendInteraction(viewSubmissionPayload(STAFF, view, reportValues()));
    await h.api.waitFor(() => posts(h, `D${HEAD}`).length === 1 && posts(h, `D${STAFF}`).length === 2);
    const storing = () => h.api.callsTo('assistant.threads.setStatus').filter((c) => c.args.thread_ts === formMessage.result!.ts);
    await h.api.waitFor(() => storing().length === 2);
    const [shown, cleared] = storing();
    assert.equal(shown.args.channel_id, `D${STAFF}`);
    assert.match(String(shown.args.status), /storing your report/);
    assert.equal(cleared.args.status, '');
    const confirmed = posts(h, `D${STAFF}`)[1];
    assert.ok(cleared.at >= confirmed.at, 'cleared after the confirmation was posted');
    assert.ok(shown.at <= confirmed.at);
  });
});
