// The embedded store: one JSON file under DATA_DIR, read and validated at start, written through
// lowdb with atomic, serialised writes. A corrupt or unreadable file is never overwritten.

import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { StoreError } from '../../../bot/errors.js';
import type { Logger } from '../../../bot/ports/logger.js';
import type { Store } from '../../../bot/ports/store.js';
import { AtomicJsonFile } from './atomic-json-file.js';
import { createDataStore } from './data-store.js';
import { takeFileLock } from './file-lock.js';
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
    const store = createDataStore(low, {
      describe: `the store file ${file}`,
      reload: async () => (await adapter.read()) ?? emptyStoreData(),
      onClose: release,
      logger: config.logger,
    });
    return Object.assign(store, { file });
  } catch (error) {
    await release();
    throw error;
  }
}

async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (cause) {
    throw new StoreError('store_unavailable', `The data folder ${dir} cannot be created (${(cause as NodeJS.ErrnoException).code}).`, { cause });
  }
}
