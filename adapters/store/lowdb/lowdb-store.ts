// The embedded store: one JSON file under DATA_DIR, read and validated at start, written through
// lowdb with atomic, serialised writes. A corrupt or unreadable file is never overwritten.

import { constants } from 'node:fs';
import { access, chmod, mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { StoreError } from '../../../bot/errors.js';
import type { Logger } from '../../../bot/ports/logger.js';
import type { Store } from '../../../bot/ports/store.js';
import { AtomicJsonFile } from './atomic-json-file.js';
import { createDataStore } from './data-store.js';
import { takeFileLock } from './file-lock.js';
import { questionFiles } from './question-files.js';
import { createQuestionLog, withQuestionLog } from './question-log.js';
import { emptyStoreData, type StoreData } from './store-data.js';

export interface LowdbStoreConfig {
  /** The folder the store keeps its file in (created 0700 when missing). */
  dataDir: string;
  /** The file name inside dataDir (default assistant.json). */
  fileName?: string;
  logger?: Logger;
}

export const defaultStoreFileName = 'assistant.json';

/** Files this process has open: a second store on the same file would break serialised writes. */
const openFiles = new Set<string>();

/** Opens (or creates) the store file; throws StoreError naming the file when it cannot be used. */
export async function createLowdbStore(config: LowdbStoreConfig): Promise<Store & { file: string }> {
  const dir = resolve(config.dataDir);
  const file = join(dir, config.fileName ?? defaultStoreFileName);
  await ensureDir(dir);
  if (openFiles.has(file)) throw new StoreError('store_unavailable', `The store file ${file} is already open in this process.`);
  const lock = await takeFileLock(file, `${file}.lock`);
  openFiles.add(file);
  const release = async () => {
    openFiles.delete(file);
    await lock.release();
  };
  try {
    const adapter = new AtomicJsonFile(file);
    const existing = await adapter.read();
    const low = new Low<StoreData>(adapter, emptyStoreData());
    low.data = existing ?? emptyStoreData();
    if (!existing) await low.write();
    else await chmod(file, 0o600).catch(() => undefined);
    const rest = createDataStore(low, {
      describe: `the store file ${file}`,
      reload: async () => (await adapter.read()) ?? emptyStoreData(),
      onClose: release,
      logger: config.logger,
    });
    const log = await openQuestionLog(low, dir, basename(file, '.json'), config.logger);
    return Object.assign(withQuestionLog(rest, log), { file });
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * Loads the question log's day files. Malformed records are set aside in the store file's
 * quarantine first (kept, counted by /healthz), then their days are rewritten without them.
 */
async function openQuestionLog(low: Low<StoreData>, dir: string, base: string, logger?: Logger) {
  const files = questionFiles(dir, base, logger);
  const { days, bad } = await files.load();
  if (bad.length) {
    const at = new Date().toISOString();
    low.data.quarantine = { ...low.data.quarantine };
    for (const b of bad) low.data.quarantine[`questions:${b.key}`] = { collection: 'questions', key: b.key, problem: b.problem, at, record: b.record };
    await low.write();
    for (const b of bad) logger?.error('store: a malformed logged question was set aside (quarantined); the others load', { question: b.key, problem: b.problem });
    for (const day of new Set(bad.map((b) => b.key.slice(0, 10)))) {
      const good = days.get(day);
      await (good ? files.write(day, good) : files.remove(day));
    }
  }
  return createQuestionLog(days, files, `the question log beside ${join(dir, base)}.json`);
}

/**
 * Creates the data folder one level at a time, then checks it can be written.
 * NOTE: fs.mkdir with `recursive` spins forever on some paths (e.g. under /proc, where mkdir
 * answers ENOENT for a parent that exists), so the levels are made here, each once.
 */
async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(folderError(dir, error))));
    if (info) {
      if (!info.isDirectory()) throw new StoreError('store_unavailable', `The data folder ${dir} cannot be used: ${at} is a file, not a folder. Set DATA_DIR to a folder this user can write.`);
      break;
    }
    missing.unshift(at);
    if (dirname(at) === at) break;
    at = dirname(at);
  }
  for (const level of missing) await mkdir(level, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(folderError(dir, error))));
  await access(dir, constants.W_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => Promise.reject(folderError(dir, error)));
}

function folderError(dir: string, cause: NodeJS.ErrnoException): StoreError {
  const why = cause.code === 'EACCES' || cause.code === 'EPERM' ? 'this user may not write there' : cause.code === 'ENOENT' ? 'it cannot be made there' : cause.code === 'ENOTDIR' ? 'part of that path is a file, not a folder' : cause.code ?? cause.message;
  return new StoreError('store_unavailable', `The data folder ${dir} cannot be used (${why}). Set DATA_DIR to a folder this user can write.`, { cause });
}
