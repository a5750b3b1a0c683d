// Dev: what the tuning tools read — every policy we have (the five seeds, the fixture policies and
// each frozen set's), the question sets we may read, and how a clause is matched to a line's cited
// text. Frozen sets are found in their folder; `a/` is held back (totals only, tools/score-frozen.mjs).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { policyFromBytes, policyFromDocument } from '../knowledge/policy-files.js';
import { createPolicyLibrary, type PolicyLibrary } from '../knowledge/library.js';

const FROZEN = 'test/fixtures/frozen';
/** The frozen sets, by folder letter, in order. */
export const FROZEN_SETS = readdirSync(FROZEN).filter((d) => statSync(join(FROZEN, d)).isDirectory()).sort();
/** The frozen sets that are tuning sets (all but the held-back `a/`). */
export const TUNING_FROZEN = FROZEN_SETS.filter((d) => d !== 'a');

/** Every policy we have, read as `npm run ingest` reads it, in one library. */
export async function tuningLibrary(): Promise<PolicyLibrary> {
  const dirs = ['test/fixtures/seeds', 'test/fixtures/policies', 'test/fixtures/policies/unseen', ...FROZEN_SETS.map((d) => join(FROZEN, d))];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|md|html)$/.test(f) && !/^(?:ABOUT|README)\./.test(f)).map((f) => join(d, f)));
  // Text and Markdown as the policies folder keeps them (a header may name the school); HTML through the document reader.
  const policies = await Promise.all(files.map(async (f) => (/\.html$/.test(f) ? (await policyFromDocument(readFileSync(f), { school: basename(f, extname(f)), source: f })).policy : policyFromBytes(readFileSync(f), { source: f }))));
  return createPolicyLibrary(policies);
}

/** The question files we may read: the dev set, test/questions and the frozen tuning sets. */
export function tuningSetFiles(): string[] {
  return [
    '../shared/eval/dev-questions.jsonl',
    ...readdirSync('test/questions').map((f) => join('test/questions', f)),
    ...TUNING_FROZEN.flatMap((x) => readdirSync(join(FROZEN, x)).filter((f) => f.endsWith('.jsonl')).map((f) => join(FROZEN, x, f))),
  ];
}

/** Case and punctuation folded, for finding a line's cited text in a clause. */
export function norm(s: string): string {
  return String(s ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
