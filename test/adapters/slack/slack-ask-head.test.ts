// "Ask the head" over Slack end to end: a real Bolt app over signed HTTP, the real core, and the
// fake Slack Web API's record of what Slack received. A not-covered question reaches the head with
// Reply; the head's reply (from the modal) reaches the member of staff threaded under their answer;
// a later close question shows it labelled as not policy; a non-head's Reply is refused.

import assert from 'node:assert/strict';
import { decodeAction } from '../../../adapters/slack/action-value.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { realCore, HEAD, OTHER, STAFF, type RealCore } from './real-core.js';
import type { RecordedCall } from './fake-slack-api.js';
import { blockActionPayload, dmEvent, viewSubmissionPayload } from './slack-requests.js';

type Json = Record<string, any>;

const posts = (h: SlackHarness, channel: string) => h.api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const shown = (call: RecordedCall) => JSON.stringify(call.args.blocks) + String(call.args.text);

function buttonIn(call: RecordedCall, type: string): { value: string } {
  for (const block of (call.args.blocks ?? []) as Json[]) for (const el of block.elements ?? []) if (el.type === 'button' && decodeAction(el.value)?.type === type) return el;
  throw new Error(`no ${type} button in ${shown(call).slice(0, 400)}`);
}

describe('Slack: Ask the head with the real core', () => {
  let h: SlackHarness;
  let core: RealCore;

  beforeEach(async () => {
    h = await startSlackHarness({ core: async (config) => (core = await realCore(config)) });
  });
  afterEach(() => h.close());

  /** STAFF asks a question the policy does not cover and presses Ask the head; resolves the ref, the answer's ts and the head's DM. */
  async function askTheHead(): Promise<{ ref: string; answerTs: string; dm: RecordedCall }> {
    await h.sendEvent(dmEvent(STAFF, 'Can I wear jeans on Fridays? <!channel>'));
    await h.api.waitFor(() => posts(h, `D${STAFF}`).length === 1);
    const answer = posts(h, `D${STAFF}`)[0];
    const answerTs = String(answer.result!.ts);
    await h.sendInteraction(blockActionPayload({ user: STAFF, value: buttonIn(answer, 'head.ask').value, channel: `D${STAFF}`, messageTs: answerTs, responseUrl: h.api.responseUrl('ask') }));
    await h.api.waitFor(() => posts(h, `D${HEAD}`).some((p) => /Q-\d{4}-\d{4}/.test(String(p.args.text))));
    const dm = posts(h, `D${HEAD}`).find((p) => /Q-\d{4}-\d{4}/.test(String(p.args.text)))!;
    const ref = /Q-\d{4}-\d{4}/.exec(String(dm.args.text))![0];
    assert.match(shown(dm), /Can I wear jeans on Fridays\?/);
    assert.doesNotMatch(shown(dm), /<!channel>/, 'a mention in the question is escaped');
    assert.doesNotMatch(String(dm.args.text), /jeans/, 'the notification text names the reference only');
    return { ref, answerTs, dm };
  }

  it('takes the question to the head, the modal reply back threaded under the answer, and shows it for a later close question as not policy', async () => {
    const { ref, answerTs, dm } = await askTheHead();
    const dmTs = String(dm.result!.ts);
    await h.sendInteraction(blockActionPayload({ user: HEAD, value: buttonIn(dm, 'head.reply').value, channel: `D${HEAD}`, messageTs: dmTs, responseUrl: h.api.responseUrl('reply') }));
    await h.api.waitFor((c) => c.some((x) => x.method === 'views.open'));
    const view = h.api.callsTo('views.open')[0].args.view as Json;
    assert.equal(view.callback_id, 'form:head.reply');
    const long = await h.sendInteraction(viewSubmissionPayload(HEAD, view, { 'f:reply': { v: { type: 'plain_text_input', value: 'x'.repeat(10_000) } }, 'f:share': { v: { type: 'static_select', selected_option: { value: 'everyone' } } } }));
    assert.equal(long.json().response_action, 'errors', 'a 10,000-character reply is refused in the modal');
    const res = await h.sendInteraction(viewSubmissionPayload(HEAD, view, { 'f:reply': { v: { type: 'plain_text_input', value: 'Yes, on non-uniform days only. <!here>' } }, 'f:share': { v: { type: 'static_select', selected_option: { value: 'everyone' } } } }));
    assert.equal(res.status, 200);
    await h.api.waitFor(() => posts(h, `D${STAFF}`).some((p) => /replied to your question/.test(String(p.args.text))));
    const reply = posts(h, `D${STAFF}`).find((p) => /replied to your question/.test(String(p.args.text)))!;
    assert.equal(reply.args.thread_ts, answerTs, 'threaded under the staff member\'s question');
    assert.match(shown(reply), /Yes, on non-uniform days only/);
    assert.doesNotMatch(shown(reply), /<!here>/);
    // The head's DM is brought up to date in place: answered, no Reply.
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.update' && x.args.ts === dmTs && /Answered by/.test(shown(x)) && !/head\.reply/.test(JSON.stringify(x.args.blocks))));

    await h.sendEvent(dmEvent(OTHER, 'Are we allowed to wear jeans on a Friday?'));
    await h.api.waitFor(() => posts(h, `D${OTHER}`).length === 1);
    const later = shown(posts(h, `D${OTHER}`)[0]);
    assert.match(later, /Your head teacher's answer \(\d{1,2} \w{3} \d{4}\) — not part of the written policy/);
    assert.match(later, /Yes, on non-uniform days only/);
    assert.equal((await core.store.getHeadQuestion(ref))!.answer!.forEveryone, true);
  });

  it('refuses a Reply pressed by someone who is not a head, ephemerally, and records it', async () => {
    const { ref, dm } = await askTheHead();
    await h.sendInteraction(blockActionPayload({ user: OTHER, value: buttonIn(dm, 'head.reply').value, channel: `D${OTHER}`, messageTs: '1700000000.000777', responseUrl: h.api.responseUrl('other') }));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postEphemeral' && x.args.user === OTHER));
    assert.match(JSON.stringify(h.api.callsTo('chat.postEphemeral').find((x) => x.args.user === OTHER)!.args), /only the school's head teacher/);
    assert.equal(h.api.callsTo('views.open').length, 0, 'no reply form for them');
    assert.equal((await core.store.getHeadQuestion(ref))!.status, 'open');
    assert.ok((await core.store.listAudit(ref)).some((a) => a.action === 'refused' && a.actor !== 'system' && a.actor.userId === OTHER));
  });
});
