// Malformed records: a store file holding one is refused at start with the record named (and left
// untouched); one that turns up at run time is set aside (quarantined) and logged, and every other
// direct message still goes out. Both stores, through the real delivery worker.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low, Memory } from 'lowdb';
import pg from 'pg';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import { createMemoryStoreOver } from '../../../adapters/store/lowdb/assemble-store.js';
import { emptyStoreData, type StoreData } from '../../../adapters/store/lowdb/store-data.js';
import { createDeliveryWorker } from '../../../bot/delivery/delivery-worker.js';
import { StoreError } from '../../../bot/errors.js';
import type { Logger } from '../../../bot/ports/logger.js';
import type { Store } from '../../../bot/ports/store.js';
import { createRecordingNotifier } from '../../fakes/recording-notifier.js';
import { alert, created, draft, head } from './store-fixtures.js';
import { makePostgresTestStore, postgresTestUrl } from './postgres-test-db.js';
import { question } from './question-log-contract.js';

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (m, f) => void errors.push(`${m} ${JSON.stringify(f ?? {})}`) };
}

const now = new Date('2026-03-02T10:00:00.000Z');

/** Two escalations with one alert each; `poison` then spoils the first alert as stored. */
async function sendWithOnePoisoned(store: Store, poison: (deliveryId: string) => Promise<void>, logger: Logger) {
  const a = await store.createEscalation(draft(), created(), [alert()]);
  const b = await store.createEscalation(draft(), created(), [alert()]);
  const [bad] = await store.listDeliveries(a.ref);
  await poison(bad.id);
  const notifier = createRecordingNotifier('slack');
  const worker = createDeliveryWorker({ store, notifiers: [notifier], clock: { now: () => now }, logger });
  await worker.runOnce();
  await worker.idle();
  return { a, b, notifier, badId: bad.id };
}

describe('Malformed store records', () => {
  describe('a store file holding one', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'malformed-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const cases: [string, (d: Record<string, any>) => void, RegExp][] = [
      ['a delivery that is null', (d) => (d.deliveries.y = null), /delivery "y" is malformed/],
      ['a delivery with no recipient', (d) => (d.deliveries.x = { ...d.deliveries.x, to: undefined }), /delivery "x" is malformed \(to: required\)/],
      ['an escalation filed under another ref', (d) => (d.escalations['ESC-2026-0009'] = d.escalations['ESC-2026-0001']), /escalation "ESC-2026-0009" is malformed/],
      ['an escalation whose notes are not a list', (d) => (d.escalations['ESC-2026-0001'].notes = 'none'), /escalation "ESC-2026-0001" is malformed \(notes:/],
      ['an audit event with no action', (d) => delete d.audit[1].action, /audit event number 2 is malformed \(action: required\)/],
    ];
    for (const [what, spoil, named] of cases) {
      it(`refuses ${what}, naming the record, and leaves the file untouched`, async () => {
        const store = await createLowdbStore({ dataDir: dir });
        await store.createEscalation(draft(), created(), [alert()]);
        await store.close();
        const file = join(dir, 'assistant.json');
        const data = JSON.parse(await readFile(file, 'utf8'));
        const [id] = Object.keys(data.deliveries);
        data.deliveries.x = { ...data.deliveries[id], id: 'x' };
        spoil(data);
        const spoilt = JSON.stringify(data);
        await writeFile(file, spoilt);
        await assert.rejects(createLowdbStore({ dataDir: dir }), (e: unknown) => {
          assert.ok(e instanceof StoreError && e.code === 'store_corrupt', String(e));
          assert.match(e.message, named);
          assert.match(e.message, /assistant\.json/);
          return true;
        });
        assert.equal(await readFile(file, 'utf8'), spoilt);
      });
    }
  });

  it('sets aside a delivery spoilt at run time (file store) and sends the rest', async () => {
    const low = new Low<StoreData>(new Memory<StoreData>(), emptyStoreData());
    const logger = recordingLogger();
    const store = createMemoryStoreOver(low, logger);
    const { b, notifier, badId } = await sendWithOnePoisoned(store, async (id) => void ((low.data.deliveries as Record<string, unknown>)[id] = null), logger);
    assert.deepEqual(notifier.sent.map((m) => [m.to.userId, m.reply.text]), [[head.userId, 'New report ESC']]);
    assert.equal((await store.listDeliveries(b.ref))[0].state, 'sent');
    assert.equal((await store.health()).quarantined, 1);
    assert.equal(low.data.quarantine?.[`deliveries:${badId}`]?.record, null);
    assert.ok(logger.errors.some((l) => l.includes(badId) && /set aside/.test(l)), logger.errors.join('\n'));
  });

  const url = postgresTestUrl();
  if (url) {
    it('sets aside a delivery spoilt at run time (PostgreSQL) and sends the rest', async () => {
      const logger = recordingLogger();
      const { store, schema, cleanup } = await makePostgresTestStore(url, { logger });
      const admin = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await admin.connect();
      try {
        const poison = async (id: string) => void (await admin.query(`UPDATE deliveries SET record = record - 'to' WHERE id = $1`, [id]));
        const { b, notifier, badId } = await sendWithOnePoisoned(store, poison, logger);
        assert.equal(notifier.sent.length, 1);
        assert.equal((await store.listDeliveries(b.ref))[0].state, 'sent');
        assert.deepEqual(await store.health(), { undelivered: 0, quarantined: 1 });
        assert.equal((await admin.query('SELECT state FROM deliveries WHERE id = $1', [badId])).rows[0].state, 'quarantined');
        assert.ok(logger.errors.some((l) => l.includes(badId) && /to: required/.test(l)), logger.errors.join('\n'));
        // Never claimed again.
        assert.deepEqual(await store.claimDueDeliveries(new Date(now.getTime() + 3600_000), 10, 1000), []);
      } finally {
        await admin.end();
        await cleanup();
      }
    });

    it('leaves out a logged question spoilt in the database (PostgreSQL), naming it, and reads the rest', async () => {
      const logger = recordingLogger();
      const { store, schema, cleanup } = await makePostgresTestStore(url, { logger });
      const admin = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await admin.connect();
      try {
        await store.logQuestion(question({ id: 'spoilt', at: '2026-03-01T09:00:00.000Z' }));
        await store.logQuestion(question({ id: 'fine' }));
        await admin.query(`UPDATE question_log SET record = record - 'topic' WHERE id = 'spoilt'`);
        assert.deepEqual((await store.listQuestions({ school: 'cadmus' })).map((q) => q.id), ['fine']);
        assert.equal(await store.getQuestion('spoilt'), undefined);
        assert.ok(logger.errors.some((l) => l.includes('spoilt') && /topic: required/.test(l)), logger.errors.join('\n'));
      } finally {
        await admin.end();
        await cleanup();
      }
    });
  }
});
