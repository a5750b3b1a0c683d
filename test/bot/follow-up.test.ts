// Follow-up questions: a short follow-up within 10 minutes is read with the question before it and
// answered as one question, saying how it was read; a question of its own starts fresh; the
// conversation is kept in the store, so another instance reads the follow-up the same way.

import assert from 'node:assert/strict';
import { combine, readFollowUp } from '../../bot/follow-up/read-follow-up.js';
import { noEarlierQuestion } from '../../bot/follow-up/ask-in-context.js';
import { createBot } from '../../bot/create-bot.js';
import { silentLogger } from '../../bot/ports/logger.js';
import type { Actor, BotResponse } from '../../bot/events.js';
import { createFakeDirectory } from '../fakes/fake-directory.js';
import { createRecordingNotifier } from '../fakes/recording-notifier.js';
import { makeHarness, policies } from './harness.js';

const quoted = (r: BotResponse) => r.replies[0].blocks.flatMap((b) => (b.kind === 'quote' ? [b.citation.clauseId] : []));
const readAs = (r: BotResponse) => /Reading this as: (.*)/.exec(r.replies[0].text)?.[1];

describe('follow-up questions', () => {
  describe('reading a follow-up into the question before it', () => {
    const before = 'can I follow a pupil on Instagram?';
    const cases: [string, string][] = [
      ['what about ex-pupils?', 'can I follow ex-pupils on Instagram?'],
      ['and on Facebook?', 'can I follow a pupil on Facebook?'],
      ["even if they're 18?", "can I follow a pupil on Instagram even if they're 18?"],
      ['what about my own phone?', 'can I follow a pupil on Instagram on my own phone?'],
    ];
    for (const [followUp, expected] of cases) {
      it(`"${followUp}" → "${expected}"`, () => assert.equal(combine(before, readFollowUp(followUp)!), expected));
    }

    it('takes a question of its own, a command or a JavaScript property name as no follow-up', () => {
      for (const text of ['Can I use Facebook at work?', 'Is it ok to post photos of a school trip?', 'report', 'constructor', '__proto__', '', 'x'.repeat(500)]) {
        assert.equal(readFollowUp(text), undefined, text);
      }
    });
  });

  describe('in a conversation', () => {
    it('answers "what about ex-pupils?" with the clause on former pupils, saying how it was read', async () => {
      const h = await makeHarness();
      const first = await h.say('staff', 'can I follow a pupil on Instagram?');
      assert.deepEqual(quoted(first).slice(0, 1), ['cadmus-7.8']);
      const next = await h.say('staff', 'what about ex-pupils?');
      assert.equal(readAs(next), 'can I follow ex-pupils on Instagram?');
      assert.equal(next.replies[0].blocks[0].kind, 'text', 'how it was read comes first');
      assert.deepEqual(quoted(next).slice(0, 1), ['cadmus-7.10']);
      assert.match(next.replies[0].text, /No —/);
    });

    it('starts fresh on a question of its own, and reads the next follow-up with that one', async () => {
      const h = await makeHarness();
      await h.say('staff', 'can I follow a pupil on Instagram?');
      const fresh = await h.say('staff', 'Can I go on Facebook on the school computer?');
      assert.equal(readAs(fresh), undefined);
      const next = await h.say('staff', 'what about the school laptop?');
      assert.equal(readAs(next), 'Can I go on Facebook on the school laptop?');
    });

    it('reads nothing into a follow-up after 10 minutes, and says it was answered on its own', async () => {
      const h = await makeHarness();
      await h.say('staff', 'can I follow a pupil on Instagram?');
      h.clock.advance(10 * 60 * 1000 + 1000);
      const late = await h.say('staff', 'what about ex-pupils?');
      assert.equal(readAs(late), undefined);
      assert.match(late.replies[0].text, new RegExp(noEarlierQuestion.slice(0, 40)));
    });

    it('says so for a follow-up with no earlier question at all', async () => {
      const h = await makeHarness();
      const alone = await h.say('staff', 'what about ex-pupils?');
      assert.equal(readAs(alone), undefined);
      assert.ok(alone.replies[0].text.includes(noEarlierQuestion), 'says it had no earlier question');
    });

    it('keeps people and conversations apart', async () => {
      const h = await makeHarness();
      await h.say('staff', 'can I follow a pupil on Instagram?');
      assert.equal(readAs(await h.say('other', 'what about ex-pupils?')), undefined, 'another person');
      const inChannel = await h.bot.handle({ type: 'message', actor: h.as('staff'), text: 'what about ex-pupils?', where: 'dm', conversation: 'another-thread' });
      assert.equal(readAs(inChannel), undefined, 'another conversation');
    });

    it('keeps the conversation in the store: another instance reads the follow-up the same way', async () => {
      const h = await makeHarness();
      const second = createBot({ library: await policies(), store: h.store, notifiers: [createRecordingNotifier('console')], directory: createFakeDirectory(), clock: h.clock, logger: silentLogger });
      const actor: Actor = h.as('staff');
      await h.bot.handle({ type: 'message', actor, text: 'can I follow a pupil on Instagram?', where: 'dm', conversation: 'D1' });
      const next = await second.handle({ type: 'message', actor, text: 'what about ex-pupils?', where: 'dm', conversation: 'D1' });
      assert.equal(readAs(next), 'can I follow ex-pupils on Instagram?');
    });

    it('reads a follow-up typed after a question pressed as a button with that question', async () => {
      const h = await makeHarness();
      const actor: Actor = h.as('staff');
      await h.bot.handle({ type: 'action', actor, action: { type: 'ask', question: 'can I follow a pupil on Instagram?' }, where: 'dm', conversation: 'D1' });
      const next = await h.bot.handle({ type: 'message', actor, text: 'what about ex-pupils?', where: 'dm', conversation: 'D1' });
      assert.equal(readAs(next), 'can I follow ex-pupils on Instagram?');
    });

    it('records feedback against the question as it was read', async () => {
      const h = await makeHarness();
      await h.say('staff', 'can I follow a pupil on Instagram?');
      const next = await h.say('staff', 'what about ex-pupils?');
      const thumbs = next.replies[0].blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : [])).find((b) => b.action.type === 'feedback')!;
      await h.press('staff', thumbs.action);
      const [feedback] = await h.store.listFeedback();
      assert.equal(feedback.question, 'can I follow ex-pupils on Instagram?');
    });
  });
});
