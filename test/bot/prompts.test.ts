// The suggested prompts and greeting: drawn from the school's own policy (questions it answers,
// one per clause), ranked by what staff have asked once they have asked, "Report a post" last.

import assert from 'node:assert/strict';
import { makeHarness, policies } from './harness.js';
import { commonQuestions, suggestPrompts } from '../../bot/prompts/suggested-prompts.js';
import { createLibraryAnswerer } from '../../bot/policy-answerer.js';

describe('suggested prompts', () => {
  it('offers three questions each school\'s own policy answers, one per clause, then "Report a post"', async () => {
    const library = await policies();
    const answerer = createLibraryAnswerer(library);
    for (const school of library.schools()) {
      const { title, prompts } = await suggestPrompts(answerer, school.id, school.name);
      assert.match(title, new RegExp(school.name.replace(/[()]/g, '.')));
      assert.equal(prompts.length, 4, school.id);
      assert.equal(prompts[3].title, 'Report a post');
      const clauses = new Set<string>();
      for (const p of prompts.slice(0, 3)) {
        const answer = await answerer.ask(school.id, p.message);
        assert.notEqual(answer.feedback?.verdict, 'unknown', `${school.id}: ${p.message}`);
        clauses.add(answer.feedback!.clauseIds[0]);
      }
      assert.equal(clauses.size, 3, `${school.id}: three different clauses`);
    }
  });

  it('keeps every common question short enough to be a Teams prompt starter', () => {
    for (const q of commonQuestions) assert.ok(q.length <= 32, q);
  });

  it('puts the most-asked topic first once staff have asked', async () => {
    const h = await makeHarness();
    const before = await h.bot.handle({ type: 'open', actor: h.as('staff'), where: 'dm' });
    assert.ok(!before.prompts!.prompts.some((p) => p.message === 'Can I use the school logo?'), 'not offered before anyone asked');
    for (let i = 0; i < 3; i++) await h.say('staff', 'Can I use the school logo?');
    await h.bot.runDueWork();
    const after = await h.bot.handle({ type: 'open', actor: h.as('staff'), where: 'dm' });
    assert.equal(after.prompts!.prompts[0].message, 'Can I use the school logo?');
  });

  it('greets naming the school, with the prompts as buttons that ask them', async () => {
    const h = await makeHarness({ school: 'hardmoor' });
    const r = await h.bot.handle({ type: 'open', actor: h.as('staff'), where: 'dm' });
    assert.match(r.replies[0].text, /Hardmoor Nursery & Early Years Centre/);
    const buttons = r.replies[0].blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : []));
    assert.equal(buttons.length, 4);
    const ask = buttons.find((b) => b.action.type === 'ask')!;
    const answered = await h.press('staff', ask.action);
    assert.match(answered.replies[0].text, /Hardmoor/);
    assert.equal(buttons[3].action.type, 'report.start');
  });
});
