// The embedded store's question log on disk: one file per day, kept across restarts; a malformed
// record or a line cut short is set aside (quarantined) and named while the rest of its day loads;
// a day file that cannot be read is moved aside, never deleted, and the others load.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import type { Logger } from '../../../bot/ports/logger.js';
import { question } from './question-log-contract.js';

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (m, f) => void errors.push(`${m} ${JSON.stringify(f ?? {})}`) };
}

describe('lowdb store: the question log files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'questions-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each day to its own file, outside the store file, and reads them all back after a restart', async () => {
    const store = await createLowdbStore({ dataDir: dir });
    await store.logQuestion(question({ id: 'a', at: '2026-03-01T10:00:00.000Z' }));
    await store.logQuestion(question({ id: 'b', at: '2026-03-02T10:00:00.000Z' }));
    await store.close();
    const files = (await readdir(dir)).filter((f) => f.includes('questions')).sort();
    assert.deepEqual(files, ['assistant.questions.2026-03-01.jsonl', 'assistant.questions.2026-03-02.jsonl']);
    assert.doesNotMatch(await readFile(join(dir, 'assistant.json'), 'utf8'), /friend request/);
    const again = await createLowdbStore({ dataDir: dir });
    assert.deepEqual((await again.listQuestions({ school: 'cadmus' })).map((q) => q.id), ['b', 'a']);
    assert.equal(await again.forgetQuestionsBefore('2026-03-02T00:00:00.000Z'), 1);
    await again.close();
    assert.deepEqual((await readdir(dir)).filter((f) => f.includes('questions')), ['assistant.questions.2026-03-02.jsonl']);
  });

  it('appends each question to its day, one line each, and replaces the day only for retention', async () => {
    const store = await createLowdbStore({ dataDir: dir });
    await store.logQuestion(question({ id: 'a', at: '2026-03-02T09:00:00.000Z' }));
    await store.logQuestion(question({ id: 'b', at: '2026-03-02T11:00:00.000Z' }));
    const file = join(dir, 'assistant.questions.2026-03-02.jsonl');
    assert.deepEqual((await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l).id), ['a', 'b']);
    assert.equal(await store.forgetQuestionsBefore('2026-03-02T10:00:00.000Z'), 1);
    await store.logQuestion(question({ id: 'c', at: '2026-03-02T12:00:00.000Z' }));
    await store.close();
    assert.deepEqual((await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l).id), ['b', 'c']);
  });

  it('sets aside a malformed record or a line cut short, naming it, and loads the rest of its day', async () => {
    const file = join(dir, 'assistant.questions.2026-03-02.jsonl');
    const good = question({ id: 'good' });
    await writeFile(file, [JSON.stringify({ ...question({ id: 'bad' }), outcome: 'maybe' }), 'null', JSON.stringify(good), '{"id":"cut'].join('\n'));
    const logger = recordingLogger();
    const store = await createLowdbStore({ dataDir: dir, logger });
    assert.deepEqual(await store.listQuestions({ school: 'cadmus' }), [good]);
    assert.equal((await store.health()).quarantined, 3);
    assert.ok(logger.errors.some((l) => /bad/.test(l) && /outcome/.test(l)), logger.errors.join('\n'));
    assert.ok(logger.errors.some((l) => /2026-03-02#4/.test(l) && /cut short/.test(l)), logger.errors.join('\n'));
    await store.close();
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), good);
    const kept = JSON.parse(await readFile(join(dir, 'assistant.json'), 'utf8')).quarantine;
    assert.equal(Object.values(kept).filter((q: any) => q.collection === 'questions').length, 3);
  });

  it('moves an unreadable day file aside and loads the other days', async () => {
    await mkdir(join(dir, 'assistant.questions.2026-03-01.jsonl'));
    await writeFile(join(dir, 'assistant.questions.2026-03-02.jsonl'), `${JSON.stringify(question({ id: 'ok' }))}\n`);
    const logger = recordingLogger();
    const store = await createLowdbStore({ dataDir: dir, logger });
    assert.deepEqual((await store.listQuestions({ school: 'cadmus' })).map((q) => q.id), ['ok']);
    await store.close();
    const names = await readdir(dir);
    assert.ok(names.some((n) => n.startsWith('assistant.questions.2026-03-01.jsonl.unreadable-')), names.join(', '));
    assert.ok(logger.errors.some((l) => l.includes('2026-03-01')), logger.errors.join('\n'));
  });
});
