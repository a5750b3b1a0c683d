// The weekly digest with two instances sharing one PostgreSQL database and one clock: sent once
// per school per week (never twice, whichever instance runs first), on the school's day and hour,
// and not at all in a week with nothing to say.

import assert from 'node:assert/strict';
import { createBot } from '../../bot/create-bot.js';
import type { Bot } from '../../bot/bot.js';
import { silentLogger } from '../../bot/ports/logger.js';
import { StoreError } from '../../bot/errors.js';
import type { Directory } from '../../bot/people.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { createFakeDirectory } from '../fakes/fake-directory.js';
import { createRecordingNotifier, type RecordingNotifier } from '../fakes/recording-notifier.js';
import { logQuestions } from '../fakes/question-log-fixtures.js';
import { policies } from '../bot/harness.js';
import { makePostgresTestStore } from '../adapters/store/postgres-test-db.js';

const url = process.env.TEST_DATABASE_URL;
const week = 7 * 24 * 3_600_000;

if (!url) {
  describe('weekly digest on PostgreSQL', () => it('is skipped: TEST_DATABASE_URL is not set'));
} else {
  describe('weekly digest on two instances sharing PostgreSQL', function () {
    this.timeout(60_000);

    it('is sent once per school per week, on its day and hour, and not when there is nothing to say', async () => {
      // 2 March 2026 09:00 UTC is a Monday, 09:00 in the UK.
      const clock = createFakeClock('2026-03-02T07:30:00.000Z');
      const base = createFakeDirectory({ heads: ['head', 'deputy'] });
      // cadmus has a digest on Mondays from 8; every other school has none.
      const directory: Directory = { people: (school) => ({ ...base.people(school), ...(school === 'cadmus' ? { digest: { day: 1, hour: 8 } } : {}) }) };
      const first = await makePostgresTestStore(url);
      const second = await makePostgresTestStore(url, { schema: first.schema, migrate: false });
      const library = await policies();
      const instance = (store: typeof first.store): { bot: Bot; notifier: RecordingNotifier } => {
        const notifier = createRecordingNotifier('console');
        return { bot: createBot({ library, store, notifiers: [notifier], directory, clock, logger: silentLogger }), notifier };
      };
      const a = instance(first.store);
      const b = instance(second.store);
      const digests = () => [...a.notifier.sent, ...b.notifier.sent].filter((m) => /This week's questions/.test(m.reply.text));
      const both = () => Promise.all([a.bot.runDueWork(), b.bot.runDueWork()]);
      try {
        await logQuestions(first.store, 12, clock.now(), 'cadmus', 5);
        await logQuestions(first.store, 12, clock.now(), 'lfssq', 5);
        await both();
        assert.equal(digests().length, 0, 'not before 8 on Monday');

        clock.advance(3_600_000); // 08:30
        await both();
        await both();
        assert.deepEqual(digests().map((m) => m.to.userId).sort(), ['deputy', 'head'], 'one digest to each head, from either instance, once');
        const [one] = digests();
        assert.match(one!.reply.text, /Questions asked: 12[\s\S]*Not covered by the policy: 3[\s\S]*👎 not helpful: 0[\s\S]*Waiting for you \(Ask the head\): 0/);
        assert.match(one!.reply.text, /due for review|review/i);
        assert.doesNotMatch(one!.reply.text, /U\d+|Question \d+/, 'counts only');
        assert.equal(digests().filter((m) => m.kind === 'send').length, 2);

        clock.advance(3 * 3_600_000);
        await both();
        assert.equal(digests().length, 2, 'not again the same week');

        clock.advance(week - 4 * 3_600_000 + 3_600_000); // the next Monday, 08:30: last week's questions are over 7 days old
        await both();
        assert.equal(digests().length, 2, 'a week with nothing to say sends nothing');

        const earlier = digests();
        clock.advance(week);
        await logQuestions(second.store, 3, clock.now(), 'cadmus', 2, 'w3-');
        await both();
        await both();
        const third = digests().filter((m) => !earlier.includes(m));
        assert.deepEqual(third.map((m) => m.to.userId).sort(), ['deputy', 'head'], 'the week after, one again to each head');
        for (const m of third) assert.match(m.reply.text, /Questions asked: 3\b/);
      } finally {
        await second.store.close();
        await first.cleanup();
      }
    });

    it('is not lost when the store fails while it is queued: the next hour, either instance queues it, once', async () => {
      const clock = createFakeClock('2026-03-02T08:30:00.000Z'); // Monday 08:30 in the UK
      const base = createFakeDirectory({ heads: ['head'] });
      const directory: Directory = { people: (school) => ({ ...base.people(school), ...(school === 'cadmus' ? { digest: { day: 1, hour: 8 } } : {}) }) };
      const first = await makePostgresTestStore(url);
      const second = await makePostgresTestStore(url, { schema: first.schema, migrate: false });
      const library = await policies();
      let failing = true;
      // The first instance's store loses its connection just as the digest is queued.
      const flaky = Object.assign(Object.create(null), first.store, {
        appendTrail: async (...args: Parameters<typeof first.store.appendTrail>) => {
          if (failing) throw new StoreError('store_unavailable', 'the database went away (test)');
          return first.store.appendTrail(...args);
        },
      }) as typeof first.store;
      const notifierA = createRecordingNotifier('console');
      const notifierB = createRecordingNotifier('console');
      const a = createBot({ library, store: flaky, notifiers: [notifierA], directory, clock, logger: silentLogger });
      const b = createBot({ library, store: second.store, notifiers: [notifierB], directory, clock, logger: silentLogger });
      const digests = () => [...notifierA.sent, ...notifierB.sent].filter((m) => /This week's questions/.test(m.reply.text));
      try {
        await logQuestions(first.store, 4, clock.now(), 'cadmus', 1);
        await a.runDueWork();
        await b.runDueWork();
        assert.equal(digests().length, 0, 'the try failed; the other instance waits for the next hour');
        failing = false;
        clock.advance(3_600_000);
        await Promise.all([a.runDueWork(), b.runDueWork()]);
        await Promise.all([a.runDueWork(), b.runDueWork()]);
        assert.equal(digests().length, 1, 'queued the next hour, once');
      } finally {
        await second.store.close();
        await first.cleanup();
      }
    });
  });
}
