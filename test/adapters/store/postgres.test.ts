// PostgreSQL-only behaviour beyond the contract: migrations, two instances on one database,
// persistence, and what happens when the database goes away and comes back.

import assert from 'node:assert/strict';
import pg from 'pg';
import { StoreError } from '../../../bot/errors.js';
import type { Logger } from '../../../bot/ports/logger.js';
import { createPostgresStore } from '../../../adapters/store/postgres/postgres-store.js';
import { createDb } from '../../../adapters/store/postgres/db.js';
import { migrate, migrations } from '../../../adapters/store/postgres/migrations.js';
import { alert, created, draft } from './store-fixtures.js';
import { dropSchema, freshSchema, postgresTestUrl } from './postgres-test-db.js';
import { startTcpProxy } from './tcp-proxy.js';

const url = postgresTestUrl();

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (message: string, fields?: Record<string, unknown>) => void lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, info: log, warn: log, error: log };
}

if (url) {
  describe('PostgreSQL store', () => {
    let schema: string;
    beforeEach(() => {
      schema = freshSchema();
    });
    afterEach(async () => {
      await dropSchema(url, schema);
    });

    it('creates its schema on first start and migrates nothing on the next', async () => {
      const db = createDb({ databaseUrl: url, schema, logger: recordingLogger() });
      try {
        const all = migrations.map((m) => m.version);
        assert.deepEqual(await migrate(db), all);
        assert.deepEqual(await migrate(db), []);
        const rows = await db.read<{ version: number }>('t', 'SELECT version FROM schema_migrations ORDER BY version');
        assert.deepEqual(rows.map((r) => r.version), all);
      } finally {
        await db.close();
      }
    });

    it('lets four instances start together on an empty database: one migrates, all open', async () => {
      const stores = await Promise.all(Array.from({ length: 4 }, () => createPostgresStore({ databaseUrl: url, schema, poolSize: 2 })));
      try {
        const refs = await Promise.all(stores.map((s) => s.createEscalation(draft(), created(), [])));
        assert.equal(new Set(refs.map((e) => e.ref)).size, 4);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('shares one database between two instances: distinct refs, one claim per delivery, one claim per event', async () => {
      const [a, b] = await Promise.all([1, 2].map(() => createPostgresStore({ databaseUrl: url, schema, poolSize: 5 })));
      try {
        const made = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).createEscalation(draft(), created(), [alert()])));
        assert.equal(new Set(made.map((e) => e.ref)).size, 100);
        const now = new Date('2026-03-02T10:00:00.000Z');
        const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claimDueDeliveries(now, 10, 60_000)));
        const ids = claims.flat().map((d) => d.id);
        assert.equal(ids.length, 100);
        assert.equal(new Set(ids).size, 100);
        const events = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claimEvent('slack:Ev-shared')));
        assert.equal(events.filter(Boolean).length, 1);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('keeps everything across a restart and carries on counting', async () => {
      const first = await createPostgresStore({ databaseUrl: url, schema });
      const e = await first.createEscalation(draft(), created(), [alert()]);
      await first.saveFlow('slack:T1:U1', { step: 'where' });
      await first.close();
      const second = await createPostgresStore({ databaseUrl: url, schema });
      try {
        assert.deepEqual(await second.getEscalation(e.ref), e);
        assert.deepEqual((await second.getFlow('slack:T1:U1'))?.state, { step: 'where' });
        assert.equal((await second.createEscalation(draft(), [], [])).ref, 'ESC-2026-0002');
      } finally {
        await second.close();
      }
    });

    it('refuses to start, with a StoreError, when the database cannot be reached', async () => {
      const started = Date.now();
      await assert.rejects(
        createPostgresStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test', schema, connectionTimeoutMs: 2000 }),
        (error: unknown) => error instanceof StoreError && error.code === 'store_unavailable',
      );
      assert.ok(Date.now() - started < 5000);
    });

    it('answers store_unavailable with a log line when the connection is lost, then reconnects', async () => {
      const target = new URL(url);
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      const viaProxy = new URL(url);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      const logger = recordingLogger();
      const store = await createPostgresStore({ databaseUrl: viaProxy.href, schema, logger, connectionTimeoutMs: 1000 });
      try {
        await store.createEscalation(draft(), created(), []);
        await proxy.cut();
        await assert.rejects(store.createEscalation(draft(), created(), []), (error: unknown) => {
          assert.ok(error instanceof StoreError, `not a StoreError: ${error}`);
          assert.equal(error.code, 'store_unavailable');
          assert.doesNotMatch(error.message, /postgres:\/\//);
          return true;
        });
        assert.ok(logger.lines.some((l) => /PostgreSQL unavailable/.test(l)), logger.lines.join('\n'));
        await proxy.restore();
        const after = await store.createEscalation(draft(), created(), []);
        assert.equal(after.ref, 'ESC-2026-0002');
        assert.equal((await store.listEscalations({})).length, 2);
      } finally {
        await store.close();
        await proxy.close();
      }
    });

    it('lives on when the server ends a session in the same packet that says it is ready (57P01), then reconnects', async () => {
      // The race seen under pg_terminate_backend during a burst: the pool hands the new client out
      // (removing its own error listener) and the FATAL arrives before the caller could add one.
      const target = new URL(url);
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      const viaProxy = new URL(url);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      const logger = recordingLogger();
      const store = await createPostgresStore({ databaseUrl: viaProxy.href, schema, logger, connectionTimeoutMs: 1000 });
      try {
        await proxy.cut();
        await proxy.restore();
        proxy.terminateOnReady(true);
        await assert.rejects(store.getEscalation('ESC-2026-0001'), (error: unknown) => error instanceof StoreError && error.code === 'store_unavailable');
        await assert.rejects(store.createEscalation(draft(), created(), []), (error: unknown) => error instanceof StoreError && error.code === 'store_unavailable');
        proxy.terminateOnReady(false);
        assert.equal((await store.createEscalation(draft(), created(), [])).ref.slice(0, 9), 'ESC-2026-');
        assert.ok(logger.lines.some((l) => /57P01/.test(l)), logger.lines.join('\n'));
      } finally {
        await store.close();
        await proxy.close();
      }
    });

    it('survives the server closing its idle connections (no crash, next call works)', async () => {
      const logger = recordingLogger();
      const store = await createPostgresStore({ databaseUrl: url, schema, logger, applicationName: schema });
      try {
        await Promise.all([1, 2, 3].map(() => store.getEscalation('ESC-2026-0001')));
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [schema]);
        await admin.end();
        await new Promise((r) => setTimeout(r, 200));
        assert.equal((await store.createEscalation(draft(), [], [])).ref, 'ESC-2026-0001');
        assert.ok(logger.lines.some((l) => /idle PostgreSQL connection was lost/.test(l)), logger.lines.join('\n'));
      } finally {
        await store.close();
      }
    });

    it('never lets a raw pg error out: a broken schema is a StoreError', async () => {
      const store = await createPostgresStore({ databaseUrl: url, schema, logger: recordingLogger() });
      try {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`DROP TABLE "${schema}".processed_events`);
        await admin.end();
        await assert.rejects(store.claimEvent('x'), (error: unknown) => error instanceof StoreError && error.code === 'store_unavailable');
      } finally {
        await store.close();
      }
    });
  });
}
