// Two app instances (separate processes, two ports) sharing one PostgreSQL database: submissions
// split across them, a flow that moves between them, a Slack retry landing on both, a reminder due
// while both run, and an instance killed mid-load. The fake Slack Web API records what was sent.

import assert from 'node:assert/strict';
import pg from 'pg';
import { startFakeSlackApi, type FakeSlackApi } from '../adapters/slack/fake-slack-api.js';
import { dmEvent, eventEnvelope, postSigned } from '../adapters/slack/slack-requests.js';
import { dropSchema, freshSchema, postgresTestUrl } from '../adapters/store/postgres-test-db.js';
import { HEAD, eventually, reportValues, startInstance, type Instance } from './instances.js';

const url = postgresTestUrl();

/** Starts two instances on a fresh schema, with a fake Slack and a pool for assertions. */
async function startPair(prefix: string) {
  const api = await startFakeSlackApi('xoxb-test-token');
  const schema = freshSchema(prefix);
  const env = { url: url!, schema, slackApiUrl: api.url };
  // The first start migrates; the second starts at the same time and must wait its turn.
  const [a, b] = await Promise.all([startInstance('A', env), startInstance('B', env)]);
  const db = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 });
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  /** Waits until no delivery is left unsent; on timeout, says what state they are in. */
  const allSent = async (what: string) => {
    const unsent = () => count(`SELECT count(*) AS n FROM deliveries WHERE state <> 'sent'`);
    await eventually(async () => (await unsent()) === 0, 60_000, what).catch(async (error: Error) => {
      const states = await db.query(`SELECT state, record->>'lastError' AS error, (record->>'attempts')::int AS attempts, count(*) AS n FROM deliveries GROUP BY 1, 2, 3`);
      throw new Error(`${error.message}: ${JSON.stringify(states.rows)}
${a.log.join('').slice(-2000)}${b.log.join('').slice(-2000)}`);
    });
  };
  return {
    api, a, b, db, count, allSent,
    async stop() {
      await Promise.all([a.kill(), b.kill()]);
      await db.end();
      await api.close();
      await dropSchema(url!, schema);
    },
  };
}

const headDms = (api: FakeSlackApi) => api.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${HEAD}`);

if (url) {
  describe('Two instances sharing one PostgreSQL database', function () {
    this.timeout(180_000);
    let pair: Awaited<ReturnType<typeof startPair>>;
    let a: Instance;
    let b: Instance;
    before(async () => {
      pair = await startPair('mi');
      ({ a, b } = pair);
    });
    after(async () => {
      await pair?.stop();
    });

    it('takes 500 concurrent report submissions split across both: 500 escalations, distinct refs, every audit event, each alert sent once', async () => {
      const results = await Promise.all(
        Array.from({ length: 500 }, (_, i) => (i % 2 ? a : b).post('/test/report', { user: `U${i % 25}`, values: reportValues(i) })),
      );
      const failed = results.filter((r) => r.status !== 200);
      assert.equal(failed.length, 0, `${failed.length} failed, e.g. ${JSON.stringify(failed[0]?.json)}\n${a.log.join('')}${b.log.join('')}`);
      const refs = results.map((r) => r.json.ref as string);
      assert.equal(new Set(refs).size, 500);
      assert.deepEqual(new Set(results.map((r) => r.json.instance)), new Set(['A', 'B']));
      assert.equal(await pair.count('SELECT count(*) AS n FROM escalations'), 500);
      assert.equal(await pair.count(`SELECT count(DISTINCT ref) AS n FROM audit_events WHERE record->>'action' = 'created'`), 500);
      assert.equal(await pair.count(`SELECT count(*) AS n FROM audit_events WHERE record->>'action' = 'created'`), 500);

      // Each alert leaves exactly once, from whichever instance claimed it, and is audited once.
      await pair.allSent('every alert sent');
      const alerts = await pair.count(`SELECT count(*) AS n FROM deliveries WHERE record->>'purpose' = 'alert'`);
      await eventually(async () => (await pair.count(`SELECT count(*) AS n FROM audit_events WHERE record->>'action' = 'notified'`)) >= alerts, 10_000, 'every alert audited');
      assert.equal(await pair.count(`SELECT count(*) AS n FROM deliveries WHERE (record->>'attempts')::int <> 1`), 0);
      assert.equal(headDms(pair.api).length, 500);
      const perRecipient = await pair.count(`SELECT count(*) AS n FROM escalations e, jsonb_array_elements(e.record->'recipients') AS r`);
      const perRef = await pair.db.query(
        `SELECT ref, count(*) AS n FROM audit_events WHERE record->>'action' = 'notified' GROUP BY ref HAVING count(*) <> $1`,
        [perRecipient / 500],
      );
      assert.deepEqual(perRef.rows, []);
      const year = refs[0].slice(4, 8);
      const counter = await pair.db.query(`SELECT last_value FROM escalation_ref_${year}`);
      assert.equal(Number(counter.rows[0].last_value), 500);
    });

    it('continues a report flow started on one instance on the other', async () => {
      const user = 'U0FLOW';
      const steps = ['report', 'no', 'defamatory', 'parent', 'colleague', 'Facebook', 'skip', 'yesterday 8am', 'yes', 'no', 'A parent said the class teacher lied.', 'send'];
      let last: Record<string, unknown> = {};
      for (const [i, text] of steps.entries()) {
        const r = await (i % 2 ? b : a).post('/test/message', { user, text });
        assert.equal(r.status, 200);
        last = r.json;
      }
      const ref = /ESC-\d{4}-\d{4,}/.exec(JSON.stringify(last))?.[0];
      assert.ok(ref, `no reference in the last reply: ${JSON.stringify(last)}`);
      assert.equal(last.instance, 'B');
      const row = await pair.db.query('SELECT record FROM escalations WHERE ref = $1', [ref]);
      assert.equal(row.rows[0].record.reporter.userId, user);
      assert.equal(row.rows[0].record.report.platform, 'Facebook');
      assert.equal(await pair.count('SELECT count(*) AS n FROM flows WHERE key LIKE $1', [`%${user}`]), 0);
    });

    it('handles a Slack event retried to both instances once', async () => {
      const user = 'U0ASKER';
      const body = eventEnvelope(dmEvent(user, 'Can I go on Facebook on the school computer?'), 'Ev0RETRIED1');
      const [first, retry] = await Promise.all([
        postSigned(`${a.base}/slack/events`, body, 'application/json'),
        postSigned(`${b.base}/slack/events`, body, 'application/json', { retryNum: 1 }),
      ]);
      assert.equal(first.status, 200);
      assert.equal(retry.status, 200);
      const answers = () => pair.api.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${user}`);
      await eventually(async () => answers().length > 0, 15_000, 'the answer to the DM');
      await new Promise((r) => setTimeout(r, 1_000)); // time enough for a second answer, were there one
      assert.equal(answers().length, 1);
      assert.equal(await pair.count('SELECT count(*) AS n FROM processed_events WHERE key = $1', ['slack:Ev0RETRIED1']), 1);
    });

    it('sends a reminder that falls due while both run once, per escalation', async () => {
      const open = await pair.count(`SELECT count(*) AS n FROM escalations WHERE status = 'open' AND NOT overdue`);
      const before = headDms(pair.api).length;
      // 25 hours on: every escalation is past its 24-hour response time on both instances' clocks.
      await Promise.all([a, b].map((x) => x.post('/test/clock', { offsetMs: 25 * 3600 * 1000 })));
      await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).post('/test/due-work', {})));
      await eventually(async () => (await pair.count('SELECT count(*) AS n FROM escalations WHERE overdue')) === open, 60_000, 'all marked overdue');
      await pair.allSent('every reminder sent');
      await Promise.all([a, b].map((x) => x.post('/test/due-work', {})));
      // One reminder per recipient of each overdue escalation.
      const recipients = await pair.count(`SELECT count(*) AS n FROM escalations e, jsonb_array_elements(e.record->'recipients') AS r WHERE e.overdue`);
      assert.equal(await pair.count(`SELECT count(*) AS n FROM deliveries WHERE record->>'purpose' = 'reminder'`), recipients);
      assert.equal(await pair.count(`SELECT count(*) AS n FROM audit_events WHERE record->>'action' = 'reminder-sent'`), open);
      assert.equal(headDms(pair.api).length - before, open);
    });
  });

  describe('An instance killed mid-load', function () {
    this.timeout(180_000);
    let pair: Awaited<ReturnType<typeof startPair>>;
    before(async () => {
      pair = await startPair('mk');
    });
    after(async () => {
      await pair?.stop();
    });

    it('loses nothing that was confirmed: every reference answered with 200 is stored with its audit', async () => {
      const { a, b } = pair;
      let confirmedByA = 0;
      const exited = new Promise((resolve) => a.child.once('exit', resolve));
      const submit = (x: Instance, i: number) =>
        x.post('/test/report', { user: `U${i % 10}`, values: reportValues(i) }).then(
          (r) => {
            if (r.status === 200 && x === a && ++confirmedByA === 40) a.child.kill('SIGKILL');
            return { ...r, instance: x.name };
          },
          () => ({ status: 0, json: {} as Record<string, unknown>, instance: x.name }),
        );
      // 20 requests in flight per instance, 150 each: A is killed with many of its requests still to come.
      const results: Awaited<ReturnType<typeof submit>>[] = [];
      await Promise.all(
        [a, b].flatMap((x, k) =>
          Array.from({ length: 20 }, async (_, w) => {
            for (let i = w; i < 150; i += 20) results.push(await submit(x, i * 2 + k));
          }),
        ),
      );
      await exited;
      const confirmed = results.filter((r) => r.status === 200).map((r) => r.json.ref as string);
      assert.ok(a.child.signalCode === 'SIGKILL', 'A was killed');
      assert.ok(results.some((r) => r.instance === 'A' && r.status !== 200), 'some submissions to A were cut off');
      assert.equal(results.filter((r) => r.instance === 'B' && r.status === 200).length, 150, 'B confirmed all of its own');
      assert.equal(new Set(confirmed).size, confirmed.length);
      const stored = await pair.db.query(`SELECT e.ref FROM escalations e JOIN audit_events a ON a.ref = e.ref AND a.record->>'action' = 'created' WHERE e.ref = ANY($1)`, [confirmed]);
      assert.equal(stored.rowCount, confirmed.length);
    });
  });
}
