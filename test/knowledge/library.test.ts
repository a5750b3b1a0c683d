import assert from 'node:assert/strict';
import { loadPolicyLibrary, type PolicyLibrary } from '../../knowledge/library.js';
import { PolicyError } from '../../knowledge/errors.js';
import { SEED_POLICIES } from '../seed-policies.js';

const DIR = SEED_POLICIES;

describe('policy library', () => {
  let lib: PolicyLibrary;
  before(async () => {
    lib = await loadPolicyLibrary(DIR);
  });

  it('loads the five schools from the policies folder', () => {
    assert.deepEqual(lib.schools().map((s) => s.id), ['cadmus', 'hardmoor', 'learn-to-live', 'lfssq', 'templemoor']);
    assert.equal(lib.problems.length, 0);
  });

  it('looks clauses up by id', () => {
    assert.equal(lib.clause('cadmus-7.9')?.section, '7.9');
    assert.equal(lib.clause('nope-1'), undefined);
  });

  it('refuses an unknown school naming the known ones', () => {
    assert.throws(() => lib.search('st-nowhere', 'friend request'), (e: unknown) =>
      e instanceof PolicyError && e.code === 'school_unknown' && /cadmus, hardmoor, learn-to-live, lfssq, templemoor/.test(e.message));
  });

  it('finds guidance clauses by topic', () => {
    const top = (school: string, q: string): string => lib.search(school, q, { limit: 3 }).map((m) => m.clause.text).join('\n');
    assert.match(top('templemoor', 'keep records screen prints do not delete evidence'), /keep records of the abuse/);
    assert.match(top('cadmus', 'LADO allegation'), /Local Authority Designated Officer/);
    assert.match(top('cadmus', 'CEOP illegal content'), /Child Exploitation and Online Protection/);
    assert.match(top('templemoor', 'Prevent radicalisation extremism'), /radicalis/);
    assert.match(top('cadmus', 'pupils posting about staff discipline'), /school discipline policy/);
    assert.match(top('templemoor', 'remove post parent'), /ask the parent\/carer to remove the post/);
  });

  it('returns nothing rather than unrelated clauses', () => {
    assert.deepEqual(lib.search('cadmus', 'designated safeguarding lead'), []);
    assert.deepEqual(lib.search('hardmoor', 'best recipe for flapjacks'), []);
    assert.deepEqual(lib.search('hardmoor', 'CEOP illegal content'), []);
  });

  it('keeps to clauses that bind the party asked for', () => {
    const hits = lib.search('lfssq', 'post photos of other children', { binds: 'parents' });
    assert.ok(hits.length > 0);
    assert.ok(hits.every((m) => m.clause.binds.includes('parents')));
  });

  it('scores between 0 and 1, best first', () => {
    const hits = lib.search('cadmus', 'friend pupils social media');
    assert.ok(hits.length > 1);
    assert.ok(hits.every((m, i) => m.score > 0 && m.score <= 1 && (i === 0 || m.score <= hits[i - 1]!.score)));
  });
});
