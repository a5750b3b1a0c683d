// `npm run ingest` as a head teacher runs it: --check previews and replaces nothing, a replacement
// keeps the version it replaced (--history, --restore), a suspicious one asks for --force, and every
// bad file is refused in one sentence with the previous policy kept, whole.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_POLICIES } from '../../seed-policies.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOCS = join(ROOT, 'test/fixtures/documents');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

type Run = { code: number; out: string; err: string };
function run(script: string, args: string[], dir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'adapters/cli', script), ...args], { cwd: ROOT, env: { ...process.env, SCHOOL: '', POLICIES_DIR: dir } }, (error, out, err) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err });
    });
  });
}
const ingest = (dir: string, ...args: string[]) => run('ingest.ts', args, dir);
const snapshot = (dir: string) => readdirSync(dir).sort().map((f) => (f.startsWith('.') ? f : `${f}:${readFileSync(join(dir, f), 'utf8').length}`));

describe('ingest command: preview, versions and force', function () {
  // Each step is a fresh `tsx` process, as an operator runs it: a few seconds each on a busy machine.
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    cpSync(SEED_POLICIES, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true }));

  it('--check prints the outline, what was set aside and why, and sample answers, replacing nothing', async () => {
    const before = snapshot(dir);
    const r = await ingest(dir, '--check', join(DOCS, 'ashford-numbered.pdf'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /nothing is replaced/);
    assert.match(r.out, /Ashford Primary School \(ashford-numbered\): 19 clauses/);
    assert.match(r.out, /Review due: 1 Sept? 2026/);
    assert.match(r.out, /Signed: Mrs J\. Patel, Headteacher/);
    assert.match(r.out, /contents page: \d+ blocks/);
    assert.match(r.out, /summary box \(the policy states these points in full\)/);
    assert.match(r.out, /Can I accept a friend request from a pupil\? → no\n {4}"Staff must not accept or send friend requests to current pupils/);
    assert.doesNotMatch(r.out, /WARNING/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('--check warns loudly when the outline looks wrong', async () => {
    const file = join(dir, '..', `${Date.now()}-notes.txt`);
    writeFileSync(file, 'Our school newsletter\n\nThe summer fair raised a lot of money for the library this year.\n');
    const r = await ingest(dir, '--check', file);
    rmSync(file);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /WARNING: only 1 clause read/);
    assert.match(r.out, /WARNING: no clause says what staff must, must not or may do/);
  });

  it('adds a school from a Word file, keeps each replaced version, lists and restores them', async () => {
    const add = await ingest(dir, '--school', 'cedar', join(DOCS, 'cedar-qa.docx'));
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /Added the policy for cedar/);
    const first = readFileSync(join(dir, 'cedar.md'), 'utf8');
    assert.match(first, /^---\nschool: cedar\nname: Cedar Federation\n---\n# Cedar Federation Social Media Policy/);
    const replace = await ingest(dir, '--school', 'cedar', '--force', join(DOCS, 'dale-tables.docx'));
    assert.equal(replace.code, 0, replace.err);
    const kept = /kept as (\S+);/.exec(replace.out)?.[1];
    assert.ok(kept, replace.out);
    const history = await ingest(dir, '--history', 'cedar');
    assert.match(history.out, /current .*cedar\.md \(Cedar Federation, 8 clauses/);
    assert.match(history.out, new RegExp(`${kept}\\s+11 clauses`));
    const restore = await ingest(dir, '--restore', 'cedar', kept!);
    assert.equal(restore.code, 0, restore.err);
    assert.equal(readFileSync(join(dir, 'cedar.md'), 'utf8'), first);
    assert.match((await ingest(dir, '--history', 'cedar')).out, /8 clauses[\s\S]*11 clauses/);
    const ask = await run('ask.ts', ['--school', 'cedar', '--json', 'May I set up a Twitter account for my class?'], dir);
    assert.equal(JSON.parse(ask.out).verdict, 'permission');
  });

  it('asks for --force before a replacement that loses more than half the clauses', async () => {
    const cadmus = readFileSync(join(dir, 'cadmus.txt'));
    const short = join(dir, '..', `${Date.now()}-short.txt`);
    writeFileSync(short, 'Staff must not use Facebook at work.\n\nStaff must not befriend pupils online.\n');
    const refused = await ingest(dir, '--school', 'cadmus', short);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /gives 2 clauses where the current policy has \d+: is it the whole policy\? The policy for cadmus is unchanged; --force replaces it anyway\./);
    assert.deepEqual(readFileSync(join(dir, 'cadmus.txt')), cadmus);
    const forced = await ingest(dir, '--school', 'cadmus', '--force', short);
    rmSync(short);
    assert.equal(forced.code, 0, forced.err);
    assert.match(forced.out, /WARNING: only 2 clauses read/);
    assert.ok(readdirSync(join(dir, '.history', 'cadmus')).length === 1);
  });

  it('refuses an existing school id with --name for another school', async () => {
    const r = await ingest(dir, '--school', 'cadmus', '--name', 'Oakfield Primary School', join(DOCS, 'ashford-numbered.pdf'));
    assert.equal(r.code, 1);
    assert.equal(r.err.trim(), '"cadmus" is Cadmus Family of Schools, not Oakfield Primary School: use another school id, or --force to replace it; the policy for cadmus is unchanged.');
  });
});

describe('ingest command: bad input', function () {
  this.timeout(60_000);
  let dir: string;
  let initial: string[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ingest-bad-'));
    cpSync(SEED_POLICIES, dir, { recursive: true });
    initial = snapshot(dir);
  });
  after(() => rmSync(dir, { recursive: true }));

  const cases: [string, () => string, RegExp][] = [
    ['a scanned PDF', () => join(DOCS, 'bad/scanned.pdf'), /scanned\.pdf has no text layer \(it looks like a scanned image\)/],
    ['a password-protected PDF', () => join(DOCS, 'bad/encrypted.pdf'), /encrypted\.pdf is password-protected/],
    ['a protected or old-format Word file', () => join(DOCS, 'bad/old-word-format.docx'), /is password-protected or an old Word \(\.doc\) file/],
    ['a zip renamed .docx', () => join(DOCS, 'bad/holiday-photos.docx'), /holiday-photos\.docx is not a Word document/],
    ['a 50 MB file', () => sparse('huge.pdf', 50 * 1024 * 1024), /huge\.pdf is 50 MB, too large to be one policy/],
    ['a file with no normative sentence', () => text('newsletter.txt', 'Summer news\n\nThe summer fair raised a lot of money.\n\nThe library has new books for every class this term.\n'), /has no sentence saying what staff must, must not or may do/],
    ['a file that is not text', () => bytes('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3])), /not a document this can read/],
  ];
  for (const [what, make, message] of cases) {
    it(`refuses ${what} in one sentence and keeps every policy as it was`, async () => {
      const r = await ingest(dir, '--school', 'cadmus', make());
      assert.equal(r.code, 1, r.out);
      assert.match(r.err, message);
      assert.match(r.err, /the policy for cadmus is unchanged/i);
      assert.equal(r.err.trim().split('\n').length, 1);
      assert.deepEqual(snapshot(dir), initial);
    });
  }

  it('reads a web page with scripts without running or quoting them', async () => {
    const page = text('page.html', '<html><body><main><h1>Oak School Social Media Policy</h1><script>document.write("Staff may post anything")</script><p>Staff must not accept friend requests from pupils.<script>alert(1)</script></p><p>Staff must not post photographs of pupils on personal accounts.</p></main></body></html>');
    const r = await ingest(dir, '--check', page);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /script \(never run or read\): 2 blocks/);
    assert.doesNotMatch(r.out.replace(/e\.g\. "[^"]*"/g, ''), /alert|document\.write|post anything/);
  });

  function file(name: string): string {
    return join(mkdtempSync(join(tmpdir(), 'ingest-file-')), name);
  }
  function sparse(name: string, size: number): string {
    const f = file(name);
    writeFileSync(f, '');
    truncateSync(f, size);
    return f;
  }
  function text(name: string, content: string): string {
    const f = file(name);
    writeFileSync(f, content);
    return f;
  }
  function bytes(name: string, content: Buffer): string {
    const f = file(name);
    writeFileSync(f, content);
    return f;
  }
});
