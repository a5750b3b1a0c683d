// `npm run soak [-- --minutes N]`: mixed traffic (questions, reports, head actions) against a real
// instance on PostgreSQL for N minutes (default 30), with faults injected at random: database
// sessions killed mid-write, Slack answering 429 / 500 / hanging past the client's timeout, and the
// instance killed with SIGKILL and restarted. Ends with a report and exits 1 if anything confirmed
// was lost or stored twice, or the instance died on its own. Not part of npm test.
// Needs TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); uses a fresh schema.

import { readFileSync } from 'node:fs';
import pg from 'pg';
import { startFakeSlackApi, type FakeSlackApi } from '../adapters/slack/fake-slack-api.js';
import { dropSchema, freshSchema } from '../adapters/store/postgres-test-db.js';
import { HEAD, reportValues, startInstance, type Instance } from '../multi-instance/instances.js';

const args = process.argv.slice(2);
const minutes = Number(args[args.indexOf('--minutes') + 1] ?? 30) || 30;
const workers = Number(process.env.SOAK_WORKERS ?? 4);
const url = process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
const endAt = Date.now() + minutes * 60_000;
const rand = (n: number) => Math.floor(Math.random() * n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const questions = [
  'Can I go on Facebook on the school computer?',
  'Can I accept a friend request from a parent?',
  'can I post photos of a school trip on my own Instagram?',
  'Do I have to set my profile to private?',
  'constructor',
  '\u202Ecan I \u0000 use twitter\u200B?',
];

interface Stats {
  requests: number;
  failed: number;
  latencies: number[];
  confirmed: Map<string, string>;
  faults: Record<string, number>;
  restarts: number;
  unexpectedExits: string[];
}

async function main(): Promise<number> {
  const api = await startFakeSlackApi('xoxb-test-token');
  const schema = freshSchema('soak');
  const env = { url, schema, slackApiUrl: api.url };
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const db = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 2 });
  const stats: Stats = { requests: 0, failed: 0, latencies: [], confirmed: new Map(), faults: {}, restarts: 0, unexpectedExits: [] };
  const fault = (name: string) => void (stats.faults[name] = (stats.faults[name] ?? 0) + 1);

  let instance = await startInstance('soak', env);
  let killing = false;
  const watch = (x: Instance) => x.child.once('exit', (code, signal) => {
    if (!killing) stats.unexpectedExits.push(`exited ${code ?? signal}: ${x.log.join('').slice(-1500)}`);
  });
  watch(instance);
  const rssStart = rssOf(instance);
  console.log(`soak: ${minutes} min, ${workers} workers, schema ${schema}, instance pid ${instance.child.pid}`);

  async function call(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const started = performance.now();
    stats.requests++;
    const r = await instance.post(path, body).catch(() => ({ status: 0, json: {} as Record<string, unknown> }));
    stats.latencies.push(performance.now() - started);
    if (r.status !== 200) stats.failed++;
    return r;
  }

  let serial = 0;
  async function worker(w: number): Promise<void> {
    while (Date.now() < endAt) {
      const roll = rand(10);
      if (roll < 5) {
        await call('/test/message', { user: `U${w}${rand(20)}`, text: questions[rand(questions.length)] });
      } else if (roll < 8) {
        const n = ++serial;
        const values = { ...reportValues(n), description: `soak ${schema} report ${n}: a parent posted that a teacher lied.` };
        const r = await call('/test/report', { user: `U${w}${rand(20)}`, values });
        // Not retried: a retry of a report whose answer was lost would be the soak's own duplicate.
        if (r.status === 200 && typeof r.json.ref === 'string') stats.confirmed.set(r.json.ref, values.description);
      } else {
        const refs = [...stats.confirmed.keys()];
        if (refs.length) {
          const ref = refs[rand(refs.length)];
          const action = rand(3) === 0 ? `resolve ${ref} Post removed after a meeting.` : rand(2) ? `ack ${ref}` : `note ${ref} Spoke to the parent.`;
          await call('/test/message', { user: HEAD, text: action });
        }
      }
      await sleep(100 + rand(400));
    }
  }

  async function chaos(): Promise<void> {
    let nextKill9 = Date.now() + Math.min(10 * 60_000, (minutes * 60_000) / 2);
    while (Date.now() < endAt - 20_000) {
      await sleep(5_000 + rand(10_000));
      const roll = rand(4);
      if (roll === 0) {
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [schema]).catch(() => undefined);
        fault('database sessions killed');
      } else if (roll === 1) {
        api.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, { status: 500 });
        fault('Slack 429 then 500');
      } else if (roll === 2) {
        api.failNext('chat.postMessage', { hangMs: 12_000 });
        fault('Slack hang past the timeout');
      } else {
        api.failNext('conversations.open', { status: 500 });
        fault('Slack 500 on conversations.open');
      }
      if (Date.now() >= nextKill9) {
        nextKill9 = Date.now() + 10 * 60_000;
        killing = true;
        instance.child.kill('SIGKILL');
        await new Promise((r) => instance.child.once('exit', r));
        killing = false;
        fault('kill -9 and restart');
        instance = await startInstance('soak', env);
        watch(instance);
        stats.restarts++;
      }
    }
  }

  await Promise.all([...Array.from({ length: workers }, (_, w) => worker(w)), chaos()]);
  const rssEnd = rssOf(instance);

  // Let every queued DM go out (retries included), then count.
  const drainUntil = Date.now() + 3 * 60_000;
  const unsent = async () => Number((await db.query(`SELECT count(*) AS n FROM deliveries WHERE state NOT IN ('sent', 'quarantined')`)).rows[0].n);
  while ((await unsent()) > 0 && Date.now() < drainUntil) await sleep(1_000);

  const report = await verdict(db, api, stats);
  const p99 = percentile(stats.latencies, 0.99);
  console.log(
    [
      `soak report (${minutes} min):`,
      `  requests ${stats.requests} (${stats.failed} not 200), p99 latency ${p99.toFixed(0)} ms`,
      `  escalations confirmed ${stats.confirmed.size}, stored ${report.stored}`,
      `  lost ${report.lost.length}, duplicated ${report.duplicated.length}, duplicate DMs ${report.duplicateDms}, DMs still unsent ${await unsent()}`,
      `  faults: ${Object.entries(stats.faults).map(([k, v]) => `${k} ×${v}`).join(', ') || 'none'}`,
      `  instance restarts ${stats.restarts}, unexpected exits ${stats.unexpectedExits.length}`,
      `  RSS at start ${mb(rssStart)}, at end ${mb(rssEnd)}`,
    ].join('\n'),
  );
  for (const e of stats.unexpectedExits) console.log(`  unexpected exit: ${e}`);
  if (report.lost.length) console.log(`  lost: ${report.lost.slice(0, 10).join(', ')}`);
  if (report.duplicated.length) console.log(`  duplicated: ${report.duplicated.slice(0, 10).join(' | ')}`);

  killing = true;
  await instance.kill();
  await admin.end();
  await db.end();
  await api.close();
  await dropSchema(url, schema);
  return report.lost.length || report.duplicated.length || stats.unexpectedExits.length ? 1 : 0;
}

/** Lost: confirmed but not stored. Duplicated: one report stored twice. Duplicate DMs: head alerts past one per escalation. */
async function verdict(db: pg.Pool, api: FakeSlackApi, stats: Stats) {
  const rows = (await db.query(`SELECT ref, record->'report'->>'description' AS description FROM escalations`)).rows as { ref: string; description: string }[];
  const refs = new Set(rows.map((r) => r.ref));
  const perDescription = new Map<string, number>();
  for (const r of rows) perDescription.set(r.description, (perDescription.get(r.description) ?? 0) + 1);
  const perRef = new Map<string, number>();
  for (const c of api.callsTo('chat.postMessage').filter((x) => x.args.channel === `D${HEAD}` && x.result)) {
    const ref = /ESC-\d{4}-\d{4,}/.exec(JSON.stringify(c.args))?.[0];
    if (ref) perRef.set(ref, (perRef.get(ref) ?? 0) + 1);
  }
  return {
    stored: rows.length,
    lost: [...stats.confirmed.keys()].filter((ref) => !refs.has(ref)),
    duplicated: [...perDescription].filter(([, n]) => n > 1).map(([d, n]) => `${n}× ${d}`),
    duplicateDms: [...perRef.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
  };
}

function rssOf(x: Instance): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${x.child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

process.exitCode = await main();
