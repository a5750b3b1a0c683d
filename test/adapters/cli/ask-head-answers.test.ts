// `npm run ask -- --json` carries a head teacher's remembered answer in its own field
// (headAnswers, a contract addition) read from the assistant's store; the verdict is unchanged.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import { SEED_POLICIES } from '../../seed-policies.js';
import { questionDraft } from '../store/head-question-contract.js';

function ask(env: Record<string, string>, question: string): Record<string, any> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/ask.ts', '--school', 'cadmus', '--json', question], { encoding: 'utf8', env: { ...process.env, POLICIES_DIR: SEED_POLICIES, ...env } });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('npm run ask --json: the head teacher\'s answers', () => {
  it('adds headAnswers for a close question, labelled as not policy, leaving the verdict and clauses as they were', async function () {
    this.timeout(60_000);
    const dataDir = await mkdtemp(join(tmpdir(), 'ask-head-'));
    try {
      const store = await createLowdbStore({ dataDir });
      const q = await store.createHeadQuestion(questionDraft({ question: 'Can I wear jeans on Fridays?' }), [], []);
      await store.updateHeadQuestion(q.ref, (c) => ({ question: { ...c, status: 'answered', answer: { text: 'Yes, on non-uniform days.', by: { platform: 'slack', userId: 'UHEAD' }, at: '2026-11-12T10:00:00.000Z', forEveryone: true } }, audit: [], deliveries: [] }));
      await store.close();
      const withStore = ask({ DATA_DIR: dataDir }, 'Are we allowed to wear jeans on a Friday?');
      const without = ask({ DATA_DIR: join(dataDir, 'none') }, 'Are we allowed to wear jeans on a Friday?');
      assert.deepEqual(withStore.headAnswers, [{ ref: q.ref, question: 'Can I wear jeans on Fridays?', answer: 'Yes, on non-uniform days.', answeredAt: '2026-11-12T10:00:00.000Z', label: "Your head teacher's answer (12 Nov 2026) — not part of the written policy" }]);
      assert.equal(without.headAnswers, undefined);
      const { headAnswers: _h, ...rest } = withStore;
      assert.deepEqual(rest, without, 'the policy answer is the same');
      assert.equal(ask({ DATA_DIR: dataDir }, 'Can I go on Facebook on the school computer?').headAnswers, undefined);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
