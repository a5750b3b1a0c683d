import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../../adapters/store/lowdb/lowdb-store.js';
import type { EscalationDraft } from '../../../bot/escalations/model.js';
import { StoreError } from '../../../bot/errors.js';

const draft = (n = 0): EscalationDraft => ({
  school: 'cadmus', createdAt: '2026-03-02T09:00:00.000Z', reporter: { platform: 'console', userId: `u${n}` },
  report: { category: 'abusive', poster: 'pupil', about: 'colleague', platform: 'TikTok', seenAt: 'today', evidenceKept: 'yes', replied: 'no', description: `report ${n}` },
  urgency: 'normal', recipients: [], guidance: [], status: 'open', dueAt: '2026-03-03T09:00:00.000Z', overdue: false, notes: [],
});

describe('lowdb store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lowdb-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores 200 concurrent submissions with 200 distinct references, all on disk', async () => {
    const store = await createLowdbStore({ dataDir: dir });
    const created = await Promise.all(Array.from({ length: 200 }, (_, i) => store.createEscalation(draft(i), [{ at: '2026-03-02T09:00:00.000Z', actor: 'system', action: 'created' }], [])));
    await store.close();
    const refs = new Set(created.map((e) => e.ref));
    assert.equal(refs.size, 200);
    assert.ok(refs.has('ESC-2026-0001') && refs.has('ESC-2026-0200'));
    const onDisk = JSON.parse(await readFile(join(dir, 'assistant.json'), 'utf8'));
    assert.equal(Object.keys(onDisk.escalations).length, 200);
    assert.equal(onDisk.audit.length, 200);
  });

  it('keeps its file readable by its owner only, in a folder only the owner can enter', async () => {
    const sub = join(dir, 'data');
    const store = await createLowdbStore({ dataDir: sub });
    await store.createEscalation(draft(), [], []);
    await store.close();
    assert.equal((await stat(join(sub, 'assistant.json'))).mode & 0o777, 0o600);
    assert.equal((await stat(sub)).mode & 0o777, 0o700);
  });

  it('refuses a corrupt file, naming it and what is wrong, and leaves it untouched', async () => {
    const file = join(dir, 'assistant.json');
    for (const [content, why] of [['{"schema":1,"escalations":', /not valid JSON/], ['', /empty/], ['{"schema":1}', /"counters" is missing/], ['[]', /not hold a JSON object/]] as const) {
      await writeFile(file, content);
      await assert.rejects(createLowdbStore({ dataDir: dir }), (e: unknown) => {
        assert.ok(e instanceof StoreError);
        assert.equal(e.code, 'store_corrupt');
        assert.ok(e.message.includes(file));
        assert.match(e.message, why);
        return true;
      });
      assert.equal(await readFile(file, 'utf8'), content);
    }
  });

  it('refuses an unreadable store file', async () => {
    await mkdir(join(dir, 'assistant.json'));
    await assert.rejects(createLowdbStore({ dataDir: dir }), /store file .*assistant\.json cannot be read/);
  });

  it('refuses a data folder it cannot make or use in one sentence, at once (mkdir -p spins on /proc)', async function () {
    this.timeout(5_000);
    await writeFile(join(dir, 'a-file'), 'x');
    for (const [folder, why] of [['/proc/nope/data', /cannot be made there/], [join(dir, 'a-file', 'data'), /a file, not a folder/], [join(dir, 'a-file'), /a file, not a folder/]] as const) {
      await assert.rejects(createLowdbStore({ dataDir: folder }), (e: unknown) => {
        assert.ok(e instanceof StoreError, String(e));
        assert.match(e.message, why);
        assert.match(e.message, /Set DATA_DIR to a folder this user can write\.$/);
        return true;
      });
    }
  });

  it('refuses a second store on the same file in one process', async () => {
    const store = await createLowdbStore({ dataDir: dir });
    await assert.rejects(createLowdbStore({ dataDir: dir }), /already open/);
    await store.close();
  });

  it('loses nothing confirmed when the process is killed mid-write', async function () {
    this.timeout(60_000);
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./lowdb-writer.ts', import.meta.url).pathname, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const confirmed: string[] = [];
    let buffered = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        confirmed.push(...lines.filter(Boolean));
        if (confirmed.length >= 150) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const store = await createLowdbStore({ dataDir: dir });
    for (const ref of confirmed) assert.ok(await store.getEscalation(ref), `${ref} was confirmed and must survive`);
    await store.close();
  });

  it('refuses a store file held by another live assistant, saying who holds it and how to clear the lock', async function () {
    this.timeout(30_000);
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      const { createLowdbStore } = await import(${JSON.stringify(new URL('../../../adapters/store/lowdb/lowdb-store.ts', import.meta.url).pathname)});
      await createLowdbStore({ dataDir: ${JSON.stringify(dir)} });
      console.log('READY');
      setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.on('data', (c: Buffer) => c.toString().includes('READY') && resolve()));
      await assert.rejects(createLowdbStore({ dataDir: dir }), (e: unknown) => {
        assert.match(String((e as Error).message), new RegExp(`in use by another running assistant \\(process ${holder.pid} on ${hostname()}, running since 20`));
        assert.match(String((e as Error).message), /If no assistant is running, delete .*assistant\.json\.lock/);
        return true;
      });
    } finally {
      holder.kill('SIGKILL');
    }
    // Killed without closing: its lock is stale now, and the next start takes it over.
    await new Promise((r) => holder.once('exit', r));
    const store = await createLowdbStore({ dataDir: dir });
    await store.close();
  });

  it('takes over a stale lock: a bare pid now used by a process that is not an assistant, or a pid reused since', async () => {
    const lock = join(dir, 'assistant.json.lock');
    const reused = JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: '2020-01-01T00:00:00.000Z', procStart: '1', token: 'old' });
    for (const stale of ['1', reused]) {
      await writeFile(lock, stale);
      const store = await createLowdbStore({ dataDir: dir });
      const mine = JSON.parse(await readFile(lock, 'utf8'));
      assert.equal(mine.pid, process.pid);
      assert.equal(mine.host, hostname());
      assert.match(mine.token, /^[0-9a-f]{16}$/);
      await store.close();
      await assert.rejects(readFile(lock), /ENOENT/);
    }
  });

  it('removes only its own lock when it closes', async () => {
    const lock = join(dir, 'assistant.json.lock');
    const store = await createLowdbStore({ dataDir: dir });
    const other = JSON.stringify({ pid: 999999, host: hostname(), startedAt: new Date().toISOString(), token: 'another' });
    await writeFile(lock, other);
    await store.close();
    assert.equal(await readFile(lock, 'utf8'), other);
  });
});
