// The reloading library: a reload builds every index before it swaps, reports what changed, and
// keeps a school's last good policy while its file cannot be read.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReloadingLibrary } from '../../knowledge/reloading-library.js';
import { SEED_POLICIES } from '../seed-policies.js';

describe('reloading policy library', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'library-'));
    cpSync(SEED_POLICIES, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('swaps in a replaced policy with its index already built, and reports it', async () => {
    const lib = await loadReloadingLibrary(dir);
    const before = lib.index('hardmoor');
    writeFileSync(join(dir, 'hardmoor.txt'), readFileSync(join(dir, 'hardmoor.txt'), 'utf8').replace('strictly forbidden', 'not allowed'));
    const report = await lib.reload();
    assert.deepEqual(report.replaced.map((s) => s.id), ['hardmoor']);
    assert.deepEqual([report.added, report.removed], [[], []]);
    const after = lib.index('hardmoor');
    assert.notEqual(after, before);
    assert.equal(after.policy.school.version, lib.policy('hardmoor')!.school.version);
    assert.ok(lib.policy('hardmoor')!.clauses.some((c) => c.text.includes('is not allowed, whether')));
    assert.equal(before.policy.clauses.some((c) => c.text.includes('is not allowed, whether')), false, 'the old index is left whole');
  });

  it('reports schools added and removed, and nothing when nothing changed', async () => {
    const lib = await loadReloadingLibrary(dir);
    assert.deepEqual(await lib.reload(), { added: [], replaced: [], removed: [], problems: [] });
    cpSync(join(dir, 'cadmus.txt'), join(dir, 'cadmus-copy.txt'));
    writeFileSync(join(dir, 'cadmus-copy.txt'), readFileSync(join(dir, 'cadmus.txt'), 'utf8').replace('school: cadmus', 'school: cadmus-two'));
    rmSync(join(dir, 'lfssq.txt'));
    const report = await lib.reload();
    assert.deepEqual(report.added.map((s) => s.id), ['cadmus-two']);
    assert.deepEqual(report.removed, ['lfssq']);
    assert.ok(lib.policy('cadmus-two') && !lib.policy('lfssq'));
  });

  it('keeps the last good version of a policy whose file cannot be read now', async () => {
    const lib = await loadReloadingLibrary(dir);
    const version = lib.policy('cadmus')!.school.version;
    writeFileSync(join(dir, 'cadmus.txt'), Buffer.from([0, 1, 2, 3, 0xff]));
    const report = await lib.reload();
    assert.equal(report.problems.length, 1);
    assert.equal(lib.policy('cadmus')!.school.version, version);
    assert.ok(lib.search('cadmus', 'friend pupils social media').length > 0);
  });
});
