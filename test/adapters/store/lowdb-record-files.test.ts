// The embedded store's per-message records in files of their own: a store file of the earlier single
// layout is converted at start (a backup kept, nothing lost); a malformed record in a record file is
// set aside and named while the rest load; an unusable record file stops start-up, named, untouched.

import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import { StoreError } from '../../../bot/errors.js';
import type { Logger } from '../../../bot/ports/logger.js';
import type { FeedbackRecord } from '../../../bot/ports/store.js';
import { alert, created, draft } from './store-fixtures.js';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (m: string, f?: Record<string, unknown>) => void lines.push(`${m} ${JSON.stringify(f ?? {})}`);
  return { lines, info: log, warn: log, error: log };
}

const feedback: FeedbackRecord = { answerId: 'a-1', school: 'cadmus', question: 'q', clauseIds: [], verdict: 'no', helpful: false, by: { platform: 'slack', userId: 'U1' }, at: '2026-03-02T09:00:00.000Z' };

/** A store file as the assistant wrote it before: one document with every collection. */
async function singleDocument(dir: string): Promise<{ ref: string; text: string }> {
  const store = await createLowdbStore({ dataDir: dir });
  const e = await store.createEscalation(draft(), created(), [alert()]);
  await store.close();
  const main = JSON.parse(await readFile(join(dir, 'assistant.json'), 'utf8'));
  for (const f of await readdir(dir)) if (f !== 'assistant.json') await rm(join(dir, f));
  const single = {
    ...main,
    schema: 1,
    events: { 'slack:Ev1': '2026-03-02T09:00:00.000Z', constructor: '2026-03-02T09:00:00.000Z' },
    flows: { 'report:slack:U1': { key: 'report:slack:U1', state: { step: 2 }, updatedAt: '2026-03-02T09:00:00.000Z' } },
    conversationRefs: { 'teams:29:abc': { conversation: { id: 'c1' } } },
    feedback: [feedback],
  };
  const text = JSON.stringify(single);
  await writeFile(join(dir, 'assistant.json'), text);
  return { ref: e.ref, text };
}

describe('lowdb store: per-message records in files of their own', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'records-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('converts a single-document store file at start, keeping a backup, and loses nothing', async () => {
    const { ref, text } = await singleDocument(dir);
    const logger = recordingLogger();
    const store = await createLowdbStore({ dataDir: dir, logger });
    assert.equal((await store.getEscalation(ref))?.ref, ref);
    assert.equal((await store.listDeliveries(ref)).length, 1);
    assert.equal(await store.claimEvent('slack:Ev1'), false);
    assert.equal(await store.claimEvent('constructor'), false);
    assert.equal(await store.claimEvent('toString'), true);
    assert.deepEqual((await store.getFlow('report:slack:U1'))?.state, { step: 2 });
    assert.deepEqual(await store.getConversationRef('teams', '29:abc'), { conversation: { id: 'c1' } });
    assert.deepEqual(await store.listFeedback(), [feedback]);
    await store.saveFlow('__proto__', { odd: true });
    await store.close();

    const names = (await readdir(dir)).sort();
    const backup = names.find((n) => /^assistant\.json\.schema1-.*\.bak$/.test(n));
    assert.ok(backup, names.join(', '));
    assert.equal(await readFile(join(dir, backup), 'utf8'), text);
    for (const f of ['assistant.events.json', 'assistant.flows.json', 'assistant.conversation-refs.json', 'assistant.feedback.json']) assert.ok(names.includes(f), f);
    const main = JSON.parse(await readFile(join(dir, 'assistant.json'), 'utf8'));
    assert.equal(main.schema, 2);
    assert.deepEqual(Object.keys(main).sort(), ['audit', 'counters', 'deliveries', 'escalations', 'schema']);
    assert.ok(logger.lines.some((l) => /converted to one file per collection/.test(l) && l.includes(backup)));

    const again = await createLowdbStore({ dataDir: dir });
    assert.equal(await again.claimEvent('toString'), false);
    assert.deepEqual((await again.getFlow('__proto__'))?.state, { odd: true });
    assert.equal(await again.getFlow('constructor'), undefined);
    await again.close();
  });

  it('refuses a single-document file holding a malformed record, naming it, and leaves it untouched', async () => {
    await singleDocument(dir);
    const file = join(dir, 'assistant.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.events.k = 42;
    const spoilt = JSON.stringify(data);
    await writeFile(file, spoilt);
    await assert.rejects(createLowdbStore({ dataDir: dir }), (e: unknown) => e instanceof StoreError && e.code === 'store_corrupt' && /handled event "k" is malformed/.test(e.message));
    assert.equal(await readFile(file, 'utf8'), spoilt);
    assert.deepEqual((await readdir(dir)).filter((n) => n.includes('.bak') || n.includes('events')), []);
  });

  it('sets aside a malformed record in a record file, naming it, and loads the rest', async () => {
    const store = await createLowdbStore({ dataDir: dir });
    await store.claimEvent('slack:ok');
    await store.addFeedback(feedback);
    await store.close();
    const events = join(dir, 'assistant.events.json');
    await writeFile(events, JSON.stringify({ ...JSON.parse(await readFile(events, 'utf8')), k: 42 }));
    await writeFile(join(dir, 'assistant.feedback.json'), JSON.stringify([null, feedback]));
    const logger = recordingLogger();
    const again = await createLowdbStore({ dataDir: dir, logger });
    assert.equal(await again.claimEvent('slack:ok'), false);
    assert.deepEqual(await again.listFeedback(), [feedback]);
    assert.equal((await again.health()).quarantined, 2);
    assert.ok(logger.lines.some((l) => /set aside/.test(l) && /"events"/.test(l) && /"k"/.test(l)), logger.lines.join('\n'));
    await again.close();
    assert.equal(JSON.parse(await readFile(events, 'utf8')).k, undefined);
    const kept = JSON.parse(await readFile(join(dir, 'assistant.json'), 'utf8')).quarantine;
    assert.deepEqual(Object.keys(kept).sort(), ['events:k', 'feedback:1']);
  });

  it('refuses a record file that is not JSON, naming it, and leaves it untouched', async () => {
    const store = await createLowdbStore({ dataDir: dir });
    await store.saveFlow('f', { a: 1 });
    await store.close();
    const flows = join(dir, 'assistant.flows.json');
    await writeFile(flows, '{"f":');
    await assert.rejects(createLowdbStore({ dataDir: dir }), (e: unknown) => e instanceof StoreError && e.code === 'store_corrupt' && e.message.includes(flows));
    assert.equal(await readFile(flows, 'utf8'), '{"f":');
    await writeFile(flows, '[]');
    await assert.rejects(createLowdbStore({ dataDir: dir }), /does not hold a JSON object/);
  });

  it('writes a handled event without rewriting the escalation document', async () => {
    const store = await createLowdbStore({ dataDir: dir });
    await store.createEscalation(draft(), created(), [alert()]);
    const before = await readFile(join(dir, 'assistant.json'), 'utf8');
    await store.claimEvent('slack:Ev2');
    await store.saveFlow('f', { a: 1 });
    await store.addFeedback(feedback);
    await store.close();
    assert.equal(await readFile(join(dir, 'assistant.json'), 'utf8'), before);
    assert.ok(JSON.parse(await readFile(join(dir, 'assistant.events.json'), 'utf8'))['slack:Ev2']);
  });
});
