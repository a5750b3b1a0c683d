import assert from 'node:assert/strict';
import { feedbackQuestionMax, withFeedbackContext } from '../../bot/feedback.js';
import type { BotResponse } from '../../bot/events.js';
import type { Action, Reply } from '../../bot/reply.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { makeHarness } from './harness.js';

type FeedbackAction = Extract<Action, { type: 'feedback' }>;

function feedbackButtons(r: BotResponse): FeedbackAction[] {
  return [...r.replies, ...r.direct].flatMap((reply) =>
    reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.actions.map((a) => a.action).filter((a): a is FeedbackAction => a.type === 'feedback') : [])),
  );
}

describe('answer feedback', () => {
  it('records the question, verdict and clauses when 👎 is pressed on a new bot over the same store', async () => {
    const store = createMemoryStore();
    const before = await makeHarness({ school: 'cadmus', store });
    const question = 'Can I be friends with parents on Facebook?';
    const [up, down] = feedbackButtons(await before.say('ann', question));
    assert.ok(up && down, 'the answer offers feedback buttons');
    assert.equal(down.question, question);
    assert.ok((down.clauseIds ?? []).length > 0);

    const after = await makeHarness({ school: 'cadmus', store });
    await after.press('ann', down);
    const [record] = await store.listFeedback(1);
    assert.equal(record.question, question);
    assert.equal(record.helpful, false);
    assert.equal(record.school, 'cadmus');
    assert.equal(record.verdict, down.verdict);
    assert.deepEqual(record.clauseIds, down.clauseIds);
    assert.notEqual(record.verdict, 'unknown');
  });

  it('keeps the longest question answered short enough for a Slack button value, escapes and all', async () => {
    const h = await makeHarness();
    const long = `Can I be friends with parents on Facebook? ${'"and" on \\Instagram\\ '.repeat(60)}`.slice(0, 1000);
    const buttons = feedbackButtons(await h.say('ann', long));
    assert.ok(buttons.length > 0);
    for (const b of buttons) {
      assert.ok((b.question ?? '').length <= feedbackQuestionMax);
      assert.ok(JSON.stringify(b).length < 2000, `${JSON.stringify(b).length} characters`);
    }
  });

  it('records an old or forged button without the question as unknown, and refuses nothing', async () => {
    const h = await makeHarness();
    const forged = { type: 'feedback', answerId: 'a1', helpful: true, verdict: 'definitely', clauseIds: [7, 'cadmus-5.1'] } as unknown as Action;
    const r = await h.press('ann', forged);
    assert.match(r.ephemeral?.text ?? '', /Thanks/);
    const [record] = await h.store.listFeedback(1);
    assert.deepEqual({ question: record.question, verdict: record.verdict, clauseIds: record.clauseIds }, { question: '', verdict: 'unknown', clauseIds: ['cadmus-5.1'] });
  });

  it('reads the verdict and quoted clauses from the reply when the answerer gives none', () => {
    const reply: Reply = {
      text: 'x',
      blocks: [
        { kind: 'verdict', verdict: 'no', headline: 'No.' },
        { kind: 'quote', text: 'q', citation: { clauseId: 'cadmus-7.9', school: 'cadmus', schoolName: 'Cadmus', ref: '7.9', heading: 'h' } },
        { kind: 'actions', actions: [{ label: '👍', action: { type: 'feedback', answerId: 'a1', helpful: true } }] },
      ],
    };
    const out = withFeedbackContext(reply, { question: 'Can I?' });
    const block = out.blocks[2];
    assert.equal(block.kind, 'actions');
    assert.deepEqual(block.kind === 'actions' && block.actions[0].action, { type: 'feedback', answerId: 'a1', helpful: true, question: 'Can I?', verdict: 'no', clauseIds: ['cadmus-7.9'] });
  });
});
