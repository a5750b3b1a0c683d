// `npm run migrate-store`: a lowdb file copied into PostgreSQL loses nothing, a second run copies
// nothing twice, and a missing file, a corrupt file or an unreachable database each get a clear message.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import { createPostgresStore } from '../../../adapters/store/postgres/postgres-store.js';
import type { Store } from '../../../bot/ports/store.js';
import { acknowledge, alert, created, draft } from './store-fixtures.js';
import { questionDraft } from './head-question-contract.js';
import { dropSchema, freshSchema, postgresTestUrl } from './postgres-test-db.js';

const url = postgresTestUrl();

/** Runs the real command in a child process, DATABASE_URL pointed at the test database. */
function migrateStore(args: string[], databaseUrl = url!) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/migrate-store.ts', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Everything a store holds, read through the Store interface. */
async function snapshot(store: Store, refs: string[]) {
  return Promise.all(refs.map(async (ref) => ({ e: await store.getEscalation(ref), audit: await store.listAudit(ref), deliveries: await store.listDeliveries(ref) })));
}

if (url) {
  describe('npm run migrate-store', function () {
    this.timeout(60_000);
    let dir: string;
    let schema: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'migrate-store-'));
      schema = freshSchema('ms');
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
      await dropSchema(url, schema);
    });

    it('copies head questions with their audit, deliveries and digests, and numbers the next question after them', async () => {
      const lowdb = await createLowdbStore({ dataDir: dir });
      const q1 = await lowdb.createHeadQuestion(questionDraft(), [{ at: '2026-03-02T09:15:00.000Z', actor: 'system', action: 'asked' }], [{ ...alert(), purpose: 'question' }]);
      await lowdb.createHeadQuestion(questionDraft(), [], []);
      await lowdb.updateHeadQuestion(q1.ref, (c) => ({ question: { ...c, status: 'answered', answer: { text: 'Yes.', by: c.askedBy, at: '2026-03-02T10:00:00.000Z', forEveryone: true } }, audit: [], deliveries: [] }));
      await lowdb.appendTrail('digest:cadmus:2026-W10', [{ at: '2026-03-02T08:00:00.000Z', actor: 'system', action: 'digest-sent' }], []);
      await lowdb.close();
      const run = migrateStore(['--from', dir, '--schema', schema]);
      assert.equal(run.code, 0, run.err);
      const pg = await createPostgresStore({ databaseUrl: url, schema });
      try {
        assert.equal((await pg.getHeadQuestion(q1.ref))?.answer?.text, 'Yes.');
        assert.deepEqual((await pg.listHeadQuestions({ school: 'cadmus', shared: true })).map((q) => q.ref), [q1.ref]);
        assert.deepEqual((await pg.listAudit(q1.ref)).map((a) => a.action), ['asked']);
        assert.equal((await pg.listDeliveries(q1.ref)).length, 1);
        assert.deepEqual((await pg.listAudit('digest:cadmus:2026-W10')).map((a) => a.action), ['digest-sent']);
        assert.equal((await pg.createHeadQuestion(questionDraft(), [], [])).ref, 'Q-2026-0003');
      } finally {
        await pg.close();
      }
    });

    it('copies every kind of record, keeps refs and counters, and copies nothing twice on a second run', async () => {
      const lowdb = await createLowdbStore({ dataDir: dir });
      const refs: string[] = [];
      for (let i = 0; i < 3; i++) refs.push((await lowdb.createEscalation(draft(), created(), [alert()])).ref);
      refs.push((await lowdb.createEscalation(draft({ createdAt: '2025-07-01T10:00:00.000Z' }), created(), [])).ref);
      await lowdb.updateEscalation(refs[0], (c) => acknowledge(c));
      const [d] = await lowdb.claimDueDeliveries(new Date('2026-03-03T00:00:00Z'), 1, 60_000);
      await lowdb.recordDelivery(d.id, { ok: true, messageId: 'D1:1.2', at: '2026-03-02T09:16:00.000Z' });
      await lowdb.saveFlow('report:cadmus:slack:U1', { step: 3, values: { poster: 'parent' } });
      await lowdb.saveConversationRef('teams', '29:abc:def', { conversation: { id: 'a:1' } });
      await lowdb.addFeedback({ answerId: 'a1', school: 'cadmus', question: 'q?', clauseIds: ['cadmus-3.1'], verdict: 'no', helpful: true, by: { platform: 'slack', userId: 'U1' }, at: '2026-03-02T09:00:00.000Z' });
      await lowdb.claimEvent('slack:Ev1');
      const before = await snapshot(lowdb, refs);
      await lowdb.close();

      const first = migrateStore(['--from', dir, '--schema', schema]);
      assert.equal(first.code, 0, first.err);
      assert.match(first.out, /escalations\s+4 in file,\s+4 copied/);
      assert.match(first.out, /2025 → 1, 2026 → 3/);
      const second = migrateStore(['--from', join(dir, 'assistant.json'), '--schema', schema]);
      assert.equal(second.code, 0, second.err);
      assert.match(second.out, /escalations\s+4 in file,\s+0 copied \(4 already there\)/);
      assert.match(second.out, /audit events\s+9 in file,\s+0 copied/);

      const pgStore = await createPostgresStore({ databaseUrl: url, schema });
      try {
        assert.deepEqual(await snapshot(pgStore, refs), before);
        assert.deepEqual((await pgStore.getFlow('report:cadmus:slack:U1'))?.state, { step: 3, values: { poster: 'parent' } });
        assert.deepEqual(await pgStore.getConversationRef('teams', '29:abc:def'), { conversation: { id: 'a:1' } });
        assert.equal((await pgStore.listFeedback()).length, 1);
        assert.equal(await pgStore.claimEvent('slack:Ev1'), false);
        assert.equal((await pgStore.createEscalation(draft(), [], [])).ref, 'ESC-2026-0004');
        assert.equal((await pgStore.createEscalation(draft({ createdAt: '2025-08-01T00:00:00.000Z' }), [], [])).ref, 'ESC-2025-0002');
      } finally {
        await pgStore.close();
      }
    });

    it('says clearly when there is no file, the file is corrupt, or the database cannot be reached', async () => {
      const missing = migrateStore(['--from', join(dir, 'nothing-here'), '--schema', schema]);
      assert.equal(missing.code, 1);
      assert.match(missing.err, /There is no store file at .*nothing-here/);

      await writeFile(join(dir, 'assistant.json'), '{"schema": 1, "escalations": ');
      const corrupt = migrateStore(['--from', dir, '--schema', schema]);
      assert.equal(corrupt.code, 1);
      assert.match(corrupt.err, /assistant\.json is unusable: it is not valid JSON/);

      const lowdb = await createLowdbStore({ dataDir: join(dir, 'ok') });
      await lowdb.close();
      const down = migrateStore(['--from', join(dir, 'ok'), '--schema', schema], 'postgres://postgres@127.0.0.1:1/test');
      assert.equal(down.code, 1);
      assert.match(down.err, /could not be reached/);
      assert.match(down.err, /Check that PostgreSQL is running/);
      assert.doesNotMatch(down.out + down.err, /at .*\.ts:\d+/); // no stack trace
    });
  });
}
