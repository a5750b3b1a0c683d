// Floors on question sets the matcher was not tuned on: three policies in unseen layouts (a
// lettered LA model, an "I will / I will not" agreement, website copy) and fresh five-school questions.
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

describe('held-out question sets', () => {
  let dir: string;
  let lib: PolicyLibrary;
  before(async () => {
    // The held-out policies sit beside the five real ones, as a deployment would hold them.
    dir = mkdtempSync(join(tmpdir(), 'heldout-policies-'));
    cpSync(`${ROOT}knowledge/policies`, dir, { recursive: true });
    cpSync(`${ROOT}test/fixtures/policies`, dir, { recursive: true });
    lib = await loadPolicyLibrary(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

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
