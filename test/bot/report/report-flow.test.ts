import assert from 'node:assert/strict';
import { answerFlow, startFlow, stepReply, type FlowState } from '../../../bot/report/report-flow.js';
import { reportForm } from '../../../bot/report/report-form.js';
import { reportSteps } from '../../../bot/report/report-steps.js';
import { validateReport, validateStep } from '../../../bot/report/validate-report.js';

// A Monday morning: "Tuesday" is 24 February, "yesterday" Sunday 1 March.
const now = new Date('2026-03-02T09:00:00Z');

/** Answers the questions in turn; the first ("about an adult at the school?") is answered 'no' unless `adult` says. */
function run(answers: string[], adult = 'no'): ReturnType<typeof answerFlow> {
  answers = [adult, ...answers];
  let state: FlowState = startFlow('cadmus', now);
  let outcome = answerFlow(state, answers[0], now);
  for (const a of answers.slice(1)) {
    assert.equal(outcome.kind, 'ask');
    state = (outcome as { state: FlowState }).state;
    outcome = answerFlow(state, a, now);
  }
  return outcome;
}

const notices = (o: ReturnType<typeof answerFlow>) => (o.kind === 'ask' ? o.notices.join('\n') : '');
const stateOf = (o: ReturnType<typeof answerFlow>) => (o as { state: FlowState }).state;

describe('report flow', () => {
  it('accepts choices by number, by word and by synonym, and submits after "send"', () => {
    const outcome = run(['1', 'mum', 'a colleague', 'Facebook', 'https://facebook.com/x', 'yesterday 7pm', 'y', 'nope', 'She called Mrs Jones a liar.', 'send']);
    assert.equal(outcome.kind, 'submit');
    if (outcome.kind !== 'submit') return;
    assert.deepEqual(outcome.fields, {
      adultConcern: 'no', category: 'abusive', poster: 'parent', about: 'colleague', platform: 'Facebook', link: 'https://facebook.com/x',
      seenAt: '2026-03-01T19:00:00.000Z', seenAtShown: 'Sunday 1 March 2026, 7pm', seenAtAsTyped: 'yesterday 7pm',
      evidenceKept: 'yes', replied: 'no', description: 'She called Mrs Jones a liar.',
    });
  });

  it('goes back one question, and forgets that answer', () => {
    const outcome = run(['1', 'pupil', 'back']);
    assert.equal(outcome.kind, 'ask');
    if (outcome.kind !== 'ask') return;
    assert.equal(outcome.state.step, 2);
    assert.equal(outcome.state.values.poster, undefined);
    assert.match(notices(outcome), /back/i);
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

  it('uses an answer that fits another question for that question, says so, and does not ask it again', () => {
    const first = run(['a parent']);
    assert.equal(stateOf(first).step, 1);
    assert.equal(stateOf(first).values.poster, 'parent');
    assert.match(notices(first), /That answers "Who posted it\?", so I've noted: A parent or carer\.\nI'm still asking: What kind of post is it\?/);
    const next = run(['a parent', '1']);
    assert.equal(reportSteps[stateOf(next).step].name, 'about', 'the poster question is skipped');
  });

  it('reads "yes I took screenshots", and "nobody replied" given to the evidence question', () => {
    const upTo = ['1', 'parent', 'me', 'Facebook', 'skip', 'today 8am'];
    assert.equal(stateOf(run([...upTo, 'yes I took screenshots'])).values.evidenceKept, 'yes');
    assert.equal(stateOf(run([...upTo, 'I took screenshots of all of it'])).values.evidenceKept, 'yes');
    assert.equal(stateOf(run([...upTo, "no, I didn't think to"])).values.evidenceKept, 'no');
    const elsewhere = run([...upTo, 'nobody has replied to it']);
    assert.equal(stateOf(elsewhere).values.replied, 'no');
    assert.equal(stateOf(elsewhere).values.evidenceKept, undefined);
    assert.match(notices(elsewhere), /That answers "Has anyone replied/);
    const then = run([...upTo, 'nobody has replied to it', 'yes']);
    assert.equal(reportSteps[stateOf(then).step].name, 'description', 'the replied question is not asked again');
  });

  it('takes a link typed with the platform ("facebook https://x.y/z") for both, and does not ask for it again', () => {
    const outcome = run(['1', 'parent', 'me', 'facebook https://x.y/z']);
    const state = stateOf(outcome);
    assert.equal(state.values.platform, 'facebook');
    assert.equal(state.values.link, 'https://x.y/z');
    assert.equal(reportSteps[state.step].name, 'seenAt');
    assert.match(notices(outcome), /I've noted the link https:\/\/x\.y\/z, so I won't ask for it again/);
    assert.equal(stateOf(run(['1', 'parent', 'me', 'https://www.tiktok.com/@someone/video/1.'])).values.platform, 'tiktok.com');
  });

  it('reads "Tuesday about 8pm" as the last Tuesday at 8pm, and says the date back', () => {
    const outcome = run(['1', 'parent', 'me', 'Facebook', 'skip', 'Tuesday about 8pm']);
    const state = stateOf(outcome);
    assert.equal(state.values.seenAt, '2026-02-24T20:00:00.000Z');
    assert.equal(state.values.seenAtAsTyped, 'Tuesday about 8pm');
    assert.match(notices(outcome), /I've put that down as Tuesday 24 February 2026, 8pm\. If that's not right, type 'back'\./);
    const summary = stepReply(stateOf(run(['1', 'parent', 'me', 'Facebook', 'skip', 'Tuesday about 8pm', 'yes', 'no', 'The facts.'])));
    assert.match(summary.text, /When you saw it: Tuesday 24 February 2026, 8pm/);
  });

  it('refuses a time that cannot be read, or has not come yet, and keeps asking', () => {
    const unread = run(['1', 'parent', 'me', 'Facebook', 'skip', 'a while back, not sure']);
    assert.equal(reportSteps[stateOf(unread).step].name, 'seenAt');
    assert.match(notices(unread), /couldn't read a date from "a while back, not sure"\. Try for example "today 8am"/);
    assert.match(notices(run(['1', 'parent', 'me', 'Facebook', 'skip', 'today 8pm'])), /has not happened yet/);
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
