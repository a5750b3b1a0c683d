// The gaps view in the core: topics with counts (no names, no texts), 👎 and open Ask-the-head
// questions by topic, the clauses most cited; heads of the school only; opening one is audited.

import assert from 'node:assert/strict';
import { computeGaps } from '../../../bot/gaps/gaps-view.js';
import { answerId } from '../../../bot/answer/answer-question.js';
import { allText, makeHarness } from '../harness.js';
import { logQuestions } from '../../fakes/question-log-fixtures.js';
import { questionDraft } from '../../adapters/store/head-question-contract.js';

describe('gaps view', () => {
  it('groups by topic with outcomes, 👎 through the answer id, open questions for the head, and the clauses most cited', async () => {
    const h = await makeHarness();
    const now = h.clock.now();
    const logged = await logQuestions(h.store, 100, now);
    const open = { ...questionDraft({ question: 'Can I wear jeans?', createdAt: now.toISOString() }), ref: 'Q-2026-0001', version: 1 };
    logged[3]!.answerId = answerId('cadmus', 'Can I wear jeans?');
    const view = computeGaps({
      school: 'cadmus', days: 30, now, questions: logged,
      feedback: [{ answerId: logged[3]!.answerId, school: 'cadmus', question: '', clauseIds: [], verdict: 'unknown', helpful: false, by: { platform: 'slack', userId: 'U1' }, at: now.toISOString() }],
      openAsks: [open], clause: (id) => ({ ref: id.replace('cadmus-', ''), heading: 'H' }),
    });
    assert.equal(view.questions, 100);
    assert.deepEqual([view.answered, view.closest, view.notCovered, view.notHelpful, view.openAskTheHead], [50, 25, 25, 1, 1]);
    assert.equal(view.topics[0]!.label, 'clothing', 'where the policy falls short first');
    assert.deepEqual([view.topics[0]!.asked, view.topics[0]!.notCovered, view.topics[0]!.notHelpful, view.topics[0]!.openAskTheHead], [25, 25, 1, 1]);
    assert.deepEqual(view.clauses.map((c) => [c.id, c.cited]), [['cadmus-3.1', 25], ['cadmus-7.9', 25]]);
    assert.doesNotMatch(JSON.stringify(view), /U\d+|Question \d+/, 'no askers and no question texts');
  });

  it("answers 'gaps' for a head with counts only; refuses staff and another school; opening a question shows who asked and is audited", async () => {
    const h = await makeHarness();
    await logQuestions(h.store, 40, h.clock.now());
    assert.match(allText(await h.say('ta', 'gaps')), /only the school's head teacher/);
    assert.match(allText(await h.say('head', 'gaps lfssq')), /only your own school's/);
    assert.match(allText(await h.say('head', 'gaps 9999')), /from 1 to 366/);
    const r = await h.say('head', 'gaps 30');
    const text = allText(r);
    assert.match(text, /40 questions: 20 answered from a clause, 10 the closest the policy comes, 10 not covered/);
    assert.match(text, /• clothing: asked 10 \(answered 0, closest 0, not covered 10\)/);
    assert.doesNotMatch(text, /U\d+|Question \d+/);
    const open = r.replies[0]!.blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : [])).find((b) => b.action.type === 'gaps.open')!;
    assert.match(allText(await h.press('ta', open.action)), /only the school's head teacher/);
    const opened = await h.press('head', open.action);
    assert.match(allText(opened), /Asked by: slack:U\d+/);
    const id = (open.action as { id: string }).id;
    assert.deepEqual((await h.store.listAudit(`question:${id}`)).map((a) => a.action), ['viewed']);
    assert.match(allText(await h.press('head', { type: 'gaps.open', id: 'constructor' })), /can't find that question/);
    const other = await makeHarness({ school: 'lfssq', store: h.store });
    assert.match(allText(await other.press('head', open.action)), /can't find that question/);
  });

  it("shows the head's home with the view, and staff's without it", async () => {
    const h = await makeHarness();
    await logQuestions(h.store, 12, h.clock.now());
    assert.match(allText(await h.bot.handle({ type: 'home', actor: h.as('head') })), /What staff asked[\s\S]*12 questions/);
    assert.doesNotMatch(allText(await h.bot.handle({ type: 'home', actor: h.as('ta') })), /What staff asked/);
  });
});
