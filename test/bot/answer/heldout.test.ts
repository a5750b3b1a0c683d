// Floors on question sets the matcher was not tuned on: three policies in unseen layouts (a
// lettered LA model, an "I will / I will not" agreement, website copy) and fresh five-school questions.
import assert from 'node:assert/strict';
import type { PolicyLibrary } from '../../../knowledge/library.js';
import { scoreItem, tally } from '../../../adapters/cli/cli-score.js';
import { assertFloor, items, policiesWith } from './question-sets.js';

describe('held-out question sets', () => {
  let lib: PolicyLibrary;
  let cleanup = () => {};
  before(async () => {
    ({ lib, cleanup } = await policiesWith('test/fixtures/policies'));
  });
  after(() => cleanup());

  it('answers policies in layouts it has never seen', () => {
    const list = items('heldout-');
    assert.ok(list.length >= 75);
    for (const school of ['westbrook', 'brambleside', 'kingsmead']) assert.ok(list.some((i) => i.school === school), school);
    assertFloor(tally(list.map((i) => scoreItem(lib, i))), { verdict: 0.89, hit3: 0.91, intent: 0.95 });
  });

  it('answers fresh phrasings at the five schools', () => {
    const list = items('fresh-');
    assert.ok(list.length >= 60);
    assertFloor(tally(list.map((i) => scoreItem(lib, i))), { verdict: 0.88, hit3: 0.91, intent: 0.95 });
  });

  it('keeps each held-out school above a floor of its own', () => {
    for (const school of ['westbrook', 'brambleside', 'kingsmead']) {
      const t = tally(items('heldout-').filter((i) => i.school === school).map((i) => scoreItem(lib, i)));
      assert.ok(t.verdict / t.n >= 0.8, `${school} verdict ${t.verdict}/${t.n}`);
      assert.ok(t.hit3 / t.clauseItems >= 0.85, `${school} hit@3 ${t.hit3}/${t.clauseItems}`);
    }
  });
});
