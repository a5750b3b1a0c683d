// Acknowledge, add a note, resolve and show: each access-checked, each applied through one atomic
// store update, so pressing twice (or a platform retrying) changes nothing twice.

import type { BotContext } from '../bot-context.js';
import type { Actor, BotResponse } from '../events.js';
import { respond } from '../events.js';
import { textReply, type Reply } from '../reply.js';
import { isChildProtection, safeguardingSystemName } from '../report/routing.js';
import { formatDate, formatTime } from '../format-time.js';
import { canManage, isReporter, refusalText } from './access.js';
import { alertReply, fullReply, personName, reporterStatus, reporterUpdateReply } from './escalation-replies.js';
import type { AuditDraft, DeliveryDraft, Escalation, EscalationChange } from './model.js';
import { readOutcomeKind } from './outcome-kind.js';
import { rolesOf } from '../people.js';
import { recordReminders } from '../retention/record-reminder.js';

/** How the action arrived: a button (answer in place), a form submission, or a typed command. */
export type Via = 'action' | 'form' | 'message';

const textMax = 3000;

/** Says something to the actor in the way that suits how they asked. */
export function tell(via: Via, reply: Reply, update?: Reply): BotResponse {
  if (via === 'action') return respond({ ephemeral: reply, ...(update ? { update } : {}) });
  if (via === 'form') return respond({ direct: [reply] });
  return respond({ replies: [reply] });
}

type Check = { ok: true; escalation: Escalation } | { ok: false; response: BotResponse };

/** Loads the escalation and checks the actor may act on it; a refusal is recorded in the audit trail. */
export async function checked(ctx: BotContext, actor: Actor, ref: string, via: Via): Promise<Check> {
  const escalation = await ctx.store.getEscalation(ref);
  const people = ctx.directory.people(actor.school);
  if (!escalation || escalation.school !== actor.school) {
    return { ok: false, response: tell(via, textReply(`I can't find a report ${ref}. Check the reference (it looks like ESC-2026-0042).`)) };
  }
  if (!canManage(escalation, people, actor)) {
    await ctx.store.updateEscalation(ref, (e) => ({ escalation: e, audit: [audit(ctx, actor, 'refused', 'tried to act without the role')], deliveries: [] }));
    return { ok: false, response: tell(via === 'message' ? 'message' : 'action', textReply(refusalText, 'notice')) };
  }
  return { ok: true, escalation };
}

export function audit(ctx: BotContext, actor: Actor | 'system', action: AuditDraft['action'], detail?: string, reason?: string): AuditDraft {
  return { at: ctx.clock.now().toISOString(), actor, action, ...(detail ? { detail } : {}), ...(reason ? { reason } : {}) };
}

/** Deliveries that bring every alert already sent about `ref` up to date, and (optionally) tell the reporter. */
async function followUps(ctx: BotContext, e: Escalation, actor: Actor, reporterNews?: 'acknowledged' | 'resolved'): Promise<DeliveryDraft[]> {
  const now = ctx.clock.now().toISOString();
  const system = safeguardingSystemName(ctx.directory.people(e.school));
  const drafts: DeliveryDraft[] = (await ctx.store.listDeliveries(e.ref))
    .filter((d) => d.purpose === 'alert' || d.purpose === 'reminder')
    .map((d) => ({ to: d.to, purpose: 'alert-update', reply: alertReply(e, { safeguardingSystem: system }), nextAttemptAt: now, updates: d.id }));
  if (reporterNews && !(e.reporter.platform === actor.platform && e.reporter.userId === actor.userId)) {
    drafts.push({ to: e.reporter, purpose: 'reporter-update', reply: reporterUpdateReply(e, reporterNews), nextAttemptAt: now });
  }
  // A resolved child-protection concern must be in the safeguarding system: the DSL is asked to confirm.
  if (reporterNews === 'resolved' && isChildProtection(e.report) && !e.safeguardingRecordedAt) {
    drafts.push(...recordReminders(e, ctx.directory.people(e.school), system, now));
  }
  return drafts;
}

/** Applies a change built from the current record; undefined from `build` means "nothing to do". */
async function change(
  ctx: BotContext,
  actor: Actor,
  ref: string,
  build: (e: Escalation) => { escalation: Escalation; audit: AuditDraft[] } | string,
  news?: 'acknowledged' | 'resolved',
): Promise<{ escalation: Escalation } | { refused: string }> {
  let refusal = '';
  const current = await ctx.store.getEscalation(ref);
  const preview = current && build(structuredClone(current));
  const deliveries = preview && typeof preview !== 'string' ? await followUps(ctx, preview.escalation, actor, news) : [];
  const result = await ctx.store.updateEscalation(ref, (e): EscalationChange | undefined => {
    const built = build(e);
    if (typeof built === 'string') {
      refusal = built;
      return undefined;
    }
    return { ...built, deliveries };
  });
  if (!result) return { refused: `I can't find a report ${ref}.` };
  if (!result.changed) return { refused: refusal || `Nothing changed on ${ref}.` };
  ctx.worker.kick();
  return { escalation: result.escalation };
}

export async function acknowledge(ctx: BotContext, actor: Actor, ref: string, via: Via): Promise<BotResponse> {
  const check = await checked(ctx, actor, ref, via);
  if (!check.ok) return check.response;
  const now = ctx.clock.now().toISOString();
  const result = await change(ctx, actor, ref, (e) => {
    if (e.status === 'resolved') return `${ref} is already resolved (by ${personName(e.resolvedBy!)}); nothing changed.`;
    if (e.status === 'acknowledged') return `${ref} was already acknowledged by ${personName(e.acknowledgedBy!)} at ${formatTime(e.acknowledgedAt)}; nothing changed.`;
    return { escalation: { ...e, status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: stripSchool(actor) }, audit: [audit(ctx, actor, 'acknowledged')] };
  }, 'acknowledged');
  return outcome(ctx, actor, via, result, (e) => `You acknowledged ${e.ref}. The reporter has been told.`);
}

export async function addNote(ctx: BotContext, actor: Actor, ref: string, text: string | undefined, via: Via): Promise<BotResponse> {
  const check = await checked(ctx, actor, ref, via);
  if (!check.ok) return check.response;
  const note = (text ?? '').trim();
  if (!note) return tell(via, textReply(`Write the note after the reference, for example: note ${ref} Spoke to the parent.`));
  if (note.length > textMax) return tell(via, textReply(`That note is ${note.length.toLocaleString('en-GB')} characters; please keep it under ${textMax.toLocaleString('en-GB')}.`));
  const now = ctx.clock.now().toISOString();
  const result = await change(ctx, actor, ref, (e) => {
    if (e.status === 'resolved') return `${ref} is resolved; notes can no longer be added.`;
    const last = e.notes[e.notes.length - 1];
    if (last && last.text === note && last.by.userId === actor.userId) return `That note is already on ${ref}; nothing changed.`;
    return { escalation: { ...e, notes: [...e.notes, { at: now, by: stripSchool(actor), text: note }] }, audit: [audit(ctx, actor, 'note-added', note)] };
  });
  return outcome(ctx, actor, via, result, (e) => `Note added to ${e.ref}.`);
}

export async function resolve(ctx: BotContext, actor: Actor, ref: string, text: string | undefined, via: Via): Promise<BotResponse> {
  const check = await checked(ctx, actor, ref, via);
  if (!check.ok) return check.response;
  const outcomeText = (text ?? '').trim();
  if (!outcomeText) return tell(via, textReply(`Say what the outcome was, for example: resolve ${ref} Post removed after a meeting with the parent.`));
  if (outcomeText.length > textMax) return tell(via, textReply(`That outcome is ${outcomeText.length.toLocaleString('en-GB')} characters; please keep it under ${textMax.toLocaleString('en-GB')}.`));
  const now = ctx.clock.now().toISOString();
  const result = await change(ctx, actor, ref, (e) => {
    if (e.status === 'resolved') return `${ref} was already resolved by ${personName(e.resolvedBy!)}; nothing changed.`;
    const by = stripSchool(actor);
    const ack = e.status === 'open' ? { acknowledgedAt: now, acknowledgedBy: by } : {};
    const reminded = isChildProtection(e.report) && !e.safeguardingRecordedAt ? { recordReminderAt: now } : {};
    const outcomeKind = readOutcomeKind(outcomeText);
    return {
      escalation: { ...e, ...ack, ...reminded, status: 'resolved', resolvedAt: now, resolvedBy: by, outcome: outcomeText, outcomeKind },
      audit: [audit(ctx, actor, 'resolved', `outcome: ${outcomeKind}`, outcomeText)],
    };
  }, 'resolved');
  return outcome(ctx, actor, via, result, (e) =>
    isChildProtection(e.report)
      ? `You resolved ${e.ref}. The reporter has been told it is resolved, but not the outcome (child protection: need to know).`
      : `You resolved ${e.ref}. The reporter has been told the outcome.`,
  );
}

function outcome(ctx: BotContext, actor: Actor, via: Via, result: { escalation: Escalation } | { refused: string }, said: (e: Escalation) => string): BotResponse {
  if ('refused' in result) return tell(via, textReply(result.refused, 'notice'));
  const system = safeguardingSystemName(ctx.directory.people(actor.school));
  return tell(via, textReply(said(result.escalation)), alertReply(result.escalation, { safeguardingSystem: system }));
}

/** Shows an escalation in full to a head/DSL (recorded as viewed), or a reporter's own to them. */
export async function show(ctx: BotContext, actor: Actor, ref: string, via: Via): Promise<BotResponse> {
  const e = await ctx.store.getEscalation(ref);
  if (e && e.school === actor.school && isReporter(e, actor) && !canManage(e, ctx.directory.people(actor.school), actor)) {
    const text = `Your report ${e.ref} (${formatDate(e.createdAt)}): ${reporterStatus(e)}.`;
    return via === 'action' ? respond({ direct: [textReply(text)] }) : tell(via, textReply(text));
  }
  const check = await checked(ctx, actor, ref, via);
  if (!check.ok) return check.response;
  await ctx.store.updateEscalation(ref, (cur) => ({ escalation: cur, audit: [audit(ctx, actor, 'viewed')], deliveries: [] }));
  const [fresh, trail, deliveries] = await Promise.all([ctx.store.getEscalation(ref), ctx.store.listAudit(ref), ctx.store.listDeliveries(ref)]);
  const schoolName = ctx.library.policy(actor.school)?.school.name;
  const reply = fullReply(fresh!, trail, deliveries, { safeguardingSystem: safeguardingSystemName(ctx.directory.people(actor.school)), schoolName });
  // Details go to the person's DM, never to a channel or an ephemeral that others might see over a shoulder.
  return via === 'message' ? respond({ replies: [reply] }) : respond({ direct: [reply] });
}

/**
 * The DSL confirms a child-protection concern is recorded in the school's safeguarding system; from
 * then on retention may reduce it. A school with no DSL set up: whoever may act on it confirms.
 */
export async function confirmRecorded(ctx: BotContext, actor: Actor, ref: string, via: Via): Promise<BotResponse> {
  const check = await checked(ctx, actor, ref, via);
  if (!check.ok) return check.response;
  const people = ctx.directory.people(actor.school);
  const system = safeguardingSystemName(people);
  if (!isChildProtection(check.escalation.report)) return tell(via, textReply(`${ref} is not a child-protection concern, so it needs no record in ${system}.`, 'notice'));
  if (people.dsls.length > 0 && !rolesOf(people, actor).includes('dsl')) {
    return tell(via, textReply(`Only the designated safeguarding lead confirms that ${ref} is recorded in ${system}.`, 'notice'));
  }
  const now = ctx.clock.now().toISOString();
  const result = await change(ctx, actor, ref, (e) => {
    if (e.safeguardingRecordedAt) return `${ref} was already confirmed as recorded in ${system} (${formatTime(e.safeguardingRecordedAt)}); nothing changed.`;
    return {
      escalation: { ...e, safeguardingRecordedAt: now, safeguardingRecordedBy: stripSchool(actor) },
      audit: [audit(ctx, actor, 'recorded-in-safeguarding-system', `recorded in ${system}`)],
    };
  });
  return outcome(ctx, actor, via, result, (e) =>
    e.status === 'resolved'
      ? `Thank you: ${e.ref} is confirmed as recorded in ${system}. Its copy here will be reduced after the school's retention period.`
      : `Thank you: ${e.ref} is confirmed as recorded in ${system}.`,
  );
}

/** The actor as a person: the school they act for is not part of who they are. */
export function stripSchool(actor: Actor) {
  const { school: _school, ...person } = actor;
  return person;
}
