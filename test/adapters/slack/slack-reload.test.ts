// Live reload in a running Slack app: an ingest into the policies folder changes the next answer,
// with no restart, and the log says which version of the policy now answers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../../bot/ports/logger.js';
import { watchPolicies, type PolicyWatch } from '../../../adapters/policy-watch.js';
import { loadReloadingLibrary, type ReloadingLibrary } from '../../../knowledge/reloading-library.js';
import { SEED_POLICIES } from '../../seed-policies.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { realCore, STAFF } from './real-core.js';
import { dmEvent } from './slack-requests.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NEW_POLICY = `Cadmus Family of Schools Social Media Policy

1. Use at work

1.1 Staff may use social media websites on school computers during their lunch break, provided no pupils are present.

1.2 Staff must not accept friend requests from pupils.
`;

function ingest(dir: string, file: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'adapters/cli/ingest.ts'), '--school', 'cadmus', '--force', file], { cwd: ROOT, env: { ...process.env, POLICIES_DIR: dir } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }));
  });
}

describe('Slack app: live reload of an ingested policy', function () {
  this.timeout(60_000);
  let dir: string;
  let h: SlackHarness;
  let library: ReloadingLibrary;
  let watch: PolicyWatch;
  const logged: { msg: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (msg, fields) => logged.push({ msg, ...(fields ? { fields } : {}) }),
    warn: (msg, fields) => logged.push({ msg, ...(fields ? { fields } : {}) }),
    error: (msg, fields) => logged.push({ msg, ...(fields ? { fields } : {}) }),
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reload-'));
    cpSync(SEED_POLICIES, dir, { recursive: true });
    library = await loadReloadingLibrary(dir);
    watch = watchPolicies(library, { intervalMs: 100, logger });
    h = await startSlackHarness({ core: (config) => realCore(config, {}, undefined, library) });
  });
  after(async () => {
    watch.stop();
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function ask(question: string): Promise<string> {
    const before = h.api.callsTo('chat.postMessage').length;
    assert.equal((await h.sendEvent(dmEvent(STAFF, question))).status, 200);
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length > before);
    return JSON.stringify(h.api.callsTo('chat.postMessage').at(-1)!.args.blocks);
  }

  it('answers from the new policy within seconds of an ingest, without a restart', async () => {
    const question = 'Can I go on Facebook on the school computer?';
    assert.match(await ask(question), /Staff are not allowed to access social media websites from the school computers/);
    const oldVersion = library.policy('cadmus')!.school.version;
    const file = join(dir, '..', `${Date.now()}-cadmus-new.txt`);
    writeFileSync(file, NEW_POLICY);
    const r = await ingest(dir, file);
    rmSync(file);
    assert.equal(r.code, 0, r.err);
    const deadline = Date.now() + 10_000;
    let answer = '';
    while (Date.now() < deadline) {
      answer = await ask(question);
      if (/during their lunch break/.test(answer)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.match(answer, /Staff may use social media websites on school computers during their lunch break/);
    assert.doesNotMatch(answer, /Staff are not allowed to access social media websites/);
    const reloaded = logged.find((l) => l.msg === 'policy reloaded' && l.fields?.school === 'cadmus');
    assert.ok(reloaded, JSON.stringify(logged));
    assert.notEqual(reloaded.fields?.version, oldVersion);
    assert.equal(reloaded.fields?.version, library.policy('cadmus')!.school.version);
    assert.equal(reloaded.fields?.clauses, 2);
  });

  it('keeps answering from the last good version when a policy file is broken', async () => {
    const version = library.policy('cadmus')!.school.version;
    writeFileSync(join(dir, 'cadmus.txt'), '---\nschool: cadmus\nname: Cadmus Family of Schools\n---\n\n');
    assert.equal(await watch.check(), true);
    assert.equal(library.policy('cadmus')!.school.version, version);
    assert.ok(logged.some((l) => l.msg === 'policy file skipped; the last good version answers'));
    assert.match(await ask('Can I go on Facebook on the school computer?'), /during their lunch break/);
  });
});
