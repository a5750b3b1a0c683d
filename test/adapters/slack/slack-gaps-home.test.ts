// Done-when: a head's Slack App Home shows the same numbers as `npm run gaps -- --json`, on a
// store holding 1,000 logged questions (the embedded store in a temp folder, shared by both).

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as gaps } from '../../../adapters/cli/gaps.js';
import type { GapsView } from '../../../bot/gaps/gaps-view.js';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import { logQuestions } from '../../fakes/question-log-fixtures.js';
import { SEED_POLICIES } from '../../seed-policies.js';
import { startSlackHarness } from './slack-harness.js';
import { realCore, HEAD, STAFF, type RealCore } from './real-core.js';

describe('Slack App Home: what staff asked', () => {
  it('shows a head the same numbers as npm run gaps -- --json; staff see no such view', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gaps-home-'));
    try {
      const store = await createLowdbStore({ dataDir });
      let core: RealCore | undefined;
      const h = await startSlackHarness({ core: async (config) => (core = await realCore(config, {}, store)) });
      const clock = core!.clock;
      await logQuestions(store, 1000, clock.now());
      let home: string;
      try {
        await h.sendEvent({ type: 'app_home_opened', user: HEAD, channel: `D${HEAD}`, tab: 'home', event_ts: '1700000600.000100' });
        await h.sendEvent({ type: 'app_home_opened', user: STAFF, channel: `D${STAFF}`, tab: 'home', event_ts: '1700000600.000200' });
        await h.api.waitFor((c) => c.filter((x) => x.method === 'views.publish').length === 2);
        const published = h.api.callsTo('views.publish');
        home = JSON.stringify(published.find((p) => p.args.user_id === HEAD)!.args.view);
        assert.doesNotMatch(JSON.stringify(published.find((p) => p.args.user_id === STAFF)!.args.view), /What staff asked/);
      } finally {
        await h.close();
        await store.close();
      }
      let out = '';
      const code = await gaps(['--school', 'cadmus', '--json'], { out: (t) => (out += t), err: (l) => assert.fail(l), env: { DATA_DIR: dataDir, POLICIES_DIR: SEED_POLICIES }, clock });
      assert.equal(code, 0);
      const view = JSON.parse(out) as GapsView;
      assert.equal(view.questions, 1000);
      assert.ok(view.topics.length >= 4);
      assert.ok(home.includes(`${view.questions.toLocaleString('en-GB')} questions: ${view.answered} answered from a clause, ${view.closest} the closest the policy comes, ${view.notCovered} not covered`), 'the summary line has the JSON numbers');
      for (const t of view.topics.slice(0, 10)) assert.ok(home.includes(`asked ${t.asked} (answered ${t.answered}, closest ${t.closest}, not covered ${t.notCovered})`), `topic ${t.label} has the JSON numbers`);
      for (const c of view.clauses) assert.ok(home.includes(`: ${c.cited}`), `clause ${c.ref} cited ${c.cited}`);
      assert.doesNotMatch(home, /Question \d+ about|U1\d/, 'no question texts or askers on the home');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
