// Runs the one store contract suite against every Store: lowdb (a temp folder) and PostgreSQL.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import type { Store } from '../../../bot/ports/store.js';
import { describeStoreContract } from './store-contract.js';
import { describeRetentionExportContract } from './retention-export-contract.js';
import { dropSchema, freshSchema, makePostgresTestStore, postgresTestUrl } from './postgres-test-db.js';

describeStoreContract('lowdb', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'store-contract-'));
  const store = await createLowdbStore({ dataDir: dir });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

const url = postgresTestUrl();
if (url) describeStoreContract('PostgreSQL', () => makePostgresTestStore(url));

describeRetentionExportContract('lowdb', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'retention-contract-'));
  let store: Store = await createLowdbStore({ dataDir: dir });
  let open = true;
  return {
    store,
    cli: { env: { DATA_DIR: dir }, args: [] },
    release: async () => {
      await store.close();
      open = false;
    },
    reopen: async () => {
      store = await createLowdbStore({ dataDir: dir });
      open = true;
      return store;
    },
    cleanup: async () => {
      if (open) await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

if (url) {
  describeRetentionExportContract('PostgreSQL', async () => {
    const schema = freshSchema();
    const made = await makePostgresTestStore(url, { schema });
    return {
      store: made.store,
      cli: { env: { DATABASE_URL: url }, args: ['--schema', schema] },
      release: async () => undefined,
      reopen: async () => made.store,
      cleanup: async () => {
        await made.cleanup();
        await dropSchema(url, schema);
      },
    };
  });
}
