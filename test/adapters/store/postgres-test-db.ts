// PostgreSQL for tests: TEST_DATABASE_URL (never DATABASE_URL), one fresh schema per store so test
// runs never collide, dropped afterwards. Without TEST_DATABASE_URL the tests say so once and skip.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../../../bot/ports/store.js';
import type { Logger } from '../../../bot/ports/logger.js';
import { createPostgresStore, type PostgresStoreConfig } from '../../../adapters/store/postgres/postgres-store.js';

// On globalThis, not in the module: the loader may evaluate this module more than once per run.
const flag = Symbol.for('school-assistant.postgres-tests-skipped');

/** The test database URL, or undefined after printing (once per run) that PostgreSQL tests are skipped. */
export function postgresTestUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  const g = globalThis as Record<symbol, boolean>;
  if (!url && !g[flag]) {
    g[flag] = true;
    console.log('  (PostgreSQL tests skipped: TEST_DATABASE_URL is not set; .ci/run sets it when a local server answers)');
  }
  return url || undefined;
}

/** A new schema name, unique to this run. */
export function freshSchema(prefix = 't'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL store in its own new schema; cleanup closes it and drops the schema. */
export async function makePostgresTestStore(
  url: string,
  options: Partial<PostgresStoreConfig> & { logger?: Logger } = {},
): Promise<{ store: Store; schema: string; cleanup: () => Promise<void> }> {
  const schema = options.schema ?? freshSchema();
  const store = await createPostgresStore({ databaseUrl: url, schema, poolSize: 20, ...options });
  return {
    store,
    schema,
    cleanup: async () => {
      await store.close();
      await dropSchema(url, schema);
    },
  };
}
