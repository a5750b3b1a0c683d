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

/** Rounds of the bare app and one assistant, rotating which goes first. */
async function phase(bare: App, assistant: App, rounds: number, perRound: number, concurrency: number, tag: string): Promise<{ bare: Measured; ours: Measured }> {
  const out = { bare: { acks: [], answered: [] } as Measured, ours: { acks: [], answered: [] } as Measured };
  await load(assistant.url, 200, concurrency, `w${tag}`);
  await assistant.idle?.();
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const);
    for (const which of order) await round(which === 'bare' ? bare : assistant, out[which], perRound, concurrency, `${tag}${which[0]}${r}`);
  }
  return out;
}

export async function run(): Promise<void> {
  const perRound = Number(process.env.SLACK_BENCH_EVENTS ?? 600);
  const rounds = 5;
  const concurrency = 20;
  const api = await startFakeApiProcess();
  const bare = await startAckOnlySlackApp({ botToken: TOKEN, signingSecret: SIGNING_SECRET, apiUrl: api.url });
  const dirs: string[] = [];
  try {
    await load(bare.url, 200, concurrency, 'wb');
    // One assistant at a time (its store closed before the next opens), each beside the bare app.
    const measure = async (seeded: boolean) => {
      const dir = mkdtempSync(join(tmpdir(), seeded ? 'slack-bench-used-' : 'slack-bench-'));
      dirs.push(dir);
      if (seeded) await seedStore(dir, HELD.escalations, HELD.questions);
      const assistant = await startAssistant(api.url, dir);
      try {
        return await phase(bare, assistant, rounds, perRound, concurrency, seeded ? 'u' : 'e');
      } finally {
        await assistant.close();
      }
    };
    const empty = await measure(false);
    const used = await measure(true);
    const row = (name: string, f: Figures) =>
      `${name.padEnd(44)} ack p50 ${f.p50.toFixed(2).padStart(6)} ms   p99 ${f.p99.toFixed(2).padStart(7)} ms   ${f.perSecond.toFixed(0).padStart(5)} events/s`;
    const held = `${HELD.escalations.toLocaleString('en-GB')} escalations + ${HELD.questions.toLocaleString('en-GB')} logged questions`;
    const ratio = (m: { bare: Measured; ours: Measured }) => summarise(m.ours.acks).perSecond / summarise(m.bare.acks).perSecond;
    console.log(`DM questions on loopback: ${rounds} rounds × ${perRound} signed Events API requests each, ${concurrency} at a time, per store`);
    console.log(row('bare Bolt app (ack only), beside empty', summarise(empty.bare.acks)));
    console.log(row('assistant, empty store (ack, then real core)', summarise(empty.ours.acks)));
    console.log(row('bare Bolt app (ack only), beside used', summarise(used.bare.acks)));
    console.log(row(`assistant, store holding ${HELD.escalations / 1000}k + ${HELD.questions / 1000}k`, summarise(used.ours.acks)));
    console.log(`ratio assistant/bare: events/s ${ratio(empty).toFixed(2)} empty store, ${ratio(used).toFixed(2)} holding ${held} (aim ≥ 0.80)`);
    const emptyAnswers = median(empty.ours.answered);
    const usedAnswers = median(used.ours.answered);
    console.log(`answers posted by the assistant (claim + answer + question logged + chat.postMessage), end to end: ${emptyAnswers.toFixed(0)}/s empty store, ${usedAnswers.toFixed(0)}/s holding ${held}`);
    console.log(`store holding ${held} / empty store: answers end to end ×${(usedAnswers / emptyAnswers).toFixed(2)}, Slack ack ratio to bare ×${(ratio(used) / ratio(empty)).toFixed(2)} (aim ≥ 0.80 each)`);
  } finally {
    await bare.close();
    api.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
