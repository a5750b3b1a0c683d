// Safeguarding-grade reports in the terminal chat, run as `npm start` runs it: an allegation about
// a teacher and one about the head, typed as people type, and the DMs each person would receive.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Escalation } from '../../../bot/escalations/model.js';
import { SEED_POLICIES } from '../../seed-policies.js';
import { runChat } from './run-chat.js';

const report = (about: string) => [
  'report', 'yes', 'abusive', 'a parent', about, 'facebook https://x.y/z', 'Tuesday about 8pm', 'yes I took screenshots', 'nobody replied',
  'A parent posted that Mr Smith hits the children in 4B.', 'send',
];

/** Each DM printed, as [to, notification line, body]. */
function dms(stdout: string): { to: string; notification: string; body: string }[] {
  return [...stdout.matchAll(/── DM to \S+ \(console:(\w+)\) ──\n\[notification: ([^\]\n]*)\]\n([\s\S]*?)\n──/g)].map((m) => ({ to: m[1], notification: m[2], body: m[3] }));
}

describe('terminal chat: safeguarding-grade reports', function () {
  this.timeout(60_000);
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'console-safeguarding-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends an allegation about a teacher to the head and the DSL, about the head to the chair and the DSL, with the LADO reminder and no name in any notification', async () => {
    const first = `ESC-${new Date().getFullYear()}-0001`;
    const heads = ['as head', 'help', `export ${first}`, 'as bob', `export ${first}`];
    const run = await runChat([...report('a colleague'), ...report('the head'), ...heads], { SCHOOL: 'cadmus', POLICIES_DIR: SEED_POLICIES, DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Do not tell the person concerned/);
    assert.match(run.stdout, /I've noted the link https:\/\/x\.y\/z, so I won't ask for it again/);
    assert.match(run.stdout, /I've put that down as Tuesday \d{1,2} \w+ \d{4}, 8pm/);
    const sent = dms(run.stdout);
    const alertsFor = (n: string) => sent.filter((d) => new RegExp(`^Urgent report ESC-\\d{4}-${n} needs your attention$`).test(d.notification)).map((d) => d.to).sort();
    assert.deepEqual(alertsFor('0001'), ['dsl', 'head']);
    assert.deepEqual(alertsFor('0002'), ['chair', 'dsl']);
    for (const d of sent) {
      assert.doesNotMatch(d.notification, /Smith|hits|4B/);
      assert.doesNotMatch(d.body, /Smith|4B/);
      assert.match(d.body, /Local Authority Designated Officer \(LADO\) within one working day/);
    }
    assert.match(run.stdout, /For heads, DSLs and the chair of governors[\s\S]*recorded ESC-2026-0001[\s\S]*export ESC-2026-0001/);
    assert.match(run.stdout, /Record of ESC-\d{4}-0001, ready for your safeguarding record system[\s\S]*What it says: A parent posted that Mr Smith hits the children in 4B\./);
    assert.match(run.stdout, /only the head teacher and the designated safeguarding lead/);
    const stored = JSON.parse(await readFile(join(dataDir, 'assistant.json'), 'utf8')) as { escalations: Record<string, Escalation>; audit: { ref: string; action: string }[] };
    assert.deepEqual(stored.audit.filter((a) => a.action === 'exported' || a.action === 'refused').map((a) => [a.ref, a.action]), [[first, 'exported'], [first, 'refused']]);
    for (const e of Object.values(stored.escalations)) {
      assert.deepEqual([e.urgency, e.report.adultConcern, e.report.platform, e.report.link, e.report.evidenceKept, e.report.replied], ['urgent', 'yes', 'facebook', 'https://x.y/z', 'yes', 'no']);
      assert.equal(new Date(e.report.seenAt).getUTCDay(), 2, 'a Tuesday');
      assert.equal(e.report.seenAtAsTyped, 'Tuesday about 8pm');
    }
  });
});
