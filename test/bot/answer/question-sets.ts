// Shared by the floor tests on held-out material: reading our question sets, a policy folder with
// extra schools beside the five real ones, and the floor check itself.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicyLibrary, type PolicyLibrary } from '../../../knowledge/library.js';
import { parseEvalLine, type EvalItem, type Tally } from '../../../adapters/cli/cli-score.js';
import { SEED_POLICIES } from '../../seed-policies.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const QUESTIONS = `${ROOT}test/questions`;

/** Every question in test/questions/<prefix>*.jsonl. */
export function items(prefix: string): EvalItem[] {
  return readdirSync(QUESTIONS).filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl')).flatMap((f) =>
    readFileSync(join(QUESTIONS, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => parseEvalLine(l)).filter((x): x is EvalItem => typeof x !== 'string'));
}

/** Fails when a tally falls below its floor. */
export function assertFloor(t: Tally, floor: { verdict: number; hit3: number; intent: number; unknown?: number }): void {
  assert.ok(t.verdict / t.n >= floor.verdict, `verdict ${t.verdict}/${t.n}`);
  assert.ok(t.hit3 / t.clauseItems >= floor.hit3, `hit@3 ${t.hit3}/${t.clauseItems}`);
  assert.ok(t.intent / t.n >= floor.intent, `intent ${t.intent}/${t.n}`);
  if (floor.unknown !== undefined && t.unknownExpected) assert.ok(t.unknownRight / t.unknownExpected >= floor.unknown, `unknown ${t.unknownRight}/${t.unknownExpected}`);
}

/** The five real policies plus the fixture folder's, as a deployment would hold them. */
export async function policiesWith(fixtureFolders: string | string[]): Promise<{ lib: PolicyLibrary; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'held-out-policies-'));
  cpSync(SEED_POLICIES, dir, { recursive: true });
  for (const folder of [fixtureFolders].flat()) {
    for (const f of readdirSync(`${ROOT}${folder}`).filter((n) => /\.(?:txt|md)$/.test(n))) cpSync(`${ROOT}${folder}/${f}`, join(dir, f));
  }
  return { lib: await loadPolicyLibrary(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
