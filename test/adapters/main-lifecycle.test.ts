// `npm start` as an IT person runs it: SIGTERM stops it cleanly (npm passes the signal on, nothing is
// left listening), /healthz reports the store and the backlog, and a port in use, a BOT_CONFIG typo
// or Slack out of reach each get one sentence and the right exit code, never a stack trace.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The environment of a fresh machine: no platform credentials, one small policy, its own data folder. */
function cleanEnv(dir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(SLACK_|MICROSOFT_APP_|TEAMS_|BOT_CONFIG|DATABASE_URL|SCHOOL|HOST|PORT|npm_)/.test(key)) delete env[key];
  const policies = join(dir, 'policies');
  mkdirSync(policies, { recursive: true });
  copyFileSync('test/fixtures/seeds/hardmoor.txt', join(policies, 'hardmoor.txt'));
  return { ...env, POLICIES_DIR: policies, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'info', ...extra };
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => out, exit };
}

async function untilUp(port: number, run: Run): Promise<Response> {
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (res) return res;
    if (Date.now() > until || run.child.exitCode !== null) assert.fail(`npm start did not come up: ${run.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const noStackTrace = (text: string) => assert.doesNotMatch(text, /^\s+at .+:\d+:\d+\)?$/m, `a stack trace was printed:\n${text}`);

describe('npm start, operated', function () {
  this.timeout(120_000);
  let dir: string;
  const running: Run[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
  });
  afterEach(async () => {
    for (const run of running.splice(0)) {
      if (run.child.exitCode === null && run.child.signalCode === null) {
        run.child.kill('SIGKILL');
        await run.exit;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the store and the backlog on /healthz, and on SIGTERM to npm stops listening, logs one line and exits 0', async () => {
    const port = await freePort();
    const run = start('npm', ['start', '--silent'], cleanEnv(dir, { PORT: String(port), TEAMS_ENABLED: 'true' }));
    running.push(run);
    const health = await untilUp(port, run);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true, store: 'reachable', undelivered: 0, oldestUndeliveredSeconds: 0, quarantined: 0 });

    run.child.kill('SIGTERM');
    const exited = await Promise.race([run.exit, new Promise<undefined>((r) => setTimeout(() => r(undefined), 30_000))]);
    assert.ok(exited, `npm start did not stop within 30 s of SIGTERM:\n${run.output()}`);
    assert.equal(exited.code, 0, run.output());
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'nothing is left listening');
    assert.equal(run.output().match(/"msg":"assistant stopped"/g)?.length, 1, run.output());
    noStackTrace(run.output());
  });

  it('says the port is in use and exits 2', async () => {
    const port = await freePort();
    const busy: Server = createServer().listen(port, '127.0.0.1');
    try {
      const run = start(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], cleanEnv(dir, { PORT: String(port), HOST: '127.0.0.1', TEAMS_ENABLED: 'true' }));
      running.push(run);
      const { code } = await run.exit;
      assert.equal(code, 2, run.output());
      assert.match(run.output(), new RegExp(`Port ${port} is in use`));
      noStackTrace(run.output());
    } finally {
      busy.close();
    }
  });

  it('names a misspelt BOT_CONFIG key or an unknown school at start and exits 2', async () => {
    const file = join(dir, 'bot.json');
    for (const [content, why] of [
      [{ slack: { T0123: { school: 'hardmoor', head: ['U1'] } } }, /slack\.T0123\.head is not a setting here \(did you mean "heads"\?\)/],
      [{ slack: { T0123: { school: 'hardmore', heads: ['U1'] } } }, /BOT_CONFIG names schools with no policy here: slack\.T0123\.school "hardmore"/],
    ] as const) {
      writeFileSync(file, JSON.stringify(content));
      const run = start(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], cleanEnv(dir, { BOT_CONFIG: file, TEAMS_ENABLED: 'true', PORT: String(await freePort()) }));
      running.push(run);
      const { code } = await run.exit;
      assert.equal(code, 2, run.output());
      assert.match(run.output(), why);
      noStackTrace(run.output());
    }
  });

  it('tells Slack out of reach from a refused token', async () => {
    const run = start(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], cleanEnv(dir, {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      PORT: String(await freePort()),
    }));
    running.push(run);
    const { code } = await run.exit;
    assert.notEqual(code, 0);
    assert.match(run.output(), /Could not reach Slack to check SLACK_BOT_TOKEN/);
    assert.doesNotMatch(run.output(), /did not accept/);
    noStackTrace(run.output());
  });
});
