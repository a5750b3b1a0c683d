// `npm start` with Teams enabled: the composition root mounts POST /api/messages on PORT, warns
// loudly that it runs unauthenticated, and answers a 1:1 question through the fake Bot Connector.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.js';
import { cardOf, cardText, personalMessage, teamsUser } from './teams-harness.js';
import { SEED_POLICIES } from '../../seed-policies.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('Teams in npm start', function () {
  this.timeout(90_000);
  let connector: FakeBotConnector;
  let child: ChildProcess | undefined;
  let dataDir: string;

  beforeEach(async () => {
    connector = await startFakeBotConnector();
    dataDir = mkdtempSync(join(tmpdir(), 'teams-main-'));
  });
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves POST /api/messages on PORT, says it is unauthenticated, and answers a 1:1 question', async () => {
    const port = await freePort();
    const env: Record<string, string | undefined> = { ...process.env };
    for (const key of Object.keys(env)) if (/^(SLACK_|MICROSOFT_APP_|TEAMS_|BOT_CONFIG)/.test(key)) delete env[key];
    child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      env: { ...env, PORT: String(port), DATA_DIR: dataDir, SCHOOL: 'cadmus', POLICIES_DIR: SEED_POLICIES, TEAMS_ENABLED: 'true', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout!.on('data', (d: Buffer) => (logs += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (logs += d.toString()));
    const until = Date.now() + 60_000; // start-up loads every policy: slow on a busy 2-core machine
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > until || child.exitCode !== null) assert.fail(`npm start did not come up: ${logs}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(logs, /WITHOUT AUTHENTICATION/);
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personalMessage(teamsUser('Sam Staff'), 'Can I go on Facebook on the school computer?', { serviceUrl: connector.url })),
    });
    assert.equal(res.status, 200);
    await connector.waitFor((calls) => calls.some((c) => c.kind === 'reply'), 10_000);
    assert.match(cardText(cardOf(connector.sent('reply')[0].body)), /3\.1/);
  });
});
