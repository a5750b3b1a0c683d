// Slack: acknowledgement latency (p50/p99) and events/s on loopback for signed DM questions, the
// assistant (real core on the lowdb store, answering after the ack) beside a bare Bolt app that
// only acknowledges. The fake Slack Web API runs in its own process, as Slack is not on our CPU.

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

export async function run(): Promise<void> {
  const perRound = Number(process.env.SLACK_BENCH_EVENTS ?? 600);
  const rounds = 5;
  const concurrency = 20;
  const dataDir = mkdtempSync(join(tmpdir(), 'slack-bench-'));
  const api = await startFakeApiProcess();
  const bare = await startAckOnlySlackApp({ botToken: TOKEN, signingSecret: SIGNING_SECRET, apiUrl: api.url });
  const assistant = await startAssistant(api.url, dataDir);
  try {
    await load(bare.url, 200, concurrency, 'wb');
    await load(assistant.url, 200, concurrency, 'wa');
    await assistant.idle();
    const results = { bare: [] as Round[], ours: [] as Round[] };
    const answered: number[] = [];
    // Rounds alternate which app goes first, so a busy machine weighs on both alike.
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const);
      for (const which of order) {
        if (which === 'bare') {
          results.bare.push(await load(bare.url, perRound, concurrency, `b${r}`));
          continue;
        }
        const started = performance.now();
        results.ours.push(await load(assistant.url, perRound, concurrency, `a${r}`));
        await assistant.idle();
        answered.push(perRound / ((performance.now() - started) / 1000));
      }
    }
    const baseline = summarise(results.bare);
    const ours = summarise(results.ours);
    const row = (name: string, f: Figures) =>
      `${name.padEnd(34)} ack p50 ${f.p50.toFixed(2).padStart(6)} ms   p99 ${f.p99.toFixed(2).padStart(7)} ms   ${f.perSecond.toFixed(0).padStart(5)} events/s`;
    console.log(`DM questions on loopback: ${rounds} rounds × ${perRound} signed Events API requests each, ${concurrency} at a time`);
    console.log(row('bare Bolt app (ack only)', baseline));
    console.log(row('assistant (ack, then real core)', ours));
    console.log(`ratio assistant/bare: events/s ${(ours.perSecond / baseline.perSecond).toFixed(2)} (aim ≥ 0.80); p50 latency ×${(ours.p50 / baseline.p50).toFixed(2)}`);
    console.log(`answers posted by the assistant (claim in lowdb + answer + chat.postMessage): ${median(answered).toFixed(0)}/s end to end`);
  } finally {
    await assistant.close();
    await bare.close();
    api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
