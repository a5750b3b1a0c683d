// Retention and export over every store (lowdb, PostgreSQL): the core's daily pass reducing
// resolved escalations, child protection only once the DSL has confirmed it is recorded, and
// exports in chat and from the command line, each written to the audit trail.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as exportCli } from '../../../adapters/cli/export.js';
import type { Store } from '../../../bot/ports/store.js';
import { allText, makeHarness, type Harness } from '../../bot/harness.js';
import { SEED_POLICIES } from '../../seed-policies.js';

export interface RetentionUnderTest {
  store: Store;
  /** The environment and arguments that reach the same store from `npm run export`. */
  cli: { env: Record<string, string>; args: string[] };
  /** Closes the store so that the command line may open it (the file store admits one process). */
  release(): Promise<void>;
  /** The store again after the command line has used it (reopened, for the file store). */
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

const dayMs = 24 * 3600 * 1000;
const monthMs = 31 * dayMs;

/** Registers the suite for one store; each test gets a fresh, empty store. */
export function describeRetentionExportContract(name: string, make: () => Promise<RetentionUnderTest>): void {
  describe(`Retention and export: ${name}`, function () {
    this.timeout(60_000);
    let under: RetentionUnderTest;
    let h: Harness;
    beforeEach(async () => {
      under = await make();
    });
    afterEach(() => under.cleanup());

    const start = (people = {}) => makeHarness({ store: under.store, people: { safeguardingSystem: 'CPOMS', ...people } }).then((x) => (h = x));
    const later = async (ms: number) => {
      h.clock.advance(ms);
      await h.bot.runDueWork();
    };

    it('reduces a resolved report after the retention period to its reference, kind, dates and outcome kind, once, with an audit line', async () => {
      await start();
      const { ref } = await h.report('ann', { description: 'A pupil called Mr Brown a clown on TikTok.' });
      await h.say('head', `note ${ref} Spoke to the pupil's parents.`);
      await h.say('head', `resolve ${ref} Post removed after a meeting with the parents.`);
      await h.bot.runDueWork();
      const resolved = (await under.store.getEscalation(ref))!;
      assert.equal(resolved.outcomeKind, 'removed');

      await later(11 * monthMs);
      assert.equal((await under.store.getEscalation(ref))!.reduced, undefined, 'not before 12 months');
      await later(2 * monthMs);
      const reduced = (await under.store.getEscalation(ref))!;
      assert.ok(reduced.reduced);
      assert.deepEqual(
        [reduced.ref, reduced.report.category, reduced.createdAt, reduced.resolvedAt, reduced.outcomeKind, reduced.status],
        [ref, 'abusive', resolved.createdAt, resolved.resolvedAt, 'removed', 'resolved'],
      );
      assert.deepEqual([reduced.report.description, reduced.report.platform, reduced.reporter.userId, reduced.outcome, reduced.notes, reduced.recipients, reduced.guidance], ['', '', 'removed', undefined, [], [], []]);
      assert.doesNotMatch(JSON.stringify(reduced), /Brown|clown|TikTok|parents|ann/);
      const audit = await under.store.listAudit(ref);
      assert.deepEqual(audit.map((a) => [a.action, a.actor]), [['reduced', 'system']]);
      assert.match(audit[0].reason ?? '', /resolved more than 12 months ago/);
      assert.deepEqual(await under.store.listDeliveries(ref), []);
      await later(dayMs);
      assert.equal((await under.store.getEscalation(ref))!.version, reduced.version, 'reduced once');
      assert.match(allText(await h.say('head', `show ${ref}`)), /\(reduced\)[\s\S]*Outcome: post removed[\s\S]*removed under the school's retention policy/);
    });

    it('never reduces child protection until the DSL confirms it is in the safeguarding system, reminding the DSL weekly', async () => {
      await start();
      const { ref } = await h.report('ann', { category: 'child-at-risk', about: 'pupil', description: 'A Year 5 girl posted that she is scared to go home.' });
      await h.say('dsl', `resolve ${ref} Referred to children's social care.`);
      await h.bot.runDueWork();
      const reminder = h.notifier.to('dsl').find((m) => m.reply.preview === `Please confirm ${ref} is recorded in CPOMS`);
      assert.ok(reminder, 'the DSL is asked at resolution');
      assert.doesNotMatch(reminder.reply.text, /Year 5|scared/);
      assert.equal((await under.store.getEscalation(ref))!.outcomeKind, 'referred');

      await later(13 * monthMs);
      assert.equal((await under.store.getEscalation(ref))!.reduced, undefined, 'not reduced by time alone');
      const reminders = (await under.store.listAudit(ref)).filter((a) => a.action === 'record-reminder-sent');
      assert.equal(reminders.length, 1);
      await later(dayMs);
      assert.equal((await under.store.listAudit(ref)).filter((a) => a.action === 'record-reminder-sent').length, 1, 'weekly, not daily');

      assert.match(allText(await h.say('head', `recorded ${ref}`)), /Only the designated safeguarding lead confirms/);
      assert.match(allText(await h.say('dsl', `recorded ${ref}`)), /confirmed as recorded in CPOMS/);
      assert.ok((await under.store.listAudit(ref)).some((a) => a.action === 'recorded-in-safeguarding-system' && a.actor !== 'system' && a.actor.userId === 'dsl'));
      await later(dayMs);
      const reduced = (await under.store.getEscalation(ref))!;
      assert.ok(reduced.reduced);
      assert.match(reduced.reduced.reason, /recorded in CPOMS/);
      assert.doesNotMatch(JSON.stringify(reduced), /Year 5|scared|social care/);
    });

    it('deletes logged questions older than the school\'s period (180 days unless set), and those of a school no longer served after the longest', async () => {
      await start();
      const asked = async (who: string, n: number) => {
        await h.say(who, 'Can I be friends with parents on Facebook?');
        for (let i = 0; i < 100 && (await under.store.listQuestions({ school: 'cadmus' })).length < n; i++) await new Promise((r) => setTimeout(r, 5));
      };
      await asked('ann', 1);
      await under.store.logQuestion({ ...(await under.store.listQuestions({ school: 'cadmus' }))[0], id: 'orphan', school: 'closed-school' });
      await later(100 * dayMs);
      await asked('bob', 2);
      await later(79 * dayMs);
      assert.equal((await under.store.listQuestions({ school: 'cadmus' })).length, 2, 'both kept at 179 days');
      await later(2 * dayMs);
      const left = await under.store.listQuestions({ school: 'cadmus' });
      assert.deepEqual(left.map((q) => q.by.userId), ['bob']);
      assert.equal(await under.store.getQuestion('orphan'), undefined);
    });

    it('keeps logged questions, and the 👍/👎 given on answers, for the days BOT_CONFIG gives the school', async () => {
      await start({ questionRetentionDays: 30 });
      await h.say('ann', 'Can I be friends with parents on Facebook?');
      for (let i = 0; i < 100 && (await under.store.listQuestions({ school: 'cadmus' })).length < 1; i++) await new Promise((r) => setTimeout(r, 5));
      const [asked] = await under.store.listQuestions({ school: 'cadmus' });
      await under.store.addFeedback({ answerId: asked!.answerId, school: 'cadmus', question: asked!.text, clauseIds: asked!.clauseIds, verdict: asked!.verdict, helpful: false, by: asked!.by, at: asked!.at });
      await later(29 * dayMs);
      assert.equal((await under.store.listQuestions({ school: 'cadmus' })).length, 1);
      assert.equal((await under.store.listFeedback()).length, 1);
      await later(2 * dayMs);
      assert.deepEqual(await under.store.listQuestions({ school: 'cadmus' }), []);
      assert.deepEqual(await under.store.listFeedback(), [], 'the feedback holds the question and who asked: it goes with it');
    });

    it('runs once a day across instances sharing the store', async () => {
      let passes = 0;
      const counting: Store = { ...under.store, listEscalations: (q) => ((q.status?.includes('resolved') ? passes++ : 0), under.store.listEscalations(q)) };
      const [a, b] = await Promise.all([1, 2].map(() => makeHarness({ store: counting })));
      for (const x of [a, b]) x.clock.set('2026-06-01T08:00:00.000Z');
      await Promise.all([a.bot.runDueWork(), b.bot.runDueWork(), a.bot.runDueWork(), b.bot.runDueWork()]);
      assert.equal(passes, 1, 'one instance, once');
      for (const x of [a, b]) x.clock.set('2026-06-02T08:00:00.000Z');
      await Promise.all([a.bot.runDueWork(), b.bot.runDueWork()]);
      assert.equal(passes, 2, 'and again the next day');
    });

    it("follows the school's own retention period", async () => {
      await start({ retentionMonths: 2 });
      const { ref } = await h.report('ann', {});
      await h.say('head', `resolve ${ref} No further action.`);
      await later(3 * monthMs);
      assert.ok((await under.store.getEscalation(ref))!.reduced);
    });

    it('exports in chat to heads and DSLs only, in the safeguarding system\'s order, and audits it', async () => {
      await start();
      const { ref } = await h.report('ann', { poster: 'parent', category: 'defamatory', description: 'A parent wrote that Mrs Khan lies to parents.' });
      await h.say('head', `ack ${ref}`);
      const exported = allText(await h.say('head', `export ${ref}`));
      const order = ['== Concern', 'Reference: ', '== Date and time', '== Who', 'Reported by: ann', '== The facts as reported', 'What it says: A parent wrote that Mrs Khan lies to parents.', "== Advice given to the reporter", '== Routing', '== Outcome', '== Decisions and actions'];
      const text = exported.replace(/^(Concern|Date and time|Who|The facts as reported|Advice given to the reporter.*|Routing|Notes|Outcome|Decisions and actions.*)$/gm, '== $1');
      let at = -1;
      for (const piece of order) {
        const next = text.indexOf(piece, at + 1);
        assert.ok(next > at, `"${piece}" after the previous section in:\n${text}`);
        at = next;
      }
      assert.match(exported, /head \(console:head\): exported \(as text, in chat\)/, 'the record carries its own export');
      assert.ok((await under.store.listAudit(ref)).some((a) => a.action === 'exported' && a.actor !== 'system' && a.actor.userId === 'head'));
      assert.match(allText(await h.say('bob', `export ${ref}`)), /only the head teacher and the designated safeguarding lead/);
      assert.ok((await under.store.listAudit(ref)).some((a) => a.action === 'refused' && a.actor !== 'system' && a.actor.userId === 'bob'));
      assert.match(allText(await h.say('head', 'export ESC-2026-0999')), /can't find a report ESC-2026-0999/);
      const otherSchool = await makeHarness({ school: 'templemoor', store: under.store });
      assert.match(allText(await otherSchool.say('head', `export ${ref}`)), new RegExp(`can't find a report ${ref}`));
    });

    it('exports from the command line as text, JSON and PDF, each audited; refuses an unknown or another school\'s reference', async () => {
      await start();
      const { ref } = await h.report('ann', { description: 'A parent wrote that Łukasz Nowak — the PE teacher — is “a disgrace”.' });
      await h.say('head', `resolve ${ref} Spoke to the parent; the post was taken down.`);
      await under.release();
      const dir = await mkdtemp(join(tmpdir(), 'export-cli-'));
      try {
        const run = async (...argv: string[]) => {
          let out = '';
          let err = '';
          const code = await exportCli([...argv, ...under.cli.args, '--by', 'Dana DPO'], {
            out: (t) => void (out += t), err: (l) => void (err += `${l}\n`),
            env: { SCHOOL: 'cadmus', POLICIES_DIR: SEED_POLICIES, SAFEGUARDING_SYSTEM: 'MyConcern', ...under.cli.env },
            cwd: dir,
          });
          return { code, out, err };
        };
        const text = await run(ref);
        assert.equal(text.code, 0, text.err);
        assert.match(text.out, /Cadmus Family of Schools: ESC-\d{4}-\d{4}, Abusive or offensive/);
        assert.match(text.out, /What it says: A parent wrote that Łukasz Nowak — the PE teacher — is “a disgrace”\./);
        assert.match(text.out, /Outcome kind: post removed/);
        const json = await run(ref, '--format', 'json');
        assert.equal(json.code, 0, json.err);
        const record = JSON.parse(json.out) as { ref: string; sections: { title: string }[] };
        assert.equal(record.ref, ref);
        assert.deepEqual(record.sections.map((s) => s.title).slice(0, 4), ['Concern', 'Date and time', 'Who', 'The facts as reported']);
        const pdf = await run(ref, '--format', 'pdf');
        assert.equal(pdf.code, 0, pdf.err);
        const bytes = await readFile(join(dir, `${ref}.pdf`));
        assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
        assert.ok(bytes.length > 2000);
        assert.equal((await run('ESC-2026-0999')).code, 1);
        const other = await run(ref, '--school', 'templemoor');
        assert.equal(other.code, 1);
        assert.match(other.err, /belongs to another school/);
        assert.equal((await run(ref, '--format', 'docx')).code, 2);
        assert.equal((await run('not-a-ref')).code, 2);

        const sar = await run('--person', 'console:head');
        assert.equal(sar.code, 0, sar.err);
        assert.match(sar.out, new RegExp(`${ref} \\(cadmus\\).*received it as head; acknowledged it; resolved it`));
        const named = await run('--person', 'U_NOBODY', '--name', 'Łukasz Nowak');
        assert.match(named.out, new RegExp(`${ref} .*named in the description`));
        assert.equal((await run('--person', 'console:head', '--format', 'pdf')).code, 2);

        const again = await under.reopen();
        const exports = (await again.listAudit(ref)).filter((a) => a.action === 'exported');
        assert.deepEqual(exports.map((a) => a.detail), ['as text, from the command line', 'as json, from the command line', 'as pdf, from the command line', 'listed in a subject access export for console:head', 'listed in a subject access export for U_NOBODY ("Łukasz Nowak")']);
        assert.ok(exports.every((a) => a.actor !== 'system' && a.actor.name === 'Dana DPO'));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
