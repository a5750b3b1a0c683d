// The ask, eval and ingest commands run as child processes, as operators run them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_POLICIES } from '../../seed-policies.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'adapters/cli', script), ...args], { cwd: ROOT, env: { ...process.env, SCHOOL: '', ...env } }, (error, out, err) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err });
    });
  });
}

describe('ask command', () => {
  it('answers in text with verdict, quoted clause, citation and who to ask', async () => {
    const r = await run('ask.ts', ['--school', 'cadmus', 'Can I go on Facebook on the school computer?']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^No — /);
    assert.match(r.out, /> Staff are not allowed to access social media websites/);
    assert.match(r.out, /section 3\.1 \(Personal use of social media at work\)/);
    assert.match(r.out, /If in doubt, ask your Headteacher\/Principal/);
  });

  it('answers one JSON object with --json, the school from SCHOOL', async () => {
    const r = await run('ask.ts', ['--json', 'Can I befriend pupils on social media?'], { SCHOOL: 'cadmus' });
    const j = JSON.parse(r.out);
    assert.equal(j.school, 'cadmus');
    assert.equal(j.verdict, 'no');
    assert.equal(j.clauses[0].id, 'cadmus-7.8');
  });

  it('names the known schools for an unknown one and exits 2', async () => {
    const r = await run('ask.ts', ['--school', 'nowhere', 'Can I?']);
    assert.equal(r.code, 2);
    assert.match(r.err, /known schools are cadmus, hardmoor, learn-to-live, lfssq, templemoor/);
  });

  it('answers a batch in order, reports a broken line by number and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ask-'));
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'a', school: 'cadmus', question: 'Can I go on Facebook on the school computer?' }),
      '{"id": "b", "school": ',
      JSON.stringify({ id: 'c', school: 'hardmoor', question: 'Where do I park my car?' }),
    ].join('\n'));
    const r = await run('ask.ts', ['--json', '--batch', file]);
    rmSync(dir, { recursive: true });
    assert.notEqual(r.code, 0);
    assert.match(r.err, /line 2/);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.id, l.verdict]), [['a', 'no'], ['c', 'unknown']]);
  });
});

describe('eval command', () => {
  it('scores a question file as JSON', async () => {
    const r = await run('eval.ts', [join(ROOT, 'test/questions/hardmoor.jsonl'), '--json']);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out);
    assert.equal(j.overall.questions, 18);
    for (const k of ['verdict', 'hit1', 'hit3', 'intent']) assert.ok(j.overall[k] >= 0 && j.overall[k] <= 1, k);
    assert.ok(j.schools.hardmoor);
  });
});

describe('ingest command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policies-'));
    cpSync(SEED_POLICIES, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true }));

  const bad: [string, Buffer | string, RegExp][] = [
    ['an empty file', '', /is empty/],
    ['a binary file', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 1, 2, 0xff]), /not a document this can read/],
    ['a file with no clauses', 'Hello\n\nWorld\n', /No clauses could be read/],
  ];
  for (const [what, content, message] of bad) {
    it(`refuses ${what} and keeps the previous policy`, async () => {
      const before = readFileSync(join(dir, 'cadmus.txt'));
      const file = join(dir, 'new.bin');
      writeFileSync(file, content);
      const r = await run('ingest.ts', ['--school', 'cadmus', file], { POLICIES_DIR: dir });
      rmSync(file);
      assert.equal(r.code, 1);
      assert.match(r.err, message);
      assert.equal(r.err.trim().split('\n').length, 1);
      assert.deepEqual(readFileSync(join(dir, 'cadmus.txt')), before);
    });
  }

  it('adds a new school from Markdown and prints the outline it understood', async () => {
    const r = await run('ingest.ts', ['--school', 'oakfield', '--name', 'Oakfield Academy', join(ROOT, 'test/fixtures/policies/oakfield.md')], { POLICIES_DIR: dir });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Added the policy for oakfield/);
    assert.match(r.out, /Oakfield Academy \(oakfield\): \d+ clauses/);
    assert.match(r.out, /Set aside/);
    assert.match(readFileSync(join(dir, 'oakfield.md'), 'utf8'), /^---\nschool: oakfield\nname: Oakfield Academy\n---\n/);
    const ask = await run('ask.ts', ['--school', 'oakfield', '--json', 'Is filming allowed at the swimming pool?'], { POLICIES_DIR: dir });
    assert.equal(JSON.parse(ask.out).verdict, 'no');
  });
});
