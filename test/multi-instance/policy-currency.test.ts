// Two instances sharing one PostgreSQL database and one policies folder: an ingest is picked up by
// both, each logging the version that now answers; an overdue policy's review reminder reaches the
// head once, although both instances check for it every 100 ms.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeSlackApi, type FakeSlackApi } from '../adapters/slack/fake-slack-api.js';
import { dropSchema, freshSchema, postgresTestUrl } from '../adapters/store/postgres-test-db.js';
import { SEED_POLICIES } from '../seed-policies.js';
import { HEAD, eventually, startInstance, type Instance } from './instances.js';

const url = postgresTestUrl();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NEW_POLICY = `Cadmus Family of Schools Social Media Policy

1. Use at work

1.1 Staff may use social media websites on school computers during their lunch break, provided no pupils are present.

1.2 Staff must not accept friend requests from pupils.

Review date: 1 March 2026
`;

if (url) {
  describe('Two instances keep the policy current', function () {
    this.timeout(120_000);
    let api: FakeSlackApi;
    let dir: string;
    let schema: string;
    let a: Instance;
    let b: Instance;
    before(async () => {
      api = await startFakeSlackApi('xoxb-test-token');
      dir = mkdtempSync(join(tmpdir(), 'policies-shared-'));
      cpSync(SEED_POLICIES, dir, { recursive: true });
      schema = freshSchema('currency');
      const env = { url: url!, schema, slackApiUrl: api.url };
      [a, b] = await Promise.all([startInstance('A', env, { POLICIES_DIR: dir, POLICY_REVIEWS: 'on' }), startInstance('B', env, { POLICIES_DIR: dir, POLICY_REVIEWS: 'on' })]);
    });
    after(async () => {
      await Promise.all([a?.kill(), b?.kill()]);
      await api?.close();
      if (schema) await dropSchema(url!, schema);
      rmSync(dir, { recursive: true, force: true });
    });

    const reviewDms = () => api.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${HEAD}` && /due for review/.test(String(c.args.text)));
    const ask = async (i: Instance) => ((await i.post('/test/message', { user: 'U0STAFF', text: 'Can I go on Facebook on the school computer?' })).json.texts as string[]).join('\n');

    it('sends the head one review reminder for the overdue policy, not one per instance', async () => {
      await eventually(async () => reviewDms().length >= 1, 20_000, 'a review reminder');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(reviewDms().length, 1, JSON.stringify(reviewDms().map((c) => c.args.text)));
      assert.match(String(reviewDms()[0]!.args.text), /^Cadmus Family of Schools' social media policy was due for review on 1 Jan 2025\./);
    });

    it('answers from an ingested policy on every instance within seconds, each logging the new version', async () => {
      for (const i of [a, b]) assert.match(await ask(i), /Staff are not allowed to access social media websites/);
      const file = join(dir, '..', `${Date.now()}-cadmus.txt`);
      writeFileSync(file, NEW_POLICY);
      const r = await new Promise<{ code: number; err: string }>((resolve) =>
        execFile(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'adapters/cli/ingest.ts'), '--school', 'cadmus', '--force', file], { cwd: ROOT, env: { ...process.env, POLICIES_DIR: dir } }, (e, _o, err) => resolve({ code: e ? 1 : 0, err })));
      rmSync(file);
      assert.equal(r.code, 0, r.err);
      for (const i of [a, b]) {
        await eventually(async () => /during their lunch break/.test(await ask(i)), 15_000, `${i.name} answers from the new policy`);
        assert.match(i.log.join(''), /info policy reloaded \{"school":"cadmus","name":"Cadmus Family of Schools","version":"[0-9a-f]{8}","clauses":2\}/);
      }
      // A new review date is a new reminder: this one is overdue too, so the head hears of it once more.
      await eventually(async () => reviewDms().length >= 2, 20_000, 'a reminder for the new review date');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(reviewDms().length, 2);
      assert.match(String(reviewDms()[1]!.args.text), /was due for review on 1 Mar 2026/);
    });
  });
}
