// Policies due for review: when the review date a school's policy gives has passed or is within
// 30 days, its head teacher(s) are told by direct message once a week. The store's claim on
// "this policy, this review date, this week" lets only one pass on one instance send it. The
// composition root runs it on its own timer (hourly is plenty), apart from the delivery work.

import type { SchoolInfo } from '../knowledge/types.js';
import { possessive } from './english.js';
import { formatDate } from './format-time.js';
import type { Directory } from './people.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { Notifier } from './ports/notifier.js';
import type { Store } from './ports/store.js';
import { textReply, type Reply } from './reply.js';

/** A reviewer that remembers the week's claims it already made, so its passes cost no store write. */
export function createPolicyReviewer(deps: Omit<PolicyReviewDeps, 'claimed'>): { run(): Promise<number> } {
  const claimed = new Set<string>();
  return { run: () => remindPolicyReviews({ ...deps, claimed }) };
}

/** Days before the review date from which the head is reminded. */
export const reviewNoticeDays = 30;

export interface PolicyReviewDeps {
  schools: () => SchoolInfo[];
  store: Pick<Store, 'claimEvent'>;
  notifiers: Notifier[];
  directory: Directory;
  clock: Clock;
  logger: Logger;
  /** Claims this process already made or lost: checked first, so a pass every few seconds costs no store write. */
  claimed?: Set<string>;
}

/** Sends this week's review reminders not yet sent by any instance; resolves how many DMs went. */
export async function remindPolicyReviews(deps: PolicyReviewDeps): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const school of deps.schools()) {
    const days = school.reviewDue ? daysUntil(school.reviewDue, now) : undefined;
    if (days === undefined || days > reviewNoticeDays) continue;
    const heads = deps.directory.people(school.id).heads;
    if (!heads.length) continue;
    const key = `policy-review:${school.id}:${school.reviewDue}:${isoWeek(now)}`;
    if (deps.claimed?.has(key)) continue;
    const mine = await deps.store.claimEvent(key);
    deps.claimed?.add(key);
    if (!mine) continue;
    const reply = reviewReply(school, now);
    for (const head of heads) {
      const notifier = deps.notifiers.find((n) => n.platform === head.platform);
      try {
        if (!notifier) throw new Error(`no notifier for ${head.platform}`);
        await notifier.sendDirect(head, reply);
        sent++;
      } catch (error) {
        // Next week's reminder is the retry: a review date is not urgent the way a report is.
        deps.logger.warn('policy review reminder not delivered', { school: school.id, to: `${head.platform}:${head.userId}`, error: (error as Error).message });
      }
    }
  }
  if (sent) deps.logger.info('policy review reminders sent', { count: sent });
  return sent;
}

/** "Cadmus Family of Schools' social media policy was due for review on 1 Sep 2026." */
export function reviewSentence(school: SchoolInfo, now: Date): string | undefined {
  if (!school.reviewDue) return undefined;
  const days = daysUntil(school.reviewDue, now);
  const when = formatDate(school.reviewDue);
  const whose = `${possessive(school.name)} social media policy`;
  if (days < 0) return `${whose} was due for review on ${when}.`;
  if (days === 0) return `${whose} is due for review today (${when}).`;
  return `${whose} is due for review on ${when}${days <= reviewNoticeDays ? ` (in ${days} day${days === 1 ? '' : 's'})` : ''}.`;
}

function reviewReply(school: SchoolInfo, now: Date): Reply {
  return textReply(`${reviewSentence(school, now)} When the reviewed policy is ready, ingest it (npm run ingest -- --check FILE first) and staff will be answered from it within seconds.`, 'notice');
}

/** Whole days from `now` (UTC) to an ISO date; negative once it has passed. */
export function daysUntil(iso: string, now: Date): number {
  const due = Date.parse(`${iso}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((due - today) / 86_400_000);
}

/** The ISO week of a date, "2026-W36": one reminder per policy per week. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
