// Runs the one store contract suite against every Store: lowdb (a temp folder) and PostgreSQL.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import { describeStoreContract } from './store-contract.js';
import { makePostgresTestStore, postgresTestUrl } from './postgres-test-db.js';

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
