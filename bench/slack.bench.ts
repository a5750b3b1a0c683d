// Slack: acknowledgement latency (p50/p99) and events/s on loopback for signed DM questions, the
// assistant (real core on the lowdb store, answering after the ack) beside a bare Bolt app that
// only acknowledges, on an empty store and on one holding months of use (10,000 escalations and
// 50,000 logged questions), in the same run. The fake Slack Web API runs in its own process.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../bot/ports/logger.js';
import { createHttpServer } from '../adapters/http/server.js';
import { createSlackAdapter } from '../adapters/slack/app.js';
import { startAckOnlySlackApp } from '../adapters/slack/ack-only-baseline.js';
import { createStore } from '../adapters/store/create-store.js';
import { realCore } from '../test/adapters/slack/real-core.js';
import { SIGNING_SECRET, dmEvent, eventEnvelope, postSigned } from '../test/adapters/slack/slack-requests.js';
import { seedStore } from './seed-store.js';

const TOKEN = 'xoxb-bench';
const QUESTIONS = ['Can I go on Facebook on the school computer?', 'Can I accept a friend request from a parent?', 'Can I post photos of a school trip on my own Instagram?'];

interface Figures {
  p50: number;
  p99: number;
  perSecond: number;
}

/** Sends `total` signed DM events, `concurrency` at a time; latency is request start → ack. */
type Round = { latencies: number[]; perSecond: number };

async function load(url: string, total: number, concurrency: number, tag: string): Promise<Round> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++;
      const body = eventEnvelope(dmEvent(`U${tag}${i % 500}`, QUESTIONS[i % QUESTIONS.length]), `Ev${tag}${i}`);
      const res = await postSigned(url, body, 'application/json');
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      latencies.push(res.ms);
    }
  }));
  return { latencies, perSecond: total / ((performance.now() - started) / 1000) };
}

/** The fake Slack Web API in a child process; resolves its URL. */
async function startFakeApiProcess(): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/adapters/slack/fake-slack-api.ts', TOKEN], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`fake Slack API exited (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** The assistant as npm start runs it: the lowdb store in a data folder, the real core, the adapter. */
async function startAssistant(apiUrl: string, dataDir: string) {
  const config = { botToken: TOKEN, signingSecret: SIGNING_SECRET, apiUrl };
  const store = await createStore({ dataDir });
  const core = await realCore(config, {}, store);
  const http = createHttpServer();
  const adapter = createSlackAdapter(config, { bot: core.bot, store, schoolFor: () => 'cadmus', logger: silentLogger, express: http.app });
  await adapter.start();
  const port = await http.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    idle: () => adapter.idle(),
    close: async () => {
      await http.close();
      await store.close();
    },
  };
}

/** Latencies and rates from several rounds: pooled percentiles, median rate. */
function summarise(rounds: { latencies: number[]; perSecond: number }[]): Figures {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (q: number) => all[Math.min(all.length - 1, Math.floor(q * all.length))];
  return { p50: at(0.5), p99: at(0.99), perSecond: median(rounds.map((r) => r.perSecond)) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

type App = { url: string; idle?: () => Promise<void> };
type Measured = { acks: Round[]; answered: number[] };

/** One round of `perRound` events against `app`; for the assistant, also the rate of answers posted end to end. */
async function round(app: App, into: Measured, perRound: number, concurrency: number, tag: string): Promise<void> {
  const started = performance.now();
  into.acks.push(await load(app.url, perRound, concurrency, tag));
  if (!app.idle) return;
  await app.idle();
  into.answered.push(perRound / ((performance.now() - started) / 1000));
}

/** Held already by the "used" store: months of escalations and logged questions. */
const HELD = { escalations: 10_000, questions: 50_000 };

export async function run(): Promise<void> {
  const perRound = Number(process.env.SLACK_BENCH_EVENTS ?? 600);
  const rounds = 5;
  const concurrency = 20;
  const emptyDir = mkdtempSync(join(tmpdir(), 'slack-bench-'));
  const usedDir = mkdtempSync(join(tmpdir(), 'slack-bench-used-'));
  await seedStore(usedDir, HELD.escalations, HELD.questions);
  const api = await startFakeApiProcess();
  const bare = await startAckOnlySlackApp({ botToken: TOKEN, signingSecret: SIGNING_SECRET, apiUrl: api.url });
  const empty = await startAssistant(api.url, emptyDir);
  const used = await startAssistant(api.url, usedDir);
  try {
    for (const [app, tag] of [[bare, 'wb'], [empty, 'we'], [used, 'wu']] as const) await load(app.url, 200, concurrency, tag);
    await Promise.all([empty.idle(), used.idle()]);
    const apps = [{ name: 'bare', app: bare as App }, { name: 'empty', app: empty as App }, { name: 'used', app: used as App }];
    const results: Record<string, Measured> = { bare: { acks: [], answered: [] }, empty: { acks: [], answered: [] }, used: { acks: [], answered: [] } };
    // Rounds rotate which app goes first, so a busy machine weighs on all three alike.
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < apps.length; k++) {
        const { name, app } = apps[(r + k) % apps.length];
        await round(app, results[name], perRound, concurrency, `${name[0]}${r}`);
      }
    }
    const baseline = summarise(results.bare.acks);
    const ours = summarise(results.empty.acks);
    const loaded = summarise(results.used.acks);
    const row = (name: string, f: Figures) =>
      `${name.padEnd(44)} ack p50 ${f.p50.toFixed(2).padStart(6)} ms   p99 ${f.p99.toFixed(2).padStart(7)} ms   ${f.perSecond.toFixed(0).padStart(5)} events/s`;
    const held = `${HELD.escalations.toLocaleString('en-GB')} escalations + ${HELD.questions.toLocaleString('en-GB')} logged questions`;
    console.log(`DM questions on loopback: ${rounds} rounds × ${perRound} signed Events API requests each, ${concurrency} at a time`);
    console.log(row('bare Bolt app (ack only)', baseline));
    console.log(row('assistant, empty store (ack, then real core)', ours));
    console.log(row(`assistant, store holding ${HELD.escalations / 1000}k + ${HELD.questions / 1000}k`, loaded));
    console.log(`ratio assistant/bare: events/s ${(ours.perSecond / baseline.perSecond).toFixed(2)} empty store, ${(loaded.perSecond / baseline.perSecond).toFixed(2)} holding ${held} (aim ≥ 0.80); p50 latency ×${(ours.p50 / baseline.p50).toFixed(2)}`);
    const emptyAnswers = median(results.empty.answered);
    const usedAnswers = median(results.used.answered);
    console.log(`answers posted by the assistant (claim + answer + question logged + chat.postMessage), end to end: ${emptyAnswers.toFixed(0)}/s empty store, ${usedAnswers.toFixed(0)}/s holding ${held}`);
    console.log(`store holding ${held} / empty store: answers end to end ×${(usedAnswers / emptyAnswers).toFixed(2)}, Slack ack rate ×${(loaded.perSecond / ours.perSecond).toFixed(2)} (aim ≥ 0.80 each)`);
  } finally {
    await used.close();
    await empty.close();
    await bare.close();
    api.stop();
    for (const dir of [emptyDir, usedDir]) rmSync(dir, { recursive: true, force: true });
  }
}
