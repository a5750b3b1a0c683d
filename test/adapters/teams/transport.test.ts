// The Teams transport over real HTTP with a small scripted Bot: authentication, idempotency,
// threading, welcome, invoke answers and connector retries, independent of the core's logic.

import assert from 'node:assert/strict';
import type { Bot } from '../../../bot/bot.js';
import { respond, type InboundEvent } from '../../../bot/events.js';
import { textReply, type Reply } from '../../../bot/reply.js';
import { createMemoryStore } from '../../fakes/memory-store.js';
import {
  cardOf,
  cardText,
  channelMention,
  executeInvoke,
  installUpdate,
  personalMessage,
  startHarness,
  teamsUser,
  type Harness,
} from './teams-harness.js';

const answer: Reply = {
  text: 'No: staff must not use social media on school computers.',
  blocks: [
    { kind: 'verdict', verdict: 'no', headline: 'Not on school computers.' },
    {
      kind: 'quote',
      text: 'Staff are not allowed to access social media websites from the school computers.',
      citation: { clauseId: 'cadmus-3.1', school: 'cadmus', schoolName: 'Cadmus School', ref: '3.1', heading: 'Personal use of social media at work' },
    },
  ],
};

function scriptedBot(seen: InboundEvent[]): Bot {
  return {
    async handle(event) {
      seen.push(event);
      if (event.type === 'message') return respond({ replies: [answer] });
      if (event.type === 'action' && event.action.type === 'escalation.ack') return respond({ ephemeral: textReply('Only the head teacher can do that.') });
      if (event.type === 'open') {
        const text = `Welcome to ${event.actor.school}'s policy assistant: type my reports to see yours.`;
        return respond({ replies: [{ text, blocks: [{ kind: 'heading', text: 'Welcome' }, { kind: 'text', text }] }] });
      }
      return respond();
    },
    async runDueWork() {},
  };
}

describe('Teams transport', () => {
  let h: Harness;
  let seen: InboundEvent[];
  const alice = teamsUser('Alice Teacher');

  beforeEach(async () => {
    seen = [];
    h = await startHarness({ store: createMemoryStore(), bot: scriptedBot(seen) });
  });
  afterEach(async () => h.close());

  it('refuses malformed activities with 400 and a plain reason, never a stack trace, and hands the core nothing', async () => {
    const good = personalMessage(alice, 'hello', { serviceUrl: h.connector.url });
    const without = (key: string) => Object.fromEntries(Object.entries(good).filter(([k]) => k !== key));
    const cases: [unknown, RegExp][] = [
      [without('from'), /no from\.id/],
      [without('conversation'), /no conversation\.id/],
      [without('serviceUrl'), /no serviceUrl/],
      [{}, /no type/],
      [[good], /not an object/],
    ];
    for (const [body, why] of cases) {
      const res = await h.post(body as Record<string, unknown>);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
      assert.match(res.body.error, why);
    }
    const broken = await fetch(`${h.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"type":"message",' });
    assert.equal(broken.status, 400);
    const text = await broken.text();
    assert.doesNotMatch(text, /<html|at .*\.js|node_modules/i, 'no stack trace');
    assert.equal(seen.length, 0);
    assert.equal(h.connector.calls.length, 0);
  });

  it('answers a 1:1 question with a card in the same conversation', async () => {
    const activity = personalMessage(alice, 'Can I go on Facebook on the school computer?', { serviceUrl: h.connector.url });
    const { status } = await h.post(activity);
    assert.equal(status, 200);
    const [reply] = h.connector.sent();
    assert.equal(reply.conversationId, activity.conversation.id);
    assert.equal(reply.activityId, activity.id, 'sent as a reply to the message');
    const card = cardOf(reply.body);
    assert.equal(card.version, '1.5');
    assert.match(cardText(card), /Staff are not allowed to access social media/);
    assert.match(cardText(card), /Cadmus School social media policy, 3\.1 Personal use/);
    assert.equal(reply.body.summary, answer.text);
    assert.deepEqual(seen[0], {
      type: 'message',
      actor: { platform: 'teams', userId: alice.aadObjectId, name: alice.name, tenant: activity.channelData.tenant.id, school: 'cadmus' },
      text: 'Can I go on Facebook on the school computer?',
      where: 'dm',
      conversation: activity.conversation.id,
    });
  });

  it('answers a channel mention in its thread, with the mention removed', async () => {
    const activity = channelMention(alice, 'can I post photos of pupils?', { serviceUrl: h.connector.url });
    await h.post(activity);
    const [reply] = h.connector.sent();
    assert.match(reply.conversationId!, /;messageid=/);
    assert.equal(reply.conversationId, activity.conversation.id);
    assert.equal(reply.body.replyToId, activity.id);
    assert.equal(seen[0].type === 'message' && seen[0].text, 'can I post photos of pupils?');
    assert.equal(seen[0].type === 'message' && seen[0].where, 'channel');
  });

  it('handles an activity Teams sends twice only once', async () => {
    const activity = personalMessage(alice, 'can I?', { serviceUrl: h.connector.url });
    await h.post(activity);
    await h.post(activity);
    assert.equal(seen.length, 1);
    assert.equal(h.connector.sent('reply').length, 1);
  });

  it('sends one welcome card on install and remembers the chat', async () => {
    const activity = installUpdate(alice, { serviceUrl: h.connector.url });
    await h.post(activity);
    await h.post({ ...activity, id: 'another-id', type: 'installationUpdate', action: 'add' });
    assert.equal(h.connector.sent().length, 1);
    assert.match(cardText(cardOf(h.connector.calls[0].body)), /my reports/);
    assert.deepEqual(seen.map((e) => e.type), ['open'], 'the greeting is the core\'s, for the school the tenant is served as');
  });

  it('answers a refused card action with a banner, not an error', async () => {
    const invoke = executeInvoke(alice, { verb: 'assistant.action', action: { type: 'escalation.ack', ref: 'ESC-2026-0001' } }, '1:card', { serviceUrl: h.connector.url });
    const { status, body } = await h.post(invoke);
    assert.equal(status, 200);
    assert.deepEqual(body, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Only the head teacher can do that.' });
  });

  it('retries a reply the connector answers with 429 and 500', async () => {
    h.connector.failNext({ status: 429, kind: 'reply' }, { status: 500, kind: 'reply' });
    await h.post(personalMessage(alice, 'can I?', { serviceUrl: h.connector.url }));
    assert.deepEqual(h.connector.failures.map((f) => f.status), [429, 500]);
    assert.equal(h.connector.sent('reply').length, 1);
  });
});

describe('Teams deadline', () => {
  it('tells the user the answer will follow when the core is slow, then posts it', async () => {
    const slow: Bot = {
      async handle() {
        await new Promise((r) => setTimeout(r, 1500));
        return respond({ replies: [answer] });
      },
      async runDueWork() {},
    };
    const h = await startHarness({ store: createMemoryStore(), bot: slow, deadlineMs: 50 });
    try {
      const started = Date.now();
      const { status } = await h.post(personalMessage(teamsUser('Sam'), 'can I?', { serviceUrl: h.connector.url }));
      assert.equal(status, 200);
      assert.ok(Date.now() - started < 1000, 'Teams got its answer before the core finished');
      assert.match(h.connector.calls[0].body.text, /taking longer than usual/);
      await h.connector.waitFor((calls) => calls.some((c) => c.body.attachments));
    } finally {
      await h.close();
    }
  });
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('Teams authentication', () => {
  it('refuses an unsigned request with 401 when an app id is set', async () => {
    const seen: InboundEvent[] = [];
    const h = await startHarness({ store: createMemoryStore(), bot: scriptedBot(seen), config: { appId: '00000000-0000-0000-0000-000000000001', appPassword: 'secret' } });
    try {
      const { status } = await h.post(personalMessage(teamsUser('Mallory'), 'can I?', { serviceUrl: h.connector.url }));
      assert.equal(status, 401);
      const forged = await h.post(personalMessage(teamsUser('Mallory'), 'can I?', { serviceUrl: h.connector.url }), { Authorization: 'Bearer not-a-jwt' });
      assert.equal(forged.status, 401);
      // Forged tokens the SDK would try to check against Microsoft's keys (unreachable here): 401, no internals.
      const claims = b64({ iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-000000000001', exp: Math.floor(Date.now() / 1000) + 3600 });
      for (const token of [`${b64({ alg: 'none', typ: 'JWT' })}.${claims}.`, `${b64({ alg: 'HS256', typ: 'JWT' })}.${claims}.c2lnbmF0dXJl`]) {
        const res = await h.post(personalMessage(teamsUser('Mallory'), 'can I?', { serviceUrl: h.connector.url }), { Authorization: `Bearer ${token}` });
        assert.equal(res.status, 401, token);
        assert.equal(res.body, undefined, 'nothing about the check in the body');
      }
      assert.equal(seen.length, 0);
      assert.equal(h.connector.calls.length, 0);
    } finally {
      await h.close();
    }
  });
});

describe('Teams without authentication (local testing)', () => {
  it('answers only a local serviceUrl, and never lets an activity re-point a stored chat or tenant route', async () => {
    const seen: InboundEvent[] = [];
    const store = createMemoryStore();
    const h = await startHarness({ store, bot: scriptedBot(seen) });
    try {
      const head = teamsUser('Helen Head');
      assert.equal((await h.post(personalMessage(head, 'hello', { serviceUrl: h.connector.url }))).status, 200);
      const stored = JSON.stringify(await store.getConversationRef('teams', head.aadObjectId));
      const route = JSON.stringify(await store.getConversationRef('teams', 'tenant:last'));
      assert.match(stored, new RegExp(h.connector.url.replace(/[/.]/g, '.')));

      const started = Date.now();
      const remote = await h.post(personalMessage(head, 'hello', { serviceUrl: 'http://10.255.255.1:81/' }));
      assert.equal(remote.status, 400);
      assert.match(JSON.stringify(remote.body), /only a local serviceUrl/);
      assert.ok(Date.now() - started < 2000, 'refused at once, not after the connection timed out');

      // The same person, another local conversation: the first stored chat and route stay.
      const other = await h.post(personalMessage(head, 'hello again', { serviceUrl: h.connector.url, conversationId: 'a:attacker-chat', tenant: 'another-tenant' }));
      assert.equal(other.status, 200);
      assert.equal(JSON.stringify(await store.getConversationRef('teams', head.aadObjectId)), stored);
      assert.equal(JSON.stringify(await store.getConversationRef('teams', 'tenant:last')), route);
    } finally {
      await h.close();
    }
  });
});
