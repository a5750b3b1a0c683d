import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bench = (...args: string[]) => spawnSync('npx', ['tsx', 'bench/run.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run bench', () => {
  it('finds every benchmark the issues name, in a fixed order', () => {
    const run = bench('--list');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), ['answers', 'store', 'slack', 'teams', 'postgres']);
  });

  it('runs only the benchmarks named, and says so when none matches', () => {
    assert.deepEqual(bench('--list', 'teams', 'answers').stdout.trim().split('\n'), ['answers', 'teams']);
    const none = bench('no-such-bench');
    assert.equal(none.status, 0, none.stderr);
    assert.match(none.stdout, /No benchmarks matched/);
  });
});
