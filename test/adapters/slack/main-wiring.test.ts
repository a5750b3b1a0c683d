// `npm start` with Slack credentials: the composition root mounts the Slack app on PORT, checks the
// token against SLACK_API_URL, and answers a signed DM through the fake Slack Web API.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.js';
import { SIGNING_SECRET, dmEvent, eventEnvelope, postSigned } from './slack-requests.js';
import { SEED_POLICIES } from '../../seed-policies.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('Slack in npm start', function () {
  this.timeout(90_000);
  let api: FakeSlackApi;
  let child: ChildProcess | undefined;
  let dataDir: string;

  beforeEach(async () => {
    api = await startFakeSlackApi('xoxb-main');
    dataDir = mkdtempSync(join(tmpdir(), 'slack-main-'));
  });
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves POST /slack/events on PORT and answers a DM', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        SCHOOL: 'cadmus',
        POLICIES_DIR: SEED_POLICIES,
        SLACK_BOT_TOKEN: 'xoxb-main',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: api.url.replace(/\/$/, ''),
        SLACK_HEAD_USERS: 'UHEAD',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = `http://127.0.0.1:${port}/slack/events`;
    const until = Date.now() + 60_000; // start-up loads every policy: slow on a busy 2-core machine
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > until || child.exitCode !== null) assert.fail(`npm start did not come up: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(api.callsTo('auth.test').length, 1);
    const res = await postSigned(url, eventEnvelope(dmEvent('USTAFF', 'Can I go on Facebook on the school computer?')), 'application/json');
    assert.equal(res.status, 200);
    await api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === 'DUSTAFF'), 10_000);
    // The staff member's answer, not the head's policy-review reminder, which may go out first.
    const answer = api.callsTo('chat.postMessage').find((x) => x.args.channel === 'DUSTAFF')!;
    assert.match(JSON.stringify(answer.args.blocks), /3\.1/);
    // The head is told at start that the seed policy's review date (1 January 2025) has passed.
    await api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && /due for review on 1 Jan 2025/.test(String(x.args.text))), 10_000);
  });
});
