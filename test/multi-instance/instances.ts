// Starts and stops app instances (instance-server.ts) as child processes on loopback, and posts to
// them. Each runs `node --import tsx` directly, so a SIGKILL reaches the server itself, not a wrapper.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The Slack workspace, head and DSL every instance is configured with. */
export const TEAM = 'T0SCHOOL1';
export const HEAD = 'U0HEAD';
export const DSL = 'U0DSL';

const script = fileURLToPath(new URL('./instance-server.ts', import.meta.url));

export interface Instance {
  name: string;
  base: string;
  child: ChildProcess;
  /** What the instance wrote to stderr (warnings and errors), for failure messages. */
  log: string[];
  post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startInstance(name: string, env: { url: string; schema: string; slackApiUrl: string }, extra: Record<string, string> = {}): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, TEST_DATABASE_URL: env.url, TEST_SCHEMA: env.schema, SLACK_API_URL: env.slackApiUrl, INSTANCE: name, NODE_ENV: 'test', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 30 s:\n${log.join('')}`)), 30_000);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${log.join('')}`));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    name,
    base,
    child,
    log,
    async post(path, body) {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      try {
        return { status: res.status, json: JSON.parse(text) as Record<string, unknown> };
      } catch {
        return { status: res.status, json: { text: text.slice(0, 500) } };
      }
    },
    kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill(signal);
      });
    },
  };
}

/** Polls `check` until it holds, or throws after `ms` (every loop in these tests is bounded). */
export async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

/** Report form values as the Slack modal submits them. */
export function reportValues(i: number): Record<string, string> {
  return {
    category: 'defamatory',
    poster: 'parent',
    about: 'colleague',
    platform: 'Facebook',
    link: '',
    seenAt: 'today 8am',
    evidenceKept: 'yes',
    replied: 'no',
    description: `Report ${i}: a parent posted that the class teacher lied about a detention.`,
  };
}
