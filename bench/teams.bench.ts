// Teams figures: activity handling latency (p50/p99) and activities per second for a 1:1 question
// answered by the real core as an Adaptive Card, beside a bare CloudAdapter echo bot on the same
// server and the same local fake Bot Connector. Latency is POST → HTTP 200, which Teams gets only
// after the reply has been sent to the connector.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot } from '../bot/create-bot.js';
import { silentLogger } from '../bot/ports/logger.js';
import { systemClock } from '../bot/ports/clock.js';
import { loadConfig } from '../adapters/config.js';
import { createDirectory } from '../adapters/directory.js';
import { createHttpServer } from '../adapters/http/server.js';
import { createLowdbStore } from '../adapters/store/lowdb/lowdb-store.js';
import { mountEchoBot } from '../adapters/teams/echo-baseline.js';
import { createTeams } from '../adapters/teams/index.js';
import { loadPolicyLibrary } from '../knowledge/library.js';
import { startFakeBotConnector } from '../test/adapters/teams/fake-bot-connector.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const QUESTIONS = [
  'Can I go on Facebook on the school computer?',
  "Can I accept a parent's friend request?",
  'Can I post photos of pupils on my own Instagram?',
  'Can I mention the school on my personal Twitter?',
];

interface Figures {
  p50: number;
  p99: number;
  perSecond: number;
}

export async function run(): Promise<void> {
  const connector = await startFakeBotConnector();
  const dataDir = await mkdtemp(join(tmpdir(), 'teams-bench-'));
  const store = await createLowdbStore({ dataDir });
  const server = createHttpServer();
  const config = loadConfig({ MICROSOFT_APP_TENANT_ID: TENANT, TEAMS_ENABLED: 'true', POLICIES_DIR: 'knowledge/policies', DATA_DIR: dataDir });
  const directory = createDirectory(config, 'cadmus');
  const teams = createTeams({ config: config.teams!, store, directory, logger: silentLogger, defaultServiceUrl: connector.url });
  const bot = createBot({ library: await loadPolicyLibrary(config.policiesDir), store, notifiers: [teams.notifier], directory, clock: systemClock, logger: silentLogger });
  teams.mount(server.app, bot);
  mountEchoBot(server.app, '/echo/api/messages');
  const port = await server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  try {
    const rounds = { warmup: 150, sequential: 300, concurrent: 600, concurrency: 16 };
    // Warm both paths first (JIT, keep-alive sockets, the clause index) so neither pays for the other.
    for (const path of ['/echo/api/messages', '/api/messages']) await sequential(base + path, connector.url, rounds.warmup);
    const measure = async (path: string) => {
      const latencies = await sequential(base + path, connector.url, rounds.sequential);
      const perSecond = await concurrent(base + path, connector.url, rounds.concurrent, rounds.concurrency);
      return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond };
    };
    const echo = await measure('/echo/api/messages');
    const assistant = await measure('/api/messages');
    print(assistant, echo, rounds);
  } finally {
    await server.close();
    await connector.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

let sequence = 0;

function activity(serviceUrl: string): Record<string, unknown> {
  const n = ++sequence;
  const user = `00000000-0000-4000-8000-${String(n % 50).padStart(12, '0')}`;
  return {
    type: 'message',
    id: `bench-${n}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:user-${n % 50}`, aadObjectId: user, name: `Staff ${n % 50}` },
    recipient: { id: '28:bench-bot', name: 'Policy Assistant' },
    conversation: { id: `a:chat-${n % 50}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    text: QUESTIONS[n % QUESTIONS.length],
    textFormat: 'plain',
  };
}

async function post(url: string, serviceUrl: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity(serviceUrl)) });
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

async function sequential(url: string, serviceUrl: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await post(url, serviceUrl));
  return out;
}

async function concurrent(url: string, serviceUrl: string, n: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < n) await post(url, serviceUrl);
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function print(assistant: Figures, echo: Figures, rounds: { sequential: number; concurrent: number; concurrency: number }): void {
  const row = (name: string, f: Figures) => `${name.padEnd(38)} ${f.p50.toFixed(2).padStart(8)} ${f.p99.toFixed(2).padStart(8)} ${f.perSecond.toFixed(0).padStart(10)}`;
  console.log(`1:1 question → answer card; ${rounds.sequential} sequential for latency, ${rounds.concurrent} at concurrency ${rounds.concurrency} for throughput`);
  console.log(`${''.padEnd(38)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'activities/s'.padStart(10)}`);
  console.log(row('assistant (teams-ai + core + lowdb)', assistant));
  console.log(row('bare CloudAdapter echo bot (baseline)', echo));
  console.log(
    `ratio assistant/echo: p50 ×${(assistant.p50 / echo.p50).toFixed(2)}, p99 ×${(assistant.p99 / echo.p99).toFixed(2)}, throughput ×${(assistant.perSecond / echo.perSecond).toFixed(2)}`,
  );
}
