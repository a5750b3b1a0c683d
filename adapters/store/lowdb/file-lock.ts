// The lock file that keeps a second assistant off the same store file. It records who holds it
// (pid, host, when that process started, a random token), so a pid that now belongs to another
// process is seen as stale, and a store closing removes only its own lock.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { StoreError } from '../../../bot/errors.js';

/** What the lock file holds. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the holding process started (ISO). */
  startedAt: string;
  /** The process's start in clock ticks since boot (Linux /proc), which tells a reused pid apart. */
  procStart?: string;
  token: string;
}

/** Takes the lock for `file` (at `lock`), or throws StoreError saying who holds it and how to clear it. */
export async function takeFileLock(file: string, lock: string): Promise<{ release(): Promise<void> }> {
  const held = await readFile(lock, 'utf8').catch(() => undefined);
  if (held !== undefined && holderIsLive(held)) throw inUse(file, lock, held);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    ...(procStartOf(process.pid) ? { procStart: procStartOf(process.pid) } : {}),
    token: randomBytes(8).toString('hex'),
  };
  await writeFile(lock, JSON.stringify(me), { mode: 0o600 });
  return {
    async release() {
      // Only our own lock: another assistant may have taken over a lock it found stale.
      const now = await readFile(lock, 'utf8').catch(() => '');
      if (parseLock(now)?.token === me.token) await rm(lock, { force: true });
    },
  };
}

/** Whether the lock's holder is a process still running (an old pid-only lock is read as best it can). */
export function holderIsLive(text: string): boolean {
  const owner = parseLock(text);
  if (!owner) {
    // A lock of an older version (the pid alone): live only when that pid runs Node.
    const pid = Number(text.trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) && /node/.test(commandLineOf(pid) ?? 'node');
  }
  if (owner.pid === process.pid && owner.host === hostname()) return false;
  // Another machine's process cannot be checked from here: treat it as live, and say so.
  if (owner.host !== hostname()) return true;
  if (!isAlive(owner.pid)) return false;
  const start = procStartOf(owner.pid);
  return !owner.procStart || !start || start === owner.procStart;
}

function parseLock(text: string): LockOwner | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    return typeof v === 'object' && v !== null && typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.token === 'string' ? (v as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function inUse(file: string, lock: string, text: string): StoreError {
  const owner = parseLock(text);
  const who = owner ? `process ${owner.pid} on ${owner.host}, running since ${owner.startedAt}` : `process ${text.trim()}`;
  return new StoreError(
    'store_unavailable',
    `The store file ${file} is in use by another running assistant (${who}); stop it first, or use DATABASE_URL to share a store. ` +
      `If no assistant is running, delete ${lock} and start again.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat (start time since boot); undefined where there is no /proc. */
function procStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}
