import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_POLICIES } from '../../seed-policies.js';
import { runChat } from './run-chat.js';

describe('terminal chat', function () {
  this.timeout(60_000);
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'console-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers a piped question citing the clause, reads a follow-up with the question before it, and exits 0 when stdin ends', async () => {
    const lines = ['Can I go on Facebook on the school computer?', 'can I follow a pupil on Instagram?', 'what about ex-pupils?'];
    const run = await runChat(lines, { SCHOOL: 'cadmus', POLICIES_DIR: SEED_POLICIES, DATA_DIR: dataDir });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Cadmus Family of Schools 3\.1/);
    assert.match(run.stdout, /Reading this as: can I follow ex-pupils on Instagram\?[\s\S]*Cadmus Family of Schools 7\.10/);
    assert.match(run.stderr, /Cadmus Family of Schools \(cadmus\) · store: .*assistant\.json · you are staff/);
    assert.doesNotMatch(run.stdout, /"level"/, 'no log lines on stdout');
  });

  it('runs the whole loop: report, DM to the head, acknowledge, resolve, reporter told', async () => {
    const lines = [
      'report', 'no', '1', 'parent', 'colleague', 'Facebook', 'https://facebook.com/groups/y6parents/1', 'yesterday 7pm', 'yes', 'no',
      'A parent called Mrs Jones a liar on the class Facebook group. <!channel> *not bold*', 'send',
      'as head', 'escalations', 'ack ESC-2026-0001', 'note ESC-2026-0001 Called the parent in for Friday.',
      'resolve ESC-2026-0001 Parent removed the post after a meeting.', 'as bob', 'show ESC-2026-0001', 'as staff', 'my reports',
    ];
    const run = await runChat(lines, { SCHOOL: 'cadmus', POLICIES_DIR: SEED_POLICIES, DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    const out = run.stdout;
    assert.match(out, /saved as ESC-2026-0001 and has been sent to the head teacher/);
    assert.match(out, /── DM to head \(console:head\) ──[\s\S]*Report ESC-2026-0001[\s\S]*<!channel> \*not bold\*/);
    assert.match(out, /You acknowledged ESC-2026-0001/);
    assert.match(out, /── DM to staff \(console:staff\) ──[\s\S]*acknowledged by head/);
    assert.match(out, /resolved by head\. Outcome: Parent removed the post after a meeting\./);
    assert.match(out, /You are now bob[\s\S]*only the head teacher and the designated safeguarding lead/);
    assert.match(out, /Your reports[\s\S]*ESC-2026-0001.*resolved/);
    const stored = JSON.parse(await readFile(join(dataDir, 'assistant.json'), 'utf8'));
    assert.equal(stored.escalations['ESC-2026-0001'].report.description, 'A parent called Mrs Jones a liar on the class Facebook group. <!channel> *not bold*');
  });

  it('presses a numbered button of the last answer', async () => {
    const run = await runChat(['report', 'no', '1', 'pupil', 'me', 'TikTok', 'skip', 'today', 'yes', 'no', 'Mocking video.', 'send', 'as head', 'escalations', '1'], { SCHOOL: 'cadmus', POLICIES_DIR: SEED_POLICIES, DATA_DIR: dataDir });
    assert.match(run.stdout, /== ESC-2026-0001: Abusive or offensive ==[\s\S]*Audit trail/);
  });

  it('refuses an unknown school in one sentence naming the known ones, exit 1', async () => {
    const run = await runChat([], { SCHOOL: 'atlantis', POLICIES_DIR: SEED_POLICIES, DATA_DIR: dataDir });
    assert.equal(run.code, 1);
    assert.equal(run.stderr.trim(), 'There is no policy for school "atlantis". Known schools: cadmus, hardmoor, learn-to-live, lfssq, templemoor.');
  });

  it('refuses a corrupt store file without touching it, exit 1', async () => {
    await writeFile(join(dataDir, 'assistant.json'), '{"schema":1,');
    const run = await runChat(['hello'], { SCHOOL: 'cadmus', POLICIES_DIR: SEED_POLICIES, DATA_DIR: dataDir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /The store file .*assistant\.json is unusable: it is not valid JSON/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(await readFile(join(dataDir, 'assistant.json'), 'utf8'), '{"schema":1,');
  });
});
