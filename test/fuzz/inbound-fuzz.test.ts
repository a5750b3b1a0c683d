// Property-based fuzz of every way text reaches the assistant, with fast-check: random unicode
// (controls, bidi, lone surrogates, emoji), JavaScript property names and sizes from empty to huge.
// The core, the Slack app over signed HTTP, the Teams app over HTTP and the terminal chat must never
// throw, never answer 5xx, and keep answering afterwards.

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { runConsoleChat } from '../../adapters/console/console-chat.js';
import { createBot } from '../../bot/create-bot.js';
import type { InboundEvent } from '../../bot/events.js';
import { silentLogger } from '../../bot/ports/logger.js';
import { makeHarness } from '../bot/harness.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { createRecordingNotifier } from '../fakes/recording-notifier.js';
import { realCore } from '../adapters/slack/real-core.js';
import { startSlackHarness } from '../adapters/slack/slack-harness.js';
import { blockActionPayload, commandBody, dmEvent, interactionBody, postSigned, viewSubmissionPayload } from '../adapters/slack/slack-requests.js';
import { executeInvoke, personalMessage, startHarness, submitMessage, teamsUser } from '../adapters/teams/teams-harness.js';
import { policies } from '../bot/harness.js';
import { createFakeDirectory } from '../fakes/fake-directory.js';

const propertyNames = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'then'];
const tricky = ['\u0000', '\u001b[2J', '\u202E', '\u2066', '\u200B', '\uFEFF', '\uD800', '\uDFFF', '👩\u200D💻', 'e\u0301', '<!channel>', '<@U1>', '*', '_', '`', '&amp;', '{{x}}', '\r\n'];

/** Text as an attacker would type it: words, property names, control and bidi characters, any size. */
const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(...propertyNames, ...tricky, '', ' ', 'report', 'help', 'send', 'escalations', 'ack ESC-2026-0001'),
  fc.array(fc.oneof(fc.constantFrom(...propertyNames, ...tricky), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 30 }).map((parts) => parts.join(' ')),
  fc.tuple(fc.constantFrom(...tricky, 'a', 'x '), fc.integer({ min: 1_000, max: 30_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)),
);
/** A JSON-ish value of any shape, keys included. */
const anything: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(text, fc.constantFrom(...propertyNames)), tie('value'), { maxKeys: 4 })),
})).value;

const runs = Number(process.env.FUZZ_RUNS ?? 40);

describe('Fuzz: every inbound path', function () {
  this.timeout(300_000);

  it('the core answers any message, button, form, home or install event without throwing', async () => {
    const h = await makeHarness();
    const actor = { platform: 'console' as const, userId: 'fuzz', school: 'cadmus' };
    const event: fc.Arbitrary<InboundEvent> = fc.oneof(
      fc.record({ type: fc.constant('message' as const), actor: fc.constant(actor), text, where: fc.constantFrom('dm' as const, 'channel' as const) }),
      fc.record({ type: fc.constant('action' as const), actor: fc.constant(actor), where: fc.constant('dm' as const), action: fc.record({ type: fc.constantFrom('report.start', 'ask.choose', 'feedback', 'escalation.ack', 'escalation.note', 'escalation.resolve', 'report.cancel', ...propertyNames), ref: text, description: text, question: text, clauseId: text, note: text, outcome: text }) as fc.Arbitrary<never> }),
      fc.record({ type: fc.constant('form' as const), actor: fc.constant(actor), formId: fc.constantFrom('report', 'escalation.note', 'escalation.resolve', ...propertyNames) as fc.Arbitrary<never>, values: fc.dictionary(fc.oneof(text, fc.constantFrom('description', 'category', 'link', ...propertyNames)), text, { maxKeys: 10 }), context: fc.dictionary(fc.constantFrom('ref', ...propertyNames), text, { maxKeys: 3 }) }),
      fc.constant({ type: 'home' as const, actor }),
      // A workspace with no school yet (installed by "Add to Slack"): the join steps, with any input.
      fc.record({
        type: fc.constantFrom('action' as const),
        actor: fc.record({ platform: fc.constant('slack' as const), userId: fc.constantFrom('UINST', 'UOTHER'), tenant: fc.constantFrom('TFUZZ', ...propertyNames), school: fc.constantFrom('', ...propertyNames) }),
        where: fc.constant('dm' as const),
        action: fc.record({ type: fc.constantFrom('workspace.choose', 'workspace.decide'), school: fc.oneof(text, fc.constantFrom('templemoor', ...propertyNames)), platform: fc.constantFrom('slack', 'teams'), tenant: fc.oneof(text, fc.constantFrom('TFUZZ')), request: text, approve: fc.boolean() }) as fc.Arbitrary<never>,
      }),
      fc.record({ type: fc.constant('installed' as const), actor: fc.record({ platform: fc.constant('slack' as const), userId: fc.constant('UINST'), tenant: fc.constantFrom('TFUZZ', ...propertyNames), school: fc.constantFrom('', ...propertyNames) }), workspaceName: text }),
    );
    await fc.assert(
      fc.asyncProperty(event, async (ev) => {
        const r = await h.bot.handle(ev);
        assert.ok(Array.isArray(r.replies) && Array.isArray(r.direct));
        for (const reply of [...r.replies, ...r.direct]) assert.equal(typeof reply.text, 'string');
      }),
      { numRuns: runs * 5 },
    );
    // And the same core still answers a plain question afterwards.
    assert.match((await h.say('ann', 'Can I go on Facebook on the school computer?')).replies[0].text, /\S/);
  });

  it('the Slack app answers any DM, command, button or form submission without a 5xx', async () => {
    const h = await startSlackHarness({ core: async (config) => realCore(config) });
    try {
      const request = fc.oneof(
        text.map((t) => () => h.sendEvent(dmEvent('UFUZZ', t))),
        text.map((t) => () => postSigned(h.eventsUrl, commandBody({ command: '/policy', text: t, user_id: 'UFUZZ', response_url: h.api.responseUrl('f') }), 'application/x-www-form-urlencoded')),
        fc.oneof(text, anything.map((v) => JSON.stringify(v))).map((value) => () => h.sendInteraction(blockActionPayload({ user: 'UFUZZ', value, channel: 'DUFUZZ', messageTs: '1700000000.000001', responseUrl: h.api.responseUrl('b') }))),
        fc.tuple(fc.oneof(text, anything.map((v) => JSON.stringify(v))), fc.dictionary(fc.oneof(text, fc.constantFrom('f:description', 'f:category', ...propertyNames)), anything, { maxKeys: 6 })).map(
          ([meta, values]) => () => h.sendInteraction(viewSubmissionPayload('UFUZZ', { id: 'V1', hash: 'h', callback_id: 'form:report', private_metadata: meta, blocks: [] }, values as Record<string, Record<string, unknown>>)),
        ),
        anything.map((payload) => () => postSigned(h.eventsUrl, interactionBody(payload as Record<string, unknown>), 'application/x-www-form-urlencoded')),
      );
      await fc.assert(
        fc.asyncProperty(request, async (send) => {
          const res = await send();
          assert.ok(res.status < 500, `HTTP ${res.status}: ${res.text.slice(0, 200)}`);
        }),
        { numRuns: runs },
      );
      await h.adapter.idle();
      const ok = await h.sendEvent(dmEvent('USANE', 'Can I go on Facebook on the school computer?'));
      assert.equal(ok.status, 200);
      await h.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUSANE'), 20_000);
    } finally {
      await h.close();
    }
  });

  it('the Teams app answers any message, card submission or invoke without a 5xx', async () => {
    const store = createMemoryStore();
    const h = await startHarness({ store });
    const bot = createBot({ library: await policies(), store, notifiers: [h.teams.notifier], directory: createFakeDirectory(), clock: { now: () => new Date() }, logger: silentLogger });
    h.mount(bot);
    try {
      const user = teamsUser('Fuzz');
      const where = { serviceUrl: h.connector.url };
      const activity = fc.oneof(
        text.map((t) => personalMessage(user, t, where)),
        anything.map((v) => submitMessage(user, (typeof v === 'object' && v ? v : { value: v }) as Record<string, unknown>, 'card-1', where)),
        anything.map((v) => executeInvoke(user, (typeof v === 'object' && v ? v : { verb: v }) as Record<string, unknown>, 'card-1', where)),
        fc.tuple(text, anything).map(([t, v]) => ({ ...personalMessage(user, t, where), value: v, channelData: v })),
      );
      await fc.assert(
        fc.asyncProperty(activity, async (a) => {
          const res = await h.post(a);
          assert.ok(res.status < 500, `HTTP ${res.status}: ${String(JSON.stringify(res.body)).slice(0, 200)}`);
        }),
        { numRuns: runs },
      );
      assert.equal((await h.post(personalMessage(user, 'Can I go on Facebook on the school computer?', where))).status, 200);
    } finally {
      await h.close();
    }
  });

  it('the terminal chat reads any lines without throwing, and answers the last', async () => {
    const lines = await fc.sample(fc.array(text, { minLength: 1, maxLength: 40 }), { numRuns: 1, seed: Number(process.env.FUZZ_SEED ?? 11) })[0];
    const bot = createBot({ library: await policies(), store: createMemoryStore(), notifiers: [createRecordingNotifier('console')], directory: createFakeDirectory(), clock: { now: () => new Date() }, logger: silentLogger });
    const input = new PassThrough();
    const printed: string[] = [];
    const chat = runConsoleChat({ bot, school: 'cadmus', input, print: (t) => void printed.push(t), note: () => undefined, interactive: false, schoolName: 'Cadmus', storeDescription: 'memory', workIntervalMs: 60_000 });
    for (const line of [...lines, 'as staff', 'Can I go on Facebook on the school computer?']) input.write(`${line.replace(/[\r\n]/g, ' ')}\n`);
    input.end();
    await chat;
    assert.match(printed.join('\n'), /3\.1/);
  });
});
