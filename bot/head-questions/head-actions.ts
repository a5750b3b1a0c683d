// What heads (and the asker) do with a head question: reply (to the asker, optionally for everyone),
// withdraw (the asker, an unanswered question; a head, a shared answer), show one in full (audited)
// and list them. Each change is one atomic store update, so a second press changes nothing twice.

import type { BotContext } from '../bot-context.js';
import type { Actor, BotResponse } from '../events.js';
import { respond } from '../events.js';
import { stripSchool, tell, type Via } from '../escalations/escalation-actions.js';
import { personName } from '../escalations/escalation-replies.js';
import type { AuditDraft, DeliveryDraft } from '../escalations/model.js';
import { formatTime } from '../format-time.js';
import { rolesOf, samePerson } from '../people.js';
import { textReply } from '../reply.js';
import { isShared, type HeadQuestion, type HeadQuestionChange } from './model.js';
import { answerToAsker, headQuestionReply, questionFullReply, questionListReply, replyForm, replyMax } from './question-replies.js';

const notFound = (ref: string) => `I can't find a question ${ref}. Check the reference (it looks like Q-2026-0007).`;
const onlyHeads = "Sorry, only the school's head teacher can see and answer questions sent to the head.";

/** The question when it is this school's; another school's is "not found", as for escalations. */
async function load(ctx: BotContext, actor: Actor, ref: string): Promise<HeadQuestion | undefined> {
  const q = await ctx.store.getHeadQuestion(ref);
  return q && q.school === actor.school ? q : undefined;
}

const isHead = (ctx: BotContext, actor: Actor) => rolesOf(ctx.directory.people(actor.school), actor).includes('head');

function entry(ctx: BotContext, actor: Actor, action: AuditDraft['action'], detail?: string): AuditDraft {
  return { at: ctx.clock.now().toISOString(), actor: stripSchool(actor), action, ...(detail ? { detail } : {}) };
}

/** A refusal is recorded on the question, as on an escalation. */
async function refuse(ctx: BotContext, actor: Actor, q: HeadQuestion, via: Via, what: string): Promise<BotResponse> {
  await ctx.store.updateHeadQuestion(q.ref, (cur) => ({ question: cur, audit: [entry(ctx, actor, 'refused', what)], deliveries: [] }));
  return tell(via, textReply(onlyHeads, 'notice'));
}

/** Deliveries that bring each head's DM about `q` up to date. */
async function headUpdates(ctx: BotContext, q: HeadQuestion): Promise<DeliveryDraft[]> {
  const now = ctx.clock.now().toISOString();
  const reply = headQuestionReply(q, (id) => ctx.library.clause(id));
  return (await ctx.store.listDeliveries(q.ref)).filter((d) => d.purpose === 'question').map((d) => ({ to: d.to, purpose: 'question-update', reply, nextAttemptAt: now, updates: d.id }));
}

/** Applies a change built from the current record (a string from `build` is why nothing changed). */
async function change(ctx: BotContext, ref: string, build: (q: HeadQuestion) => Omit<HeadQuestionChange, 'deliveries'> & { extra?: DeliveryDraft[] } | string): Promise<HeadQuestion | string> {
  let refusal = '';
  const current = await ctx.store.getHeadQuestion(ref);
  const preview = current && build(structuredClone(current));
  const updates = preview && typeof preview !== 'string' ? await headUpdates(ctx, preview.question) : [];
  const result = await ctx.store.updateHeadQuestion(ref, (cur) => {
    const built = build(cur);
    if (typeof built === 'string') {
      refusal = built;
      return undefined;
    }
    return { question: built.question, audit: built.audit, deliveries: [...(built.extra ?? []), ...updates] };
  });
  if (!result) return notFound(ref);
  if (!result.changed) return refusal || `Nothing changed on ${ref}.`;
  ctx.worker.kick();
  return result.question;
}

/** Reply pressed: the form for a head (the console gets the command to type); the submit is checked again. */
export async function openReply(ctx: BotContext, actor: Actor, ref: string): Promise<BotResponse> {
  const q = await load(ctx, actor, ref);
  if (!q) return respond({ ephemeral: textReply(notFound(ref)) });
  if (!isHead(ctx, actor)) return refuse(ctx, actor, q, 'action', 'tried to reply without the role');
  if (q.status !== 'open') return respond({ ephemeral: textReply(closedText(q), 'notice') });
  return respond({ form: replyForm(q), replies: [textReply(`Type: reply ${q.ref} <your reply>   (or: reply-all ${q.ref} <your reply>, to show it to staff who ask the same later)`)] });
}

function closedText(q: HeadQuestion): string {
  if (q.status === 'withdrawn') return `${q.ref} was withdrawn by the person who asked; nothing was sent.`;
  return `${q.ref} was already answered by ${personName(q.answer!.by)} (${formatTime(q.answer!.at)}); nothing changed.`;
}

/** A head's reply: stored, then sent to the asker (threaded under their question) and shown on every head's DM. */
export async function replyToQuestion(ctx: BotContext, actor: Actor, ref: string, text: string, forEveryone: boolean, via: Via): Promise<BotResponse> {
  const q = await load(ctx, actor, ref);
  if (!q) return tell(via, textReply(notFound(ref)));
  if (!isHead(ctx, actor)) return refuse(ctx, actor, q, via, 'tried to reply without the role');
  const reply = text.trim();
  if (!reply) return tell(via, textReply(`Write the reply after the reference, for example: reply ${ref} Yes, from the class account only.`));
  if (reply.length > replyMax) return tell(via, textReply(`That reply is ${reply.length.toLocaleString('en-GB')} characters; please keep it under ${replyMax.toLocaleString('en-GB')}.`, 'notice'));
  const at = ctx.clock.now().toISOString();
  const result = await change(ctx, ref, (cur) => {
    if (cur.status !== 'open') return closedText(cur);
    const answered: HeadQuestion = { ...cur, status: 'answered', answer: { text: reply, by: stripSchool(actor), at, forEveryone } };
    const toAsker: DeliveryDraft = { to: cur.askedBy, purpose: 'answer', reply: answerToAsker(answered), nextAttemptAt: at, ...(cur.thread ? { thread: cur.thread } : {}) };
    return { question: answered, audit: [entry(ctx, actor, 'replied', forEveryone ? 'for everyone who asks the same' : 'to the person who asked')], extra: [toAsker] };
  });
  if (typeof result === 'string') return tell(via, textReply(result, 'notice'));
  const said = `Your reply to ${ref} is on its way to ${personName(result.askedBy)}.${forEveryone ? ' Staff who ask the same or a close question will see it too, labelled as not part of the written policy.' : ''}`;
  return tell(via, textReply(said), headQuestionReply(result, (id) => ctx.library.clause(id)));
}

/** The asker withdraws an unanswered question; a head withdraws a shared answer from everyone. */
export async function withdraw(ctx: BotContext, actor: Actor, ref: string, via: Via): Promise<BotResponse> {
  const q = await load(ctx, actor, ref);
  if (!q) return tell(via, textReply(notFound(ref)));
  const asker = samePerson(q.askedBy, actor);
  if (q.status === 'open' && !asker) return isHead(ctx, actor) ? tell(via, textReply(`${ref} has not been answered; only the person who asked can withdraw it.`, 'notice')) : refuse(ctx, actor, q, via, 'tried to withdraw a question they did not ask');
  if (q.status !== 'open' && !isHead(ctx, actor)) return asker ? tell(via, textReply(q.status === 'withdrawn' ? `You already withdrew ${ref}.` : `${ref} has been answered already; nothing changed.`, 'notice')) : refuse(ctx, actor, q, via, 'tried to withdraw an answer without the role');
  const at = ctx.clock.now().toISOString();
  const result = await change(ctx, ref, (cur) => {
    if (cur.status === 'open') return { question: { ...cur, status: 'withdrawn', withdrawnAt: at }, audit: [entry(ctx, actor, 'withdrawn')] };
    if (!isShared(cur)) return `${ref} has no answer shown to everyone; nothing changed.`;
    return { question: { ...cur, answer: { ...cur.answer!, withdrawnAt: at, withdrawnBy: stripSchool(actor) } }, audit: [entry(ctx, actor, 'answer-withdrawn', 'no longer shown to staff who ask the same')] };
  });
  if (typeof result === 'string') return tell(via, textReply(result, 'notice'));
  const said = result.status === 'withdrawn' ? `You withdrew ${ref}; the head teacher will not be asked to reply.` : `The answer to ${ref} is no longer shown to anyone else. ${personName(result.askedBy)} keeps their reply.`;
  return tell(via, textReply(said), asker && result.status === 'withdrawn' ? undefined : headQuestionReply(result, (id) => ctx.library.clause(id)));
}

/** One question in full for a head (recorded as viewed); the asker sees where their own stands. */
export async function showQuestion(ctx: BotContext, actor: Actor, ref: string, via: Via): Promise<BotResponse> {
  const q = await load(ctx, actor, ref);
  if (!q) return tell(via, textReply(notFound(ref)));
  if (!isHead(ctx, actor)) {
    if (!samePerson(q.askedBy, actor)) return refuse(ctx, actor, q, via, 'tried to see a question without the role');
    const where = q.status === 'answered' ? `answered: ${q.answer!.text}` : q.status === 'withdrawn' ? 'withdrawn' : 'waiting for the head teacher';
    return tell(via === 'action' ? 'form' : via, textReply(`Your question ${ref} ("${q.question}"): ${where}.`));
  }
  await ctx.store.updateHeadQuestion(ref, (cur) => ({ question: cur, audit: [entry(ctx, actor, 'viewed')], deliveries: [] }));
  const [fresh, trail, deliveries] = await Promise.all([ctx.store.getHeadQuestion(ref), ctx.store.listAudit(ref), ctx.store.listDeliveries(ref)]);
  const reply = questionFullReply(fresh!, trail, deliveries, (id) => ctx.library.clause(id));
  // Who asked is in it: to the head's DM, never a channel.
  return via === 'message' ? respond({ replies: [reply] }) : respond({ direct: [reply] });
}

/** `questions`: open ones and the latest others, for a head. */
export async function listQuestions(ctx: BotContext, actor: Actor): Promise<BotResponse> {
  if (!isHead(ctx, actor)) return respond({ replies: [textReply(onlyHeads, 'notice')] });
  const open = await ctx.store.listHeadQuestions({ school: actor.school, status: ['open'], limit: 50 });
  const recent = await ctx.store.listHeadQuestions({ school: actor.school, status: ['answered', 'withdrawn'], limit: 10 });
  return respond({ replies: [questionListReply(open, recent)] });
}
