// Floors on the second round of held-out material, written before the code it measures changed:
// three more layouts (a trust policy with 4.1.1 numbering and a table, a parents' code with a FAQ,
// long paragraphs of several rules with a FAQ) and fresh questions for the five schools.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicyLibrary, type PolicyLibrary } from '../../../knowledge/library.js';
import { parseEvalLine, scoreItem, tally, type EvalItem, type Tally } from '../../../adapters/cli/cli-score.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const QUESTIONS = `${ROOT}test/questions`;

function items(prefix: string): EvalItem[] {
  return readdirSync(QUESTIONS).filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl')).flatMap((f) =>
    readFileSync(join(QUESTIONS, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => parseEvalLine(l)).filter((x): x is EvalItem => typeof x !== 'string'));
}

function assertFloor(t: Tally, floor: { verdict: number; hit3: number; intent: number }): void {
  assert.ok(t.verdict / t.n >= floor.verdict, `verdict ${t.verdict}/${t.n}`);
  assert.ok(t.hit3 / t.clauseItems >= floor.hit3, `hit@3 ${t.hit3}/${t.clauseItems}`);
  assert.ok(t.intent / t.n >= floor.intent, `intent ${t.intent}/${t.n}`);
  assert.equal(t.unknownRight, t.unknownExpected, 'every out-of-scope question is unknown');
}

describe('second held-out round', () => {
  let dir: string;
  let lib: PolicyLibrary;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'unseen-policies-'));
    cpSync(`${ROOT}knowledge/policies`, dir, { recursive: true });
    cpSync(`${ROOT}test/fixtures/policies/unseen`, dir, { recursive: true });
    lib = await loadPolicyLibrary(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

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
