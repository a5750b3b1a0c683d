// The weekly digest's configuration: WEEKLY_DIGEST for every school, BOT_CONFIG per school (false:
// none), off by default; a schedule that cannot be read stops start-up naming it.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../adapters/config.js';
import { createDirectory } from '../../adapters/directory.js';
import { isDigestTime, readDigestSchedule } from '../../bot/digest/digest-schedule.js';

describe('weekly digest configuration', () => {
  it('reads "monday 8", "Fri 16:00"; refuses anything else in a sentence', () => {
    assert.deepEqual(readDigestSchedule('monday 8'), { day: 1, hour: 8 });
    assert.deepEqual(readDigestSchedule('Fri 16:00'), { day: 5, hour: 16 });
    for (const bad of ['', 'mo 8', 'monday', 'monday 24', 'constructor 8', '__proto__ 1', 'monday 8pm']) assert.match(String(readDigestSchedule(bad)), /must be a day and an hour/, bad);
  });

  it('is due on its day from its hour, in UK time (summer time included)', () => {
    assert.equal(isDigestTime({ day: 1, hour: 8 }, new Date('2026-03-02T08:00:00Z')), true);
    assert.equal(isDigestTime({ day: 1, hour: 8 }, new Date('2026-03-02T07:59:00Z')), false);
    assert.equal(isDigestTime({ day: 1, hour: 8 }, new Date('2026-03-03T09:00:00Z')), false);
    // 1 June 2026 is a Monday; 07:30 UTC is 08:30 BST.
    assert.equal(isDigestTime({ day: 1, hour: 8 }, new Date('2026-06-01T07:30:00Z')), true);
  });

  it('is off by default, on for every school with WEEKLY_DIGEST, per school in BOT_CONFIG (false turns it off)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'digest-config-'));
    try {
      const file = join(dir, 'bot-config.json');
      await writeFile(file, JSON.stringify({ schools: { cadmus: { digest: 'friday 16' }, lfssq: { digest: false } } }));
      assert.equal(createDirectory(loadConfig({}), 'cadmus').people('cadmus').digest, undefined);
      const directory = createDirectory(loadConfig({ WEEKLY_DIGEST: 'monday 8', BOT_CONFIG: file }), 'cadmus');
      assert.deepEqual(directory.people('cadmus').digest, { day: 5, hour: 16 });
      assert.equal(directory.people('lfssq').digest, undefined);
      assert.deepEqual(directory.people('hardmoor').digest, { day: 1, hour: 8 });
      assert.throws(() => loadConfig({ WEEKLY_DIGEST: 'someday 8' }), /WEEKLY_DIGEST must be a day and an hour/);
      await writeFile(file, JSON.stringify({ schools: { cadmus: { digest: 'mondays at eight' } } }));
      assert.throws(() => loadConfig({ BOT_CONFIG: file }), /digest.*must be a day and an hour/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
