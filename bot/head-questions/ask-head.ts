// "Ask the head": a member of staff sends a question the policy did not answer (or answered
// unhelpfully) to the school's head teachers. Stored first, with its audit line and one DM per head
// in the deliveries queue; never for an incident, which belongs in the report.

import type { BotContext } from '../bot-context.js';
import type { Actor, BotResponse, Where } from '../events.js';
import { respond } from '../events.js';
import { lastQuestion } from '../follow-up/conversation-context.js';
import type { Button, Reply, Verdict } from '../reply.js';
import { textReply } from '../reply.js';
import { looksLikeIncident, readsAsAllegation } from '../report/read-incident.js';
import { stripSchool } from '../escalations/escalation-actions.js';
import type { DeliveryDraft } from '../escalations/model.js';
import { headQuestionReply } from './question-replies.js';
import type { AskReason, GivenAnswer, HeadQuestionDraft } from './model.js';

/** Longest question carried by the button and sent (the matcher reads no more). */
export const askQuestionMax = 1000;

const verdicts: readonly Verdict[] = ['yes', 'no', 'permission', 'caution', 'must', 'info', 'unknown'];

export interface AskRequest {
  question: string;
  reason: AskReason;
  verdict?: string;
  clauseIds?: string[];
}

/** The "Ask the head" button for an answer (carrying what was answered, so nothing is kept in memory). */
export function askHeadButton(request: AskRequest): Button {
  const clauseIds = (request.clauseIds ?? []).slice(0, 3);
  return {
    label: 'Ask the head',
    action: { type: 'head.ask', question: request.question.trim().slice(0, askQuestionMax), reason: request.reason, ...(request.verdict ? { verdict: request.verdict } : {}), ...(clauseIds.length ? { clauseIds } : {}) },
  };
}

/** The reply with an "Ask the head" button before its feedback buttons. */
export function withAskHead(reply: Reply, request: AskRequest): Reply {
  const at = reply.blocks.findIndex((b) => b.kind === 'actions' && b.actions.some((a) => a.action.type === 'feedback'));
  const block = { kind: 'actions' as const, actions: [askHeadButton(request)] };
  const blocks = at < 0 ? [...reply.blocks, block] : [...reply.blocks.slice(0, at), block, ...reply.blocks.slice(at)];
  return { ...reply, blocks };
}

/** `ask head` typed after an answer: the last question of this conversation, answered again to know what was given. */
export async function askHeadTyped(ctx: BotContext, actor: Actor, where: Where, conversation: string | undefined): Promise<BotResponse> {
  const question = await lastQuestion(ctx.store, actor, conversation, ctx.clock.now());
  if (!question) return respond({ replies: [textReply("Which question? Ask it first; then type 'ask head' (or press Ask the head under the answer) to send it to the head teacher.")] });
  const answered = await ctx.answerer.ask(actor.school, question);
  const verdict = answered.feedback?.verdict ?? 'unknown';
  const clauseIds = answered.feedback?.clauseIds ?? [];
  const reason: AskReason = verdict !== 'unknown' ? 'not-helpful' : clauseIds.length ? 'closest' : 'not-covered';
  return askHead(ctx, actor, where, { question, reason, verdict, clauseIds }, undefined, 'message');
}

/** Sends the question to the school's heads; `thread` is the asker's message to reply under. */
export async function askHead(ctx: BotContext, actor: Actor, where: Where, request: AskRequest, thread: string | undefined, via: 'action' | 'message'): Promise<BotResponse> {
  const say = (reply: Reply) => (via === 'action' ? respond({ ephemeral: reply }) : respond({ replies: [reply] }));
  const question = request.question.trim().slice(0, askQuestionMax);
  if (!question) return say(textReply('There is no question to send. Ask it first, then press Ask the head.', 'notice'));
  if (readsAsAllegation(ctx.library, question) || looksLikeIncident(ctx.library, question) || (await ctx.answerer.ask(actor.school, question)).intent === 'report') return incident(question, via);
  const heads = ctx.directory.people(actor.school).heads;
  if (!heads.length) return say(textReply("No head teacher is set up with me for your school, so I can't send this. Please ask them in person.", 'notice'));
  const asker = { platform: actor.platform, userId: actor.userId };
  const same = (await ctx.store.listHeadQuestions({ school: actor.school, askedBy: asker, status: ['open'], limit: 200 })).find((q) => normal(q.question) === normal(question));
  if (same) return say(textReply(`You have already sent this to the head teacher as ${same.ref}; their reply will come here.`, 'notice'));
  const now = ctx.clock.now().toISOString();
  const draft: HeadQuestionDraft = {
    school: actor.school,
    createdAt: now,
    askedBy: stripSchool(actor),
    question,
    given: given(request),
    ...(thread && where === 'dm' ? { thread } : {}),
    status: 'open',
  };
  // The stored reply is a placeholder: each head's DM is drawn from the question when it is sent.
  const placeholder = headQuestionReply({ ...draft, ref: 'new question', version: 0 }, (id) => ctx.library.clause(id));
  const deliveries: DeliveryDraft[] = heads.map((to) => ({ to, purpose: 'question', reply: placeholder, nextAttemptAt: now }));
  const q = await ctx.store.createHeadQuestion(draft, [{ at: now, actor: stripSchool(actor), action: 'asked', detail: `${draft.given.reason}; to ${heads.map((h) => `head ${h.platform}:${h.userId}`).join(', ')}` }], deliveries);
  ctx.logger.info('question for the head stored', { ref: q.ref, school: q.school, heads: heads.length });
  ctx.worker.kick();
  const sent = textReply(`Sent to the head teacher as ${q.ref}. Their reply will come to you here. (Type 'withdraw ${q.ref}' if you no longer need it.)`);
  return via === 'action' ? respond({ direct: [sent] }) : respond({ replies: [sent] });
}

function given(r: AskRequest): GivenAnswer {
  const verdict = verdicts.find((v) => v === r.verdict) ?? 'unknown';
  const clauseIds = (r.clauseIds ?? []).filter((id) => typeof id === 'string').slice(0, 3).map((id) => id.slice(0, 120));
  return { verdict, clauseIds, reason: r.reason };
}

/** An incident is never a question for the head: it goes through the report, with its safeguards. */
function incident(question: string, via: 'action' | 'message'): BotResponse {
  const reply: Reply = {
    text: 'This sounds like something to report rather than a question, so I have not sent it. The report goes to the head teacher (and the DSL when a child may be at risk) with what they need.',
    blocks: [
      { kind: 'text', text: 'This sounds like something to report rather than a question, so I have not sent it. The report goes to the head teacher (and the DSL when a child may be at risk) with what they need.', tone: 'notice' },
      { kind: 'actions', actions: [{ label: 'Start a report', action: { type: 'report.start', description: question }, style: 'primary' }] },
    ],
  };
  return via === 'action' ? respond({ direct: [reply] }) : respond({ replies: [reply] });
}

function normal(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
