// `npm start` with Slack credentials: the composition root mounts the Slack app on PORT, checks the
// token against SLACK_API_URL, and answers a signed DM through the fake Slack Web API; with Slack
// OAuth instead, it serves the install page and answers a workspace installed through it.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  /** Runs main with `env`; resolves the port once /healthz answers. */
  async function start(env: Record<string, string>): Promise<number> {
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, POLICIES_DIR: SEED_POLICIES, SLACK_API_URL: api.url.replace(/\/$/, ''), LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = Date.now() + 60_000; // start-up loads every policy: slow on a busy 2-core machine
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) return port;
      if (Date.now() > until || child.exitCode !== null) assert.fail(`npm start did not come up: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('serves POST /slack/events on PORT and answers a DM', async () => {
    const port = await start({ SCHOOL: 'cadmus', SLACK_BOT_TOKEN: 'xoxb-main', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_HEAD_USERS: 'UHEAD' });
    const url = `http://127.0.0.1:${port}/slack/events`;
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

  it('with SLACK_CLIENT_ID and no SCHOOL, serves "Add to Slack" and answers the installed workspace from its school', async () => {
    const config = join(dataDir, 'bot.json');
    writeFileSync(config, JSON.stringify({ slack: { T0MAPPED1: { school: 'templemoor', heads: ['UHEAD'] } } }));
    const port = await start({
      SLACK_CLIENT_ID: api.oauthClient.id,
      SLACK_CLIENT_SECRET: api.oauthClient.secret,
      SLACK_STATE_SECRET: 'state-secret-for-npm-start',
      SLACK_INSTALLATION_KEY: 'cd'.repeat(32),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      BOT_CONFIG: config,
    });
    const base = `http://127.0.0.1:${port}`;
    const page = await fetch(`${base}/slack/install`);
    const state = new URL(/href="(https:[^"]*authorize[^"]*)"/.exec(await page.text())![1].replace(/&amp;/g, '&')).searchParams.get('state')!;
    api.addInstall({ code: 'main-code', team: 'T0MAPPED1', token: 'xoxb-mapped', installer: 'UINSTALL' });
    const done = await fetch(`${base}/slack/oauth_redirect?${new URLSearchParams({ code: 'main-code', state })}`, { headers: { cookie: (page.headers.get('set-cookie') ?? '').split(';')[0] } });
    assert.equal(done.status, 200, await done.text());
    const res = await postSigned(`${base}/slack/events`, eventEnvelope(dmEvent('USTAFF', 'Can I be friends with parents on Facebook?'), undefined, 'T0MAPPED1'), 'application/json');
    assert.equal(res.status, 200);
    await api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === 'DUSTAFF'), 10_000);
    const answer = api.callsTo('chat.postMessage').find((x) => x.args.channel === 'DUSTAFF')!;
    assert.equal(answer.token, 'xoxb-mapped');
    assert.match(JSON.stringify(answer.args.blocks), /Templemoor/);
  });
});
