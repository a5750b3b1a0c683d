// Chaos: the database drops connections during a burst of reports. PostgreSQL ends every session of
// the instance (pg_terminate_backend, 8 times, 150 ms apart) while 200 submissions are in flight.
// The instance must live on, every submission must be answered, nothing confirmed may be lost, no
// report may be stored twice, and every alert must still reach the head. A DM sent twice (the
// "sent" record lost with its connection) is counted and reported: see README, "Duplicate DMs".

import assert from 'node:assert/strict';
import pg from 'pg';
import { startFakeSlackApi } from '../adapters/slack/fake-slack-api.js';
import { dropSchema, freshSchema, postgresTestUrl } from '../adapters/store/postgres-test-db.js';
import { HEAD, eventually, reportValues, startInstance } from './instances.js';

const url = postgresTestUrl();

if (url) {
  describe('Chaos: PostgreSQL connections killed during a burst of 200 reports', function () {
    this.timeout(180_000);

    it('keeps the process alive, answers every request, loses nothing, stores nothing twice, and counts duplicate DMs', async () => {
      const api = await startFakeSlackApi('xoxb-test-token');
      const schema = freshSchema('chaos');
      const instance = await startInstance('A', { url, schema, slackApiUrl: api.url });
      const admin = new pg.Pool({ connectionString: url, max: 2 });
      const db = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 2 });
      let crashed: string | undefined;
      instance.child.once('exit', (code, signal) => (crashed = `exited ${code ?? signal}`));
      try {
        // Only this instance's sessions (application_name is its schema): other tests share the server.
        const killAll = () => admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [schema]);
        // Eight rounds, 150 ms apart, from the first confirmed report (the burst is then in full flow).
        let firstConfirmed: () => void = () => undefined;
        const flowing = new Promise<void>((resolve) => (firstConfirmed = resolve));
        const kills = (async () => {
          await flowing;
          let killed = 0;
          for (let k = 0; k < 8; k++) {
            killed += (await killAll()).rowCount ?? 0;
            await new Promise((r) => setTimeout(r, 150));
          }
          return killed;
        })();
        // A submission that is refused ("couldn't save, try again") is tried again, as a person would.
        const submit = async (i: number) => {
          for (let attempt = 1; attempt <= 5; attempt++) {
            const r = await instance.post('/test/report', { user: `U${i % 25}`, values: reportValues(i) }).catch(() => ({ status: 0, json: {} as Record<string, unknown> }));
            if (r.status === 200) firstConfirmed();
            if (r.status === 200 || r.status === 0) return { ...r, attempts: attempt };
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
          return { status: 503, json: {}, attempts: 5 };
        };
        const results = await Promise.all(Array.from({ length: 200 }, (_, i) => submit(i)));
        const killed = await kills;
        assert.ok(killed > 0, 'the test killed no session');
        assert.equal(crashed, undefined, `the instance died:\n${instance.log.join('').slice(-3000)}`);
        assert.deepEqual(results.filter((r) => r.status === 0), [], 'every request got an answer');
        assert.deepEqual(results.filter((r) => r.status !== 200).map((r) => r.json), [], 'every report was saved within five tries');

        // Lost: confirmed but not stored. Duplicated: one submission stored twice.
        const confirmed = results.map((r) => r.json.ref as string);
        const stored = await db.query(`SELECT ref, record->'report'->>'description' AS description FROM escalations`);
        const storedRefs = new Set(stored.rows.map((r) => r.ref as string));
        assert.deepEqual(confirmed.filter((ref) => !storedRefs.has(ref)), [], 'lost: confirmed but not stored');
        const perDescription = new Map<string, number>();
        for (const row of stored.rows) perDescription.set(row.description, (perDescription.get(row.description) ?? 0) + 1);
        assert.deepEqual([...perDescription].filter(([, n]) => n > 1), [], 'duplicated escalations');
        assert.equal(stored.rowCount, 200);

        // Every alert reaches the head in the end; a DM sent twice is counted, not hidden.
        await eventually(async () => Number((await db.query(`SELECT count(*) AS n FROM deliveries WHERE state <> 'sent'`)).rows[0].n) === 0, 60_000, 'every alert sent');
        const headDms = api.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${HEAD}`);
        const perRef = new Map<string, number>();
        for (const call of headDms) {
          const ref = /ESC-\d{4}-\d{4,}/.exec(JSON.stringify(call.args))?.[0] ?? '?';
          perRef.set(ref, (perRef.get(ref) ?? 0) + 1);
        }
        assert.deepEqual(confirmed.filter((ref) => !perRef.has(ref)), [], 'an alert never reached the head');
        const duplicateDms = [...perRef.values()].reduce((sum, n) => sum + n - 1, 0);
        const retried = results.filter((r) => r.attempts > 1).length;
        console.log(`      chaos: ${killed} sessions killed, ${retried} submissions retried, 200 stored, 0 lost, 0 duplicated, ${duplicateDms} duplicate head DMs of ${headDms.length}`);
      } finally {
        await instance.kill();
        await admin.end();
        await db.end();
        await api.close();
        await dropSchema(url, schema);
      }
    });
  });
}
