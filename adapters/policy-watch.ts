// Keeps a running assistant's policies current: looks at the policies folder every few seconds and,
// when a file was added, replaced or removed (an ingest, a restore), reloads the library (built,
// then swapped) and logs which version of each changed school's policy now answers.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../bot/ports/logger.js';
import { POLICY_EXTENSIONS } from '../knowledge/policy-files.js';
import type { ReloadingLibrary } from '../knowledge/reloading-library.js';

export interface PolicyWatch {
  /** Looks once now; resolves true when the library was reloaded. */
  check(): Promise<boolean>;
  stop(): void;
}

/** Polls `library.dir` (a file watcher misses changes on network and container volumes; a poll does not). */
export function watchPolicies(library: ReloadingLibrary, opts: { intervalMs: number; logger: Logger }): PolicyWatch {
  let seen: string | undefined;
  let running: Promise<boolean> | undefined;
  const look = async (): Promise<boolean> => {
    // The first look reloads too: a change made while the library was first being read is not missed.
    const now = await signature(library.dir);
    if (now === seen) return false;
    seen = now;
    const report = await library.reload();
    for (const s of report.added) opts.logger.info('policy added', { school: s.id, name: s.name, version: s.version, clauses: library.policy(s.id)?.clauses.length });
    for (const s of report.replaced) opts.logger.info('policy reloaded', { school: s.id, name: s.name, version: s.version, clauses: library.policy(s.id)?.clauses.length });
    for (const id of report.removed) opts.logger.info('policy removed', { school: id });
    for (const p of report.problems) opts.logger.warn('policy file skipped; the last good version answers', p);
    return true;
  };
  const check = (): Promise<boolean> => {
    // One look at a time; a look that fails is logged and tried again at the next tick.
    running ??= look()
      .catch((error: unknown) => {
        opts.logger.error('policy reload failed; the policies already loaded go on answering', { error: (error as Error).message });
        return false;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  void check();
  const timer = opts.intervalMs > 0 ? setInterval(() => void check(), opts.intervalMs) : undefined;
  timer?.unref();
  return { check, stop: () => timer && clearInterval(timer) };
}

/** Names, sizes and modification times of the policy files: any ingest or restore changes it. */
async function signature(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && POLICY_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e))).sort();
  const parts = await Promise.all(names.map(async (n) => {
    const s = await stat(join(dir, n)).catch(() => undefined);
    return s ? `${n}:${s.size}:${s.mtimeMs}` : n;
  }));
  return parts.join('|');
}
