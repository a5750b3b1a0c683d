// The Done-when of issue 2: the dev set scores at least 95% on verdict, clause in top 3 and intent,
// and every unknown is right. Our own question sets are held to a floor so regressions show.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPolicyLibrary } from '../../../knowledge/library.js';
import { parseEvalLine, scoreItem, tally, type EvalItem } from '../../../adapters/cli/cli-score.js';
import { SEED_POLICIES } from '../../seed-policies.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const items = (file: string): EvalItem[] =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => parseEvalLine(l)).filter((x): x is EvalItem => typeof x !== 'string');

describe('question set scores', () => {
  it('meets the thresholds on the shared dev set', async function () {
    const file = `${ROOT}../shared/eval/dev-questions.jsonl`;
    let list: EvalItem[];
    try {
      list = items(file);
    } catch {
      this.skip();
      return;
    }
    const lib = await loadPolicyLibrary(SEED_POLICIES);
    const t = tally(list.map((i) => scoreItem(lib, i)));
    assert.ok(t.verdict / t.n >= 0.95, `verdict ${t.verdict}/${t.n}`);
    assert.ok(t.hit3 / t.clauseItems >= 0.95, `hit@3 ${t.hit3}/${t.clauseItems}`);
    assert.ok(t.intent / t.n >= 0.95, `intent ${t.intent}/${t.n}`);
    assert.equal(t.unknownRight, t.unknownExpected);
    assert.equal(t.falseUnknown, 0);
  });

  it('stays above a floor on our own five-school questions', async () => {
    const lib = await loadPolicyLibrary(SEED_POLICIES);
    const list = ['templemoor', 'learn-to-live', 'cadmus', 'lfssq', 'hardmoor'].flatMap((s) => items(`${ROOT}test/questions/${s}.jsonl`));
    const t = tally(list.map((i) => scoreItem(lib, i)));
    assert.ok(t.n >= 100);
    assert.ok(t.verdict / t.n >= 0.8, `verdict ${t.verdict}/${t.n}`);
    assert.ok(t.hit3 / t.clauseItems >= 0.85, `hit@3 ${t.hit3}/${t.clauseItems}`);
    assert.ok(t.intent / t.n >= 0.95, `intent ${t.intent}/${t.n}`);
  });

  it('answers a held-out policy it was never tuned on', async () => {
    const lib = await loadPolicyLibrary(`${ROOT}test/fixtures/policies`);
    const t = tally(items(`${ROOT}test/questions/oakfield-heldout.jsonl`).map((i) => scoreItem(lib, i)));
    assert.ok(t.verdict / t.n >= 0.8, `verdict ${t.verdict}/${t.n}`);
    assert.ok(t.hit3 / t.clauseItems >= 0.8, `hit@3 ${t.hit3}/${t.clauseItems}`);
  });
});
