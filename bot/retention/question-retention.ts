// Retention of logged questions, and of the 👍/👎 feedback that holds a question and who asked it:
// each school's are deleted once older than its period (BOT_CONFIG questionRetentionDays, default
// 180 days). Questions of a school the assistant no longer serves go
// after the longest period any school has, so nothing is kept for ever. Run by the daily pass.

import type { BotContext } from '../bot-context.js';
import { defaultQuestionRetentionDays, type SchoolPeople } from '../people.js';

const dayMs = 24 * 3600 * 1000;

export function questionRetentionDaysOf(people: SchoolPeople): number {
  return people.questionRetentionDays ?? defaultQuestionRetentionDays;
}

/** Deletes the questions (and feedback) past their school's period; resolves how many records went. */
export async function forgetOldQuestions(ctx: Pick<BotContext, 'store' | 'directory' | 'clock'>, schools: string[]): Promise<number> {
  const now = ctx.clock.now().getTime();
  const before = (days: number) => new Date(now - days * dayMs).toISOString();
  let forgotten = 0;
  let longest = defaultQuestionRetentionDays;
  for (const school of schools) {
    const days = questionRetentionDaysOf(ctx.directory.people(school));
    longest = Math.max(longest, days);
    forgotten += await ctx.store.forgetQuestionsBefore(before(days), school);
    forgotten += await ctx.store.forgetFeedbackBefore(before(days), school);
  }
  forgotten += await ctx.store.forgetFeedbackBefore(before(longest));
  return forgotten + (await ctx.store.forgetQuestionsBefore(before(longest)));
}
