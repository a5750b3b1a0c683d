// The core logs every policy question it answers (never commands, reports or report descriptions),
// with how it was answered and a topic read from the matcher; a failing log never fails the answer.

import assert from 'node:assert/strict';
import type { BotResponse } from '../../bot/events.js';
import type { Logger } from '../../bot/ports/logger.js';
import type { QuestionLogRecord, Store } from '../../bot/ports/store.js';
import type { Action } from '../../bot/reply.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { allText, makeHarness } from './harness.js';

type FeedbackAction = Extract<Action, { type: 'feedback' }>;

const feedbackButton = (r: BotResponse): FeedbackAction | undefined =>
  r.replies.flatMap((x) => x.blocks).flatMap((b) => (b.kind === 'actions' ? b.actions.map((a) => a.action) : [])).find((a): a is FeedbackAction => a.type === 'feedback');

/** The school's log once the background writes have landed. */
async function logged(store: Store, school: string, count: number): Promise<QuestionLogRecord[]> {
  for (let i = 0; i < 50; i++) {
    const list = await store.listQuestions({ school });
    if (list.length >= count) return list;
    await new Promise((r) => setTimeout(r, 5));
  }
  return store.listQuestions({ school });
}

describe('question log (core)', () => {
  it('logs an answered question: who, when, the text, verdict, cited clauses, the answer id its feedback carries, and the clause heading as topic', async () => {
    const h = await makeHarness({ school: 'cadmus' });
    const r = await h.say('ann', 'Can I be friends with parents on Facebook?');
    const [q] = await logged(h.store, 'cadmus', 1);
    const button = feedbackButton(r)!;
    assert.equal(q.text, 'Can I be friends with parents on Facebook?');
    assert.deepEqual(q.by, { platform: 'console', userId: 'ann' });
    assert.equal(q.at, h.clock.now().toISOString());
    assert.equal(q.outcome, 'answer');
    assert.equal(q.verdict, 'no');
    assert.equal(q.answerId, button.answerId);
    assert.deepEqual(q.clauseIds.slice(0, button.clauseIds!.length), button.clauseIds);
    assert.equal(q.clauseIds[0], 'cadmus-7.9');
    assert.deepEqual(q.topic, { key: 'heading:inappropriate use of social media/internet', label: 'Inappropriate use of social media/internet' });
    assert.deepEqual(await h.store.getQuestion(q.id), q);
  });

  it('groups questions answered from clauses under one heading under one topic', async () => {
    const h = await makeHarness({ school: 'cadmus' });
    await h.say('ann', 'Can I be friends with parents on Facebook?');
    await h.say('bob', 'Can I accept a friend request from a parent?');
    const list = await logged(h.store, 'cadmus', 2);
    assert.equal(list.length, 2);
    assert.equal(list[0].topic.key, list[1].topic.key);
  });

  it('logs a question the policy does not cover with the concepts it names as topic, and one with none as "other"', async () => {
    const h = await makeHarness({ school: 'hardmoor' });
    await h.say('ann', 'Can I sell my car to a parent?');
    const [q] = await logged(h.store, 'hardmoor', 1);
    assert.equal(q.outcome, 'not_covered');
    assert.equal(q.verdict, 'unknown');
    assert.deepEqual(q.clauseIds, []);
    assert.deepEqual(q.topic, { key: 'concepts:parent+sell', label: 'parent + sell' });
    const c = await makeHarness({ school: 'cadmus' });
    await c.say('ann', 'Can I wear jeans on Friday?');
    assert.deepEqual((await logged(c.store, 'cadmus', 1))[0].topic, { key: 'other', label: 'Other questions' });
  });

  it('logs the closest the policy comes as "closest", with the clause it came nearest', async () => {
    const h = await makeHarness({ school: 'cadmus' });
    await h.say('ann', 'Can I bring my dog to the staff party?');
    const [q] = await logged(h.store, 'cadmus', 1);
    assert.equal(q.outcome, 'closest');
    assert.ok(q.clauseIds.length > 0);
    assert.match(q.topic.key, /^heading:/);
  });

  it('logs no commands, reports, report descriptions or empty text', async () => {
    const h = await makeHarness({ school: 'cadmus' });
    for (const text of ['help', 'my reports', 'report', '   ', 'A parent has posted that Mr Smith is a liar on the class Facebook page']) await h.say('ann', text);
    await h.say('bob', 'Someone posted abuse about me on facebook');
    await new Promise((r) => setTimeout(r, 30));
    assert.deepEqual(await h.store.listQuestions({ school: 'cadmus' }), []);
  });

  it('answers as usual when the log cannot be written, and says so in the log', async () => {
    const errors: string[] = [];
    const inner = createMemoryStore();
    const store: Store = { ...inner, logQuestion: async () => Promise.reject(new Error('disk full')) };
    const h = await makeHarness({ school: 'cadmus', store, logger: { ...quiet, error: (m) => void errors.push(m) } });
    const r = await h.say('ann', 'Can I be friends with parents on Facebook?');
    assert.match(allText(r), /^No/m);
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(errors, ['could not log a question (the answer was given)']);
    const throwing: Store = { ...inner, logQuestion: () => { throw new Error('sync'); } };
    const t = await makeHarness({ school: 'cadmus', store: throwing, logger: quiet });
    assert.match(allText(await t.say('ann', 'Can I be friends with parents on Facebook?')), /^No/m);
  });
});

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
