// The embedded store: JSON files under DATA_DIR, read and validated at start, written through lowdb
// with atomic, serialised writes: the escalation document (assistant.json), one file per collection
// written per message, and the question log's days. A corrupt or unreadable file is never overwritten.

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
import { createQuestionLog } from './question-log.js';
import { assembleStore } from './assemble-store.js';
import { createRecordStore, setAsideBadRecords } from './record-docs.js';
import { readRecordFiles, recordAdapters, recordDocs, writeRecordFiles } from './record-files.js';
import { splitSingleDocument } from './split-single-document.js';
import { emptyStoreData, type RecordData, type SingleDocument, type StoreData } from './store-data.js';

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
    return Object.assign(await openDocuments(file, dir, release, config.logger), { file });
  } catch (error) {
    await release();
    throw error;
  }
}

/** Reads (converting an old single document), checks and opens every file of the store. */
async function openDocuments(file: string, dir: string, release: () => Promise<void>, logger?: Logger): Promise<Store> {
  const base = basename(file, '.json');
  const adapter = new AtomicJsonFile<StoreData | SingleDocument>(file);
  const adapters = recordAdapters(dir, base);
  const low = new Low<StoreData>(adapter as AtomicJsonFile<StoreData>, emptyStoreData());
  const existing = await adapter.read();
  let records: RecordData;
  if (existing?.schema === 1) {
    const split = await splitSingleDocument(existing, file, adapters, (main) => adapter.write(main), logger);
    low.data = split.main;
    records = split.records;
  } else {
    low.data = existing ?? emptyStoreData();
    if (!existing) await low.write();
    else await chmod(file, 0o600).catch(() => undefined);
    records = await readRecordFiles(adapters);
  }
  const bad = setAsideBadRecords(records, new Date().toISOString());
  if (bad.length) {
    low.data.quarantine = { ...low.data.quarantine, ...Object.fromEntries(bad.map((q) => [`${q.collection}:${q.key}`, q])) };
    await low.write();
    await writeRecordFiles(adapters, records);
    for (const q of bad) logger?.error('store: a malformed record was set aside (quarantined); the others load', { collection: q.collection, key: q.key, problem: q.problem });
  }
  const escalations = createDataStore(low, {
    describe: `the store file ${file}`,
    reload: async () => ((await adapter.read()) as StoreData | null) ?? emptyStoreData(),
    onClose: release,
    logger,
  });
  const log = await openQuestionLog(low, dir, base, logger);
  return assembleStore(escalations, createRecordStore(recordDocs(adapters, records)), log);
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
    for (const day of new Set(bad.map((b) => b.day))) {
      const good = days.get(day);
      await (good ? files.replace(day, good) : files.remove(day));
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
