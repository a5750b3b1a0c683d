// Chooses the store for this deployment: PostgreSQL when DATABASE_URL is set (shared by every
// instance), otherwise the embedded lowdb file under DATA_DIR (one instance only).

import type { Clock } from '../../bot/ports/clock.js';
import type { Logger } from '../../bot/ports/logger.js';
import { silentLogger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import type { AppConfig } from '../config.js';
import { createLowdbStore } from './lowdb/lowdb-store.js';
import { createPostgresStore, type PostgresStoreConfig } from './postgres/postgres-store.js';

export interface StoreDeps {
  logger?: Logger;
  clock?: Clock;
  /** PostgreSQL settings beyond the URL (schema, pool size); tests give each run its own schema. */
  postgres?: Partial<Omit<PostgresStoreConfig, 'databaseUrl' | 'logger' | 'clock'>>;
}

/** Opens the configured store; rejects with a StoreError naming the file or database problem. */
export async function createStore(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>, deps: StoreDeps = {}): Promise<Store> {
  const logger = deps.logger ?? silentLogger;
  if (config.databaseUrl) {
    const store = await createPostgresStore({ ...deps.postgres, databaseUrl: config.databaseUrl, logger, clock: deps.clock });
    logger.info('store: PostgreSQL (DATABASE_URL), shared by every instance', { database: describeDatabase(config.databaseUrl) });
    return store;
  }
  const store = await createLowdbStore({ dataDir: config.dataDir, logger });
  logger.info('store: embedded file', { file: store.file });
  return store;
}

/** host:port/database for logs, never the password. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'an unparseable DATABASE_URL';
  }
}
