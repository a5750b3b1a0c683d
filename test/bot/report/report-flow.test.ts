import assert from 'node:assert/strict';
import { answerFlow, startFlow, stepReply, type FlowState } from '../../../bot/report/report-flow.js';
import { reportForm } from '../../../bot/report/report-form.js';
import { reportSteps } from '../../../bot/report/report-steps.js';
import { validateReport, validateStep } from '../../../bot/report/validate-report.js';

const now = new Date('2026-03-02T09:00:00Z');

function run(answers: string[]): ReturnType<typeof answerFlow> {
  let state: FlowState = startFlow('cadmus', now);
  let outcome = answerFlow(state, answers[0]);
  for (const a of answers.slice(1)) {
    assert.equal(outcome.kind, 'ask');
    state = (outcome as { state: FlowState }).state;
    outcome = answerFlow(state, a);
  }
  return outcome;
}

describe('report flow', () => {
  it('accepts choices by number, by word and by synonym, and submits after "send"', () => {
    const outcome = run(['1', 'mum', 'a colleague', 'Facebook', 'https://facebook.com/x', 'yesterday 7pm', 'y', 'nope', 'She called Mrs Jones a liar.', 'send']);
    assert.equal(outcome.kind, 'submit');
    if (outcome.kind !== 'submit') return;
    assert.deepEqual(outcome.fields, {
      category: 'abusive', poster: 'parent', about: 'colleague', platform: 'Facebook', link: 'https://facebook.com/x',
      seenAt: 'yesterday 7pm', evidenceKept: 'yes', replied: 'no', description: 'She called Mrs Jones a liar.',
    });
  });

  it('goes back one question, and forgets that answer', () => {
    const outcome = run(['1', 'pupil', 'back']);
    assert.equal(outcome.kind, 'ask');
    if (outcome.kind !== 'ask') return;
    assert.equal(outcome.state.step, 1);
    assert.equal(outcome.state.values.poster, undefined);
    assert.match(outcome.notice ?? '', /back/i);
  });

  it('starts again from the first question with nothing kept', () => {
    const outcome = run(['1', 'pupil', 'me', 'start again']);
    assert.equal(outcome.kind, 'ask');
    if (outcome.kind !== 'ask') return;
    assert.equal(outcome.state.step, 0);
    assert.deepEqual(outcome.state.values, {});
  });

  it('cancels from any question', () => {
    assert.equal(run(['2', 'cancel']).kind, 'cancelled');
  });

  it('says clearly when an answer belongs to another question', () => {
    const outcome = run(['parent']);
    assert.equal(outcome.kind, 'ask');
    assert.match((outcome as { notice?: string }).notice ?? '', /sounds like an answer to "Who posted it\?".*What kind of post/);
  });

  it('refuses an unknown choice and lists the choices', () => {
    const outcome = run(['9']);
    assert.match((outcome as { notice?: string }).notice ?? '', /didn't recognise "9".*1 Abusive or offensive/);
  });

  it('refuses a link that is not a web link, and accepts skip', () => {
    const link = reportSteps.find((s) => s.name === 'link')!;
    assert.equal(validateStep(link, 'javascript:alert(1)').ok, false);
    assert.equal(validateStep(link, 'not a link').ok, false);
    assert.deepEqual(validateStep(link, 'skip'), { ok: true, value: undefined });
    assert.deepEqual(validateStep(link, 'http://example.org/p?q=1'), { ok: true, value: 'http://example.org/p?q=1' });
  });

  it('refuses a 20,000-character description with a clear limit', () => {
    const description = reportSteps.find((s) => s.name === 'description')!;
    const result = validateStep(description, 'x'.repeat(20_000));
    assert.equal(result.ok, false);
    assert.match((result as { error: string }).error, /20,000 characters; please keep it under 3,000/);
  });

  it('asks sexual-content reporters not to screenshot instead of asking for screenshots', () => {
    const outcome = run(['5', 'pupil', 'pupil', 'Snapchat', 'skip', 'today']);
    const reply = stepReply((outcome as { state: FlowState }).state);
    assert.match(reply.text, /Do NOT screenshot/);
  });
});

describe('report form', () => {
  it('is built from the same steps as the conversation', () => {
    const form = reportForm();
    assert.deepEqual(form.fields.map((f) => f.name), reportSteps.map((s) => s.name));
    assert.equal(form.fields.find((f) => f.name === 'poster')!.options!.length, 6);
    assert.match(JSON.stringify(form.intro), /do not ask a child to send it/i);
  });

  it('reports every invalid field at once', () => {
    const result = validateReport({ category: 'nonsense', poster: '', link: 'ftp:/x', description: '' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(Object.keys(result.errors).sort(), ['about', 'category', 'description', 'evidenceKept', 'link', 'platform', 'poster', 'replied', 'seenAt']);
  });
});
