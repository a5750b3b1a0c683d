// The retention pass: once a day, across every instance, logged questions past their school's
// period are deleted, and resolved escalations past the school's retention period are reduced
// (child-protection ones only once the DSL has confirmed they are in the safeguarding system; until
// then the DSL is reminded weekly). Each step is one atomic store update that checks again, so two
// passes, or two instances, never act twice.

import type { BotContext } from '../bot-context.js';
import { safeguardingSystemName } from '../report/routing.js';
import { recordReminderEveryMs, recordReminders } from './record-reminder.js';
import { reduceRecord, retentionState } from './reduce.js';
import { forgetOldQuestions } from './question-retention.js';

export interface RetentionResult {
  reduced: string[];
  reminded: string[];
  /** How many logged questions were deleted. */
  questionsForgotten: number;
}

/** Runs the pass now over every school's resolved escalations and logged questions (`schools`: those served). */
export async function runRetention(ctx: BotContext, schools: string[] = []): Promise<RetentionResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const result: RetentionResult = { reduced: [], reminded: [], questionsForgotten: 0 };
  for (const candidate of await ctx.store.listEscalations({ status: ['resolved'], limit: 1_000_000 })) {
    if (candidate.reduced) continue;
    const people = ctx.directory.people(candidate.school);
    const system = safeguardingSystemName(people);
    const changed = await ctx.store.updateEscalation(candidate.ref, (e) => {
      const state = retentionState(e, people, now, system);
      if (state.kind === 'reduce') {
        return {
          escalation: reduceRecord(e, at, state.reason),
          audit: [{ at, actor: 'system', action: 'reduced', detail: 'kept: reference, kind, dates, outcome kind; removed: people, words, notes, guidance, messages and the audit trail before this line', reason: state.reason }],
          deliveries: [],
          purge: true,
        };
      }
      const last = Date.parse(e.recordReminderAt ?? e.resolvedAt ?? at);
      if (state.kind !== 'awaiting-record' || now.getTime() - last < recordReminderEveryMs) return undefined;
      const deliveries = recordReminders(e, people, system, at);
      return {
        escalation: { ...e, recordReminderAt: at },
        audit: [{ at, actor: 'system', action: 'record-reminder-sent', detail: `not yet confirmed as recorded in ${system}; reminded ${deliveries.map((d) => `${d.to.platform}:${d.to.userId}`).join(', ') || 'nobody configured'}` }],
        deliveries,
      };
    });
    if (changed?.changed) (changed.escalation.reduced ? result.reduced : result.reminded).push(candidate.ref);
  }
  result.questionsForgotten = await forgetOldQuestions(ctx, schools);
  if (result.reduced.length || result.reminded.length || result.questionsForgotten) {
    ctx.logger.info('retention pass', { reduced: result.reduced.length, reminded: result.reminded.length, questionsForgotten: result.questionsForgotten });
  }
  if (result.reminded.length) ctx.worker.kick();
  return result;
}

const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Runs the pass at most once per UK calendar day across every instance: each instance asks the
 * store once a day, and the store's handled-event record lets exactly one of them through.
 */
export function createDailyRetention(ctx: BotContext, schools: () => string[] = () => []): { runIfDue(): Promise<RetentionResult | undefined> } {
  let checkedDay = '';
  return {
    async runIfDue() {
      const day = ukDate.format(ctx.clock.now());
      if (day === checkedDay) return undefined;
      if (!(await ctx.store.claimEvent(`retention:${day}`))) {
        checkedDay = day;
        return undefined;
      }
      checkedDay = day;
      return runRetention(ctx, schools());
    },
  };
}
