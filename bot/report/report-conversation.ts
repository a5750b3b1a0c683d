// Runs the report for one person: starts it (as a form and as typed questions), takes typed answers
// with the flow state kept in the store, and submits it from either the conversation or the form.

import type { BotContext } from '../bot-context.js';
import type { Actor, BotResponse, Where } from '../events.js';
import { respond } from '../events.js';
import type { ReportFields } from '../escalations/model.js';
import type { FlowRecord } from '../ports/store.js';
import { textReply, type Block } from '../reply.js';
import { allegationWarning, guidanceSituation, isAllegation } from './allegation.js';
import { findGuidance, guidanceBlocks } from './guidance.js';
import { reportForm } from './report-form.js';
import { answerFlow, isFlowState, startFlow, stepReply, type FlowState } from './report-flow.js';
import { safetyBlocks } from './routing.js';
import { submitReport } from './submit-report.js';
import { validateReport } from './validate-report.js';

export const movedToDm = "Thanks. I've sent you a direct message so we can take this further privately.";

export function flowKey(actor: Actor): string {
  return `report:${actor.school}:${actor.platform}:${actor.userId}`;
}

/**
 * Starts a report. The response carries both `form` (for adapters that can open one: they open it
 * and skip `direct`) and the first typed question in `direct` (for those that cannot: the console,
 * or Slack/Teams when no form can be opened from a plain message). From a channel, `replies` holds
 * one neutral line and nothing else.
 */
export async function startReport(ctx: BotContext, actor: Actor, where: Where, description?: string): Promise<BotResponse> {
  const state = startFlow(actor.school, ctx.clock.now());
  await ctx.store.saveFlow(flowKey(actor), state);
  const intro: Block[] = [{ kind: 'text', text: "Let's report it. I'll ask a few questions; it takes a minute or two. Words and links only: never send images." }];
  return respond({
    replies: where === 'channel' ? [textReply(movedToDm)] : [],
    direct: [stepReply(state, intro)],
    form: reportForm(description ? { description } : undefined),
  });
}

/** Shows where a report in progress had got to (someone typed 'report' again). */
export function resumeReport(state: FlowState): BotResponse {
  const notice: Block = { kind: 'text', text: "You already have a report in progress; here is where you were. Type 'start again' to restart it.", tone: 'notice' };
  return respond({ replies: [stepReply(state, [notice])] });
}

/** The saved flow for this person, if one is in progress. */
export async function activeFlow(ctx: BotContext, actor: Actor): Promise<FlowState | undefined> {
  const record: FlowRecord | undefined = await ctx.store.getFlow(flowKey(actor));
  return record && isFlowState(record.state) && record.state.school === actor.school ? record.state : undefined;
}

/**
 * Takes a typed answer. Resolves undefined when the text is clearly not an answer to a report that
 * has not really begun (no answers yet, a sentence that fits no question): then it is a question.
 */
export async function continueReport(ctx: BotContext, actor: Actor, state: FlowState, text: string): Promise<BotResponse | undefined> {
  const result = answerFlow(state, text, ctx.clock.now());
  if (state.step === 0 && Object.keys(state.values).length === 0 && result.kind === 'ask' && result.state.step === 0 &&
      Object.keys(result.state.values).length === 0 && text.trim().split(/\s+/).length > 3) {
    await ctx.store.deleteFlow(flowKey(actor));
    return undefined;
  }
  if (result.kind === 'cancelled') {
    await ctx.store.deleteFlow(flowKey(actor));
    return respond({ replies: [textReply('Report cancelled; nothing was sent. Type \'report\' to start again.')] });
  }
  if (result.kind === 'submit') return finish(ctx, actor, result.fields, 'replies');
  await ctx.store.saveFlow(flowKey(actor), result.state);
  const before: Block[] = result.notices.map((text): Block => ({ kind: 'text', text, tone: 'notice' }));
  before.push(...afterAnswer(ctx, actor, state, result.state));
  return respond({ replies: [stepReply(result.state, before)] });
}

/** What to say between questions: safety advice once the kind is known, the policy once we know who and what. */
function afterAnswer(ctx: BotContext, actor: Actor, before: FlowState, after: FlowState): Block[] {
  const v = after.values as Partial<Record<keyof ReportFields, string>>;
  const isNew = (name: keyof ReportFields) => v[name] !== undefined && v[name] !== before.values[name];
  const blocks: Block[] = [];
  const fields = v as Partial<ReportFields>;
  if (isNew('category')) blocks.push(...safetyBlocks({ category: fields.category }));
  if (isNew('about')) {
    if (isAllegation(fields)) blocks.push({ kind: 'text', text: allegationWarning(fields.about), tone: 'urgent' });
    blocks.push(...guidanceBlocks(findGuidance(ctx.library, actor.school, guidanceSituation(fields))));
  }
  return blocks;
}

/** A submitted report form: every field checked; errors go back to the form, else it is sent. */
export async function submitReportForm(ctx: BotContext, actor: Actor, values: Record<string, string>): Promise<BotResponse> {
  const checked = validateReport(values, ctx.clock.now());
  if (!checked.ok) return respond({ formErrors: checked.errors });
  return finish(ctx, actor, checked.fields, 'direct');
}

async function finish(ctx: BotContext, actor: Actor, fields: ReportFields, into: 'replies' | 'direct'): Promise<BotResponse> {
  const { escalation, reply } = await submitReport(ctx, actor, fields);
  // The report is stored: a failure to tidy up the finished flow must not tell the reporter it was
  // not saved (they would send it again). The stale flow is harmless and replaced by the next report.
  await ctx.store.deleteFlow(flowKey(actor)).catch((error: unknown) =>
    ctx.logger.warn('could not delete a finished report flow', { ref: escalation.ref, error: (error as Error).message }),
  );
  return respond({ [into]: [reply] });
}
