// Floors on the second round of held-out material, written before the code it measures changed:
// three more layouts (a trust policy with 4.1.1 numbering and a table, a parents' code with a FAQ,
// long paragraphs of several rules with a FAQ) and fresh questions for the five schools.
import assert from 'node:assert/strict';
import type { PolicyLibrary } from '../../../knowledge/library.js';
import { scoreItem, tally } from '../../../adapters/cli/cli-score.js';
import { assertFloor, items, policiesWith } from './question-sets.js';

describe('second held-out round', () => {
  let lib: PolicyLibrary;
  let cleanup = () => {};
  before(async () => {
    ({ lib, cleanup } = await policiesWith('test/fixtures/policies/unseen'));
  });
  after(() => cleanup());

  it('answers three more layouts it was never tuned on', () => {
    const list = items('unseen-');
    assert.ok(list.length >= 80);
    assertFloor(tally(list.map((i) => scoreItem(lib, i))), { verdict: 0.83, hit3: 0.89, intent: 0.95 });
  });

  it('keeps each of them above a floor of its own', () => {
    for (const school of ['northgate', 'hollybrook', 'st-aldhelms']) {
      const t = tally(items('unseen-').filter((i) => i.school === school).map((i) => scoreItem(lib, i)));
      assert.ok(t.n >= 25, school);
      assert.ok(t.verdict / t.n >= 0.8, `${school} verdict ${t.verdict}/${t.n}`);
      assert.ok(t.hit3 / t.clauseItems >= 0.85, `${school} hit@3 ${t.hit3}/${t.clauseItems}`);
    }
  });

  it('answers a second round of fresh phrasings at the five schools', () => {
    const list = items('fresh2-');
    assert.ok(list.length >= 40);
    assertFloor(tally(list.map((i) => scoreItem(lib, i))), { verdict: 0.88, hit3: 0.88, intent: 0.95 });
  });
});
