// Tests read the five seed policies from their fixture copy, never from knowledge/policies/, so a
// school that saves its own policy there (or replaces a seed) cannot break `npm test`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_POLICIES } from './seed-policies.js';

const TEST_DIR = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('seed policy fixtures', () => {
  it('holds the five shipped schools', () => {
    assert.deepEqual(readdirSync(SEED_POLICIES).sort(), ['cadmus.txt', 'hardmoor.txt', 'learn-to-live.txt', 'lfssq.txt', 'templemoor.txt']);
  });

  it('is what every test reads: no test names the live policies folder', () => {
    const offenders = sources(TEST_DIR).filter((f) => /['"`/]knowledge\/policies\b/.test(readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '')));
    assert.deepEqual(offenders.map((f) => f.slice(TEST_DIR.length)), []);
  });
});
