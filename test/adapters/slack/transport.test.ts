// The Slack transport over real HTTP with a stand-in core: signatures, timestamps, acks within 3 s,
// Slack's retries handled once. The end-to-end suite runs the real core.

import assert from 'node:assert/strict';
import type { Bot } from '../../../bot/bot.js';
import type { InboundEvent } from '../../../bot/events.js';
import { textReply } from '../../../bot/reply.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { commandBody, dmEvent, eventEnvelope, postSigned, sign } from './slack-requests.js';

/** A core that answers every message after `delayMs` and records what it was given. */
function echoBot(delayMs = 0): Bot & { seen: InboundEvent[] } {
  const seen: InboundEvent[] = [];
  return {
    seen,
    async handle(event) {
      seen.push(event);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return { replies: [textReply(`echo: ${event.type === 'message' ? event.text : event.type}`)], direct: [] };
    },
    async runDueWork() {},
  };
}

function memoryClaims() {
  const keys = new Set<string>();
  return { claimEvent: async (key: string) => (keys.has(key) ? false : (keys.add(key), true)) };
}

describe('Slack transport', () => {
  let h: SlackHarness;
  let bot: ReturnType<typeof echoBot>;

  beforeEach(async () => {
    bot = echoBot(400);
    h = await startSlackHarness({ core: () => ({ bot, store: memoryClaims() }) });
  });
  afterEach(() => h.close());

  it('checks the token with auth.test at start', () => {
    assert.equal(h.api.callsTo('auth.test').length, 1);
  });

  it('refuses a forged signature with 401 and calls no listener', async () => {
    const body = eventEnvelope(dmEvent('U1', 'hello'));
    const res = await postSigned(h.eventsUrl, body, 'application/json', { signature: sign(body, Math.floor(Date.now() / 1000), 'not-the-secret') });
    assert.equal(res.status, 401);
    await h.sendEvent(dmEvent('U1', 'sentinel'));
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    assert.deepEqual(bot.seen.map((e) => (e.type === 'message' ? e.text : e.type)), ['sentinel'], 'the forged event never reached the core');
  });

  it('refuses a request whose timestamp is more than 5 minutes old with 401', async () => {
    const res = await h.sendEvent(dmEvent('U1', 'hello'), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    assert.equal(res.status, 401);
  });

  it('refuses a request whose timestamp is more than 5 minutes in the future with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const ahead of [400, 3600, 365 * 24 * 3600]) {
      const res = await h.sendEvent(dmEvent('U1', `from the future ${ahead}`), { timestamp: now + ahead });
      assert.equal(res.status, 401, `${ahead} s ahead`);
      const command = await postSigned(h.eventsUrl, commandBody({ command: '/policy', text: 'hi', user_id: 'U1', response_url: h.api.responseUrl('future') }), 'application/x-www-form-urlencoded', { timestamp: now + ahead });
      assert.equal(command.status, 401, `a command ${ahead} s ahead`);
    }
    const close = await h.sendEvent(dmEvent('U1', 'a little ahead'), { timestamp: now + 60 });
    assert.equal(close.status, 200, 'a minute of clock difference is fine');
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    assert.deepEqual(bot.seen.map((e) => (e.type === 'message' ? e.text : e.type)), ['a little ahead']);
  });

  it('acknowledges and ignores a replayed command (same body and signature)', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const command = commandBody({ command: '/policy', text: 'can I?', user_id: 'U7', response_url: h.api.responseUrl('replay') });
    const sends = await Promise.all([0, 1, 2].map(() => postSigned(h.eventsUrl, command, 'application/x-www-form-urlencoded', { timestamp })));
    assert.deepEqual(sends.map((r) => r.status), [200, 200, 200]);
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'response_url'));
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(bot.seen.length, 1, 'the command reached the core once');
    assert.equal(h.api.callsTo('response_url').length, 1, 'and was answered once');
  });

  it('answers the url_verification challenge', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'abc123', type: 'url_verification' });
    const res = await postSigned(h.eventsUrl, body, 'application/json');
    assert.equal(res.status, 200);
    assert.equal(res.json().challenge, 'abc123');
  });

  it('acknowledges before the slow work and answers afterwards', async () => {
    const res = await h.sendEvent(dmEvent('U1', 'can I?'));
    assert.equal(res.status, 200);
    assert.ok(res.ms < 300, `ack took ${res.ms} ms; the core takes 400`);
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    assert.equal(h.api.callsTo('chat.postMessage')[0].args.channel, 'DU1');
  });

  it('handles a retried event (X-Slack-Retry-Num, same event_id) once', async () => {
    const event = dmEvent('U1', 'once please');
    const first = await h.sendEvent(event, { eventId: 'EvSAME1' });
    const retry = await h.sendEvent(event, { eventId: 'EvSAME1', retryNum: 1 });
    assert.equal(first.status, 200);
    assert.equal(retry.status, 200);
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(bot.seen.length, 1);
    assert.equal(h.api.callsTo('chat.postMessage').length, 1);
  });

  it('acknowledges 100 concurrent events within 3 seconds each, and answers all of them', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => h.sendEvent(dmEvent(`U${i}`, `question ${i}`))));
    for (const r of results) assert.equal(r.status, 200);
    const slowest = Math.max(...results.map((r) => r.ms));
    assert.ok(slowest < 3000, `slowest ack ${slowest} ms`);
    await h.api.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length === 100, 10_000);
  });

  it('ignores messages from bots and message edits', async () => {
    await h.sendEvent({ ...dmEvent('U1', 'from a bot'), bot_id: 'B999' });
    await h.sendEvent({ ...dmEvent('U1', 'edited'), subtype: 'message_changed' });
    // A sentinel from the same user runs after them in the user's queue: once it is answered, they were skipped.
    await h.sendEvent(dmEvent('U1', 'sentinel'));
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    assert.deepEqual(bot.seen.map((e) => (e.type === 'message' ? e.text : e.type)), ['sentinel']);
  });
});
