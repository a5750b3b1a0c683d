// "Ask the head" in the core: the question stored and sent to the heads, the head's reply back to
// the asker, remembered answers shown (labelled, never a verdict), refusals and bad input.

import assert from 'node:assert/strict';
import type { Action, Block, Reply } from '../../bot/reply.js';
import { allText, makeHarness, type Harness } from './harness.js';

const NOT_COVERED = 'Can I wear jeans on Fridays?';
const CLOSE = 'Are we allowed to wear jeans on a Friday?';

function button(reply: Reply | undefined, type: Action['type']): Action {
  for (const b of reply?.blocks ?? []) if (b.kind === 'actions') for (const x of b.actions) if (x.action.type === type) return x.action;
  throw new Error(`no ${type} button in ${reply?.text}`);
}
const hasButton = (reply: Reply | undefined, type: Action['type']) => (reply?.blocks ?? []).some((b) => b.kind === 'actions' && b.actions.some((x) => x.action.type === type));
const texts = (blocks: Block[]) => blocks.map((b) => ('text' in b ? b.text : b.kind === 'verdict' ? b.headline : '')).join('\n');

/** Asks as staff, presses Ask the head, delivers the DMs; resolves the new ref. */
async function ask(h: Harness, question = NOT_COVERED, user = 'ta'): Promise<string> {
  const answer = (await h.say(user, question)).replies[0];
  const sent = await h.bot.handle({ type: 'action', actor: h.as(user), action: button(answer, 'head.ask'), where: 'dm', messageId: 'm-answer-1' });
  const ref = /Q-\d{4}-\d{4}/.exec(allText(sent))?.[0];
  assert.ok(ref, allText(sent));
  await h.bot.runDueWork();
  return ref;
}

describe('Ask the head (core)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness({ people: { heads: ['head', 'deputy'] } });
  });

  it('offers Ask the head under a not-covered or closest answer, not under a straight answer', async () => {
    assert.ok(hasButton((await h.say('ta', NOT_COVERED)).replies[0], 'head.ask'));
    assert.ok(hasButton((await h.say('ta', 'Can I claim mileage for a school trip?')).replies[0], 'head.ask'));
    assert.ok(!hasButton((await h.say('ta', 'Can I go on Facebook on the school computer?')).replies[0], 'head.ask'));
  });

  it('stores the question before the heads hear of it, DMs each head with Reply, threads the reply back to the asker', async () => {
    const ref = await ask(h);
    const q = (await h.store.getHeadQuestion(ref))!;
    assert.equal(q.status, 'open');
    assert.equal(q.given.reason, 'not-covered');
    assert.equal(q.thread, 'm-answer-1');
    assert.deepEqual((await h.store.listAudit(ref)).map((a) => a.action), ['asked']);
    for (const head of ['head', 'deputy']) {
      const [dm] = h.notifier.to(head);
      assert.match(dm.reply.text, new RegExp(`${ref}[\\s\\S]*Can I wear jeans on Fridays`));
      assert.doesNotMatch(dm.reply.preview ?? '', /jeans/, 'the preview names the reference only');
      button(dm.reply, 'head.reply');
    }
    // Reply opens the form; submitting it sends the answer to the asker, threaded under their answer.
    const opened = await h.press('head', { type: 'head.reply', ref });
    assert.equal(opened.form?.id, 'head.reply');
    const done = await h.bot.handle({ type: 'form', actor: h.as('head'), formId: 'head.reply', values: { reply: 'Yes, on non-uniform days only.', share: 'asker' }, context: { ref } });
    assert.match(allText(done), /on its way/);
    await h.bot.runDueWork();
    const toAsker = h.notifier.to('ta').at(-1)!;
    assert.match(toAsker.reply.text, /Yes, on non-uniform days only\.[\s\S]*not part of the written policy/);
    const [delivery] = (await h.store.listDeliveries(ref)).filter((d) => d.purpose === 'answer');
    assert.equal(delivery.thread, 'm-answer-1');
    // Both heads' DMs are updated in place: answered, no Reply button.
    const updates = h.notifier.sent.filter((m) => m.kind === 'update');
    assert.equal(updates.length, 2);
    for (const u of updates) assert.ok(!hasButton(u.reply, 'head.reply') && /Answered by head/.test(u.reply.text));
    assert.deepEqual((await h.store.listAudit(ref)).map((a) => a.action), ['asked', 'replied']);
  });

  it('shows an answer for everyone under a later close question, labelled as not policy, the verdict unchanged; withdrawn, it is gone', async () => {
    const ref = await ask(h);
    await h.say('head', `reply-all ${ref} Yes, on non-uniform days only.`);
    const later = (await h.say('teacher', CLOSE)).replies[0];
    const shown = texts(later.blocks);
    assert.match(shown, /Your head teacher's answer \(\d{1,2} \w{3} \d{4}\) — not part of the written policy/);
    assert.match(shown, /Yes, on non-uniform days only\./);
    assert.equal(later.blocks.find((b) => b.kind === 'verdict')?.kind === 'verdict' && (later.blocks.find((b) => b.kind === 'verdict') as { verdict: string }).verdict, 'unknown');
    assert.doesNotMatch(shown, /I can't find anything about this/, 'in place of "not covered"');
    // Not under an unrelated question.
    assert.doesNotMatch(texts((await h.say('teacher', 'Can I go on Facebook on the school computer?')).replies[0].blocks), /head teacher's answer/);
    // A staff member cannot withdraw it; the head can.
    assert.match(allText(await h.say('teacher', `withdraw ${ref}`)), /only the school's head teacher/);
    assert.match(allText(await h.say('head', `withdraw ${ref}`)), /no longer shown/);
    assert.doesNotMatch(texts((await h.say('teacher', CLOSE)).replies[0].blocks), /head teacher's answer/);
    assert.deepEqual((await h.store.listAudit(ref)).map((a) => a.action), ['asked', 'replied', 'refused', 'answer-withdrawn']);
  });

  it('refuses a Reply from someone who is not a head (recorded), a second Reply, and one after the question was withdrawn', async () => {
    const ref = await ask(h);
    assert.match(allText(await h.press('dsl', { type: 'head.reply', ref })), /only the school's head teacher/);
    assert.match(allText(await h.bot.handle({ type: 'form', actor: h.as('ta'), formId: 'head.reply', values: { reply: 'I answer myself', share: 'everyone' }, context: { ref } })), /only the school's head teacher/);
    assert.equal((await h.store.getHeadQuestion(ref))!.status, 'open');
    assert.equal((await h.store.listAudit(ref)).filter((a) => a.action === 'refused').length, 2);
    await h.say('head', `reply ${ref} First answer.`);
    assert.match(allText(await h.say('deputy', `reply ${ref} Second answer.`)), /already answered by head/);
    assert.equal((await h.store.getHeadQuestion(ref))!.answer!.text, 'First answer.');

    const other = await ask(h, 'Can I claim mileage for a school trip?');
    assert.match(allText(await h.say('ta', `withdraw ${other}`)), /You withdrew/);
    assert.match(allText(await h.say('head', `reply ${other} Too late.`)), /withdrawn by the person who asked; nothing was sent/);
  });

  it('refuses a 10,000-character reply and an empty one, and keeps mentions as typed (renderers escape them)', async () => {
    const ref = await ask(h);
    const long = await h.bot.handle({ type: 'form', actor: h.as('head'), formId: 'head.reply', values: { reply: 'x'.repeat(10_000), share: 'asker' }, context: { ref } });
    assert.match(long.formErrors?.reply ?? '', /10,000 characters; please keep it under 3,000/);
    assert.match(allText(await h.say('head', `reply ${ref} ${'y'.repeat(10_000)}`)), /10,000 characters/);
    assert.match(allText(await h.say('head', `reply ${ref}`)), /Write the reply/);
    await h.say('head', `reply ${ref} <!channel> <@U123> ask me`);
    assert.equal((await h.store.getHeadQuestion(ref))!.answer!.text, '<!channel> <@U123> ask me');
  });

  it('routes an incident to the report instead, and sends nothing to the head', async () => {
    const sent = await h.press('ta', { type: 'head.ask', question: 'A parent has posted abusive comments about me on Facebook', reason: 'not-covered' });
    assert.match(allText(sent), /something to report/);
    assert.ok(hasButton(sent.direct[0], 'report.start'));
    assert.deepEqual(await h.store.listHeadQuestions({}), []);
  });

  it("'ask head' typed sends the conversation's last question; twice is one question; with no question first, says what to do", async () => {
    assert.match(allText(await h.say('ta', 'ask head')), /Which question\?/);
    await h.say('ta', NOT_COVERED);
    assert.match(allText(await h.say('ta', 'ask the head')), /Sent to the head teacher as Q-\d{4}-0001/);
    assert.match(allText(await h.say('ta', 'ask head')), /already sent this .* Q-\d{4}-0001/);
    assert.equal((await h.store.listHeadQuestions({})).length, 1);
  });

  it('after a 👎 offers Ask the head carrying the answer given', async () => {
    const r = await h.press('ta', { type: 'feedback', answerId: 'a-1', helpful: false, question: 'Can I go on Facebook on the school computer?', verdict: 'no', clauseIds: ['cadmus-3.1'] });
    const offer = button(r.ephemeral, 'head.ask');
    assert.deepEqual(offer, { type: 'head.ask', question: 'Can I go on Facebook on the school computer?', reason: 'not-helpful', verdict: 'no', clauseIds: ['cadmus-3.1'] });
    assert.ok(!hasButton((await h.press('ta', { type: 'feedback', answerId: 'a-1', helpful: true, question: 'x' })).ephemeral, 'head.ask'));
  });

  it("'questions' and 'show Q-…' are for heads; show names who asked and is audited; unknown and other schools' refs are not found", async () => {
    const ref = await ask(h);
    assert.match(allText(await h.say('ta', 'questions')), /only the school's head teacher/);
    const list = allText(await h.say('head', 'questions'));
    assert.match(list, new RegExp(`${ref}.*jeans`));
    assert.doesNotMatch(list, /\bta\b/, 'no names in the list');
    const shown = allText(await h.say('head', `show ${ref}`));
    assert.match(shown, /Asked by: ta/);
    assert.ok((await h.store.listAudit(ref)).some((a) => a.action === 'viewed'));
    assert.match(allText(await h.say('ta', ref)), /Your question .* waiting/);
    assert.match(allText(await h.say('head', 'show Q-2026-9999')), /can't find a question/);
    const other = await makeHarness({ school: 'lfssq', store: h.store });
    assert.match(allText(await other.say('head', `show ${ref}`)), /can't find a question/);
    assert.match(allText(await h.press('head', { type: 'head.reply', ref: 'Q-2026-9999' })), /can't find a question/);
  });
});
