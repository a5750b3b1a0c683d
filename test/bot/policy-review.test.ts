// Review-due reminders: once a week per overdue (or soon due) policy, to its heads, never twice
// across two instances sharing a store; and the review date in help.
import assert from 'node:assert/strict';
import { silentLogger } from '../../bot/ports/logger.js';
import { helpReply } from '../../bot/help.js';
import { daysUntil, isoWeek, remindPolicyReviews, reviewSentence, type PolicyReviewDeps } from '../../bot/policy-review.js';
import type { SchoolInfo } from '../../knowledge/types.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { createFakeDirectory } from '../fakes/fake-directory.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { createRecordingNotifier } from '../fakes/recording-notifier.js';

const DAY = 86_400_000;
const school = (reviewDue?: string, id = 'cadmus'): SchoolInfo => ({
  id, name: 'Cadmus Family of Schools', dates: [], contact: 'the head teacher', source: 'policies/cadmus.txt', version: 'ab12cd34', ...(reviewDue ? { reviewDue } : {}),
});

describe('policy review reminders', () => {
  const setup = (schools: SchoolInfo[], heads = ['head', 'deputy']) => {
    const clock = createFakeClock('2026-09-08T09:00:00.000Z');
    const notifier = createRecordingNotifier();
    const store = createMemoryStore();
    const deps = (): PolicyReviewDeps => ({ schools: () => schools, store, notifiers: [notifier], directory: createFakeDirectory({ heads }), clock, logger: silentLogger, claimed: new Set() });
    return { clock, notifier, deps };
  };

  it('tells each head once a week that an overdue policy was due for review', async () => {
    const { clock, notifier, deps } = setup([school('2026-09-01')]);
    const instance = deps();
    assert.equal(await remindPolicyReviews(instance), 2);
    assert.deepEqual(notifier.sent.map((m) => m.to.userId), ['head', 'deputy']);
    assert.match(notifier.sent[0]!.reply.text, /^Cadmus Family of Schools' social media policy was due for review on 1 Sept? 2026\./);
    clock.advance(2 * DAY);
    assert.equal(await remindPolicyReviews(instance), 0, 'the same week: nothing more');
    clock.advance(5 * DAY);
    assert.equal(await remindPolicyReviews(instance), 2, 'the next week: once more');
    assert.equal(notifier.sent.length, 4);
  });

  it('never sends the same week twice across two instances sharing the store', async () => {
    const { notifier, deps } = setup([school('2026-08-01')]);
    const results = await Promise.all([remindPolicyReviews(deps()), remindPolicyReviews(deps()), remindPolicyReviews(deps())]);
    assert.equal(results.reduce((a, b) => a + b, 0), 2);
    assert.deepEqual(notifier.sent.map((m) => m.to.userId).sort(), ['deputy', 'head']);
  });

  it('reminds within 30 days of the date, not before, and never without a date or a head', async () => {
    const soon = setup([school('2026-09-28')]);
    assert.equal(await remindPolicyReviews(soon.deps()), 2);
    assert.match(soon.notifier.sent[0]!.reply.text, /is due for review on 28 Sept? 2026 \(in 20 days\)/);
    const later = setup([school('2026-10-20')]);
    assert.equal(await remindPolicyReviews(later.deps()), 0);
    const none = setup([school(undefined)]);
    assert.equal(await remindPolicyReviews(none.deps()), 0);
    const nobody = setup([school('2026-09-01')], []);
    assert.equal(await remindPolicyReviews(nobody.deps()), 0);
  });

  it('keeps the claim when a DM fails, and says so in the log (next week is the retry)', async () => {
    const { notifier, deps } = setup([school('2026-09-01')], ['head']);
    notifier.failNext(1);
    const warnings: string[] = [];
    const d = { ...deps(), logger: { ...silentLogger, warn: (msg: string) => void warnings.push(msg) } };
    assert.equal(await remindPolicyReviews(d), 0);
    assert.deepEqual(warnings, ['policy review reminder not delivered']);
  });

  it('counts days and weeks in UTC', () => {
    assert.equal(daysUntil('2026-09-01', new Date('2026-09-08T23:59:00Z')), -7);
    assert.equal(isoWeek(new Date('2026-01-01T00:00:00Z')), '2026-W01');
    assert.equal(isoWeek(new Date('2027-01-01T00:00:00Z')), '2026-W53');
  });

  it('shows the review date in help', () => {
    const now = new Date('2026-09-08T09:00:00Z');
    assert.match(helpReply(false, school('2026-09-01'), now).text, /Cadmus Family of Schools' social media policy was due for review on 1 Sept? 2026\. It was read from cadmus\.txt \(version ab12cd34\)\./);
    assert.equal(reviewSentence(school(undefined), now), undefined);
    assert.doesNotMatch(helpReply(false, school(undefined), now).text, /review/);
  });
});
