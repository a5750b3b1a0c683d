// The Bot: one entry point for every adapter. Routes each inbound event through small handler
// tables (commands, actions, forms) to the report flow, the escalations or the policy answers.

import { randomUUID } from 'node:crypto';
import type { Answerer } from './answering.js';
import type { Bot } from './bot.js';
import type { BotContext } from './bot-context.js';
import { parseCommand, type Command } from './commands.js';
import { createDeliveryWorker } from './delivery/delivery-worker.js';
import { AssistantError } from './errors.js';
import { listEscalationsFor, myReports } from './escalation-lists.js';
import { acknowledge, addNote, confirmRecorded, resolve, show } from './escalations/escalation-actions.js';
import { exportInChat } from './export/export-escalation.js';
import { createDailyRetention } from './retention/retention-pass.js';
import { alertReply, deliveryTroubleReply } from './escalations/escalation-replies.js';
import { remindOverdue } from './escalations/overdue.js';
import type { Actor, BotResponse, InboundEvent } from './events.js';
import { respond } from './events.js';
import { feedbackRecord, withFeedbackContext } from './feedback.js';
import { helpReply, homeReply } from './help.js';
import { cleanInbound } from './inbound-text.js';
import type { Directory } from './people.js';
import { canManage, isManager, refusalText } from './escalations/access.js';
import { createLibraryAnswerer, type AnswerLibrary } from './policy-answerer.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { Notifier } from './ports/notifier.js';
import type { Store } from './ports/store.js';
import type { Action, Reply } from './reply.js';
import { textReply } from './reply.js';
import { escalationTextForm } from './report/report-form.js';
import { activeFlow, continueReport, movedToDm, resumeReport, startReport, submitReportForm } from './report/report-conversation.js';
import { allegationReply } from './report/allegation.js';
import { createAskedCounter } from './prompts/asked-topics.js';
import { openReply } from './prompts/greeting.js';
import { askInContext } from './follow-up/ask-in-context.js';
import { looksLikeIncident, readsAsAllegation } from './report/read-incident.js';
import { safeguardingSystemName } from './report/routing.js';
import type { Delivery } from './escalations/model.js';
import { decide, joinedOrUnserved, type JoinDeps } from './workspaces/workspace-join.js';
import { createDigestSender } from './digest/weekly-digest.js';
import { logAnswered } from './question-log.js';
import { replyToQuestion } from './head-questions/head-actions.js';
import { headActions, headCommands } from './head-questions/handlers.js';
import { headQuestionReply, replyMax } from './head-questions/question-replies.js';
import { headAnswersFor, withHeadAnswers } from './head-questions/remembered.js';

export interface BotDeps {
  library: AnswerLibrary;
  store: Store;
  notifiers: Notifier[];
  directory: Directory;
  clock: Clock;
  logger: Logger;
  idGenerator?: () => string;
  /** How questions are answered; defaults to the answers module over `library`. */
  answerer?: Answerer;
}

type MessageEvent = Extract<InboundEvent, { type: 'message' }>;
type ActionEvent = Extract<InboundEvent, { type: 'action' }>;
type FormEvent = Extract<InboundEvent, { type: 'form' }>;

/** Longest message read at all; the report's description has its own, smaller limit. */
export const maxMessageLength = 20_000;
/** Longest question answered; longer text is almost certainly a report or a paste. */
export const maxQuestionLength = 2_000;

export function createBot(deps: BotDeps): Bot {
  const ctx: BotContext = {
    library: deps.library,
    answerer: deps.answerer ?? createLibraryAnswerer(deps.library),
    store: deps.store,
    notifiers: deps.notifiers,
    directory: deps.directory,
    clock: deps.clock,
    logger: deps.logger,
    newId: deps.idGenerator ?? randomUUID,
    asked: createAskedCounter(deps.store),
    worker: createDeliveryWorker({ ...deps, render: (d) => renderDelivery(ctx, d), troubleReply: deliveryTroubleReply }),
  };
  const joins: JoinDeps = { ...ctx, schools: () => deps.library.schools().map((s) => ({ id: s.id, name: s.name })) };
  const hasPolicy = (school: string) => Boolean(school) && Boolean(ctx.library.policy(school));

  const commands: { [K in Command['name']]: (ev: MessageEvent, c: Extract<Command, { name: K }>) => Promise<BotResponse> } = {
    report: async (ev) => {
      const flow = await activeFlow(ctx, ev.actor);
      if (flow && ev.where === 'dm') return resumeReport(flow);
      return startReport(ctx, ev.actor, ev.where);
    },
    'my-reports': (ev) => myReports(ctx, ev.actor),
    list: (ev, c) => listEscalationsFor(ctx, ev.actor, c.which),
    show: (ev, c) => show(ctx, ev.actor, c.ref, 'message'),
    ack: (ev, c) => acknowledge(ctx, ev.actor, c.ref, 'message'),
    note: (ev, c) => addNote(ctx, ev.actor, c.ref, c.text, 'message'),
    resolve: (ev, c) => resolve(ctx, ev.actor, c.ref, c.text, 'message'),
    recorded: (ev, c) => confirmRecorded(ctx, ev.actor, c.ref, 'message'),
    export: (ev, c) => exportInChat(ctx, ev.actor, c.ref, 'message'),
    ...headCommands(ctx),
    help: async (ev) => respond({ replies: [helpReply(isManager(ctx.directory.people(ev.actor.school), ev.actor), deps.library.policy(ev.actor.school)?.school, ctx.clock.now())] }),
    flow: async () => respond({ replies: [textReply("There's no report in progress. Type 'report' to start one, or ask me a question.")] }),
    'bad-ref': async (_ev, c) => {
      const example = /^q/i.test(c.given) ? 'Q-2026-0007' : 'ESC-2026-0001';
      return respond({ replies: [textReply(`"${c.given}" is not a reference; they look like ${example}, for example: ${c.verb} ${example}.`)] });
    },
    'needs-ref': async (_ev, c) => respond({ replies: [textReply(`Which report? Add its reference, for example: ${c.verb} ESC-2026-0001.`)] }),
    unknown: async (_ev, c) => respond({ replies: [textReply(`I don't know the command "/${c.word}". Type 'help' to see what I can do, or just ask a question.`)] }),
  };

  const actions: { [K in Action['type']]: (ev: ActionEvent, a: Extract<Action, { type: K }>) => Promise<BotResponse> } = {
    // A pressed question is part of its conversation: a follow-up typed after it is read with it.
    ask: (ev, a) => onMessage({ type: 'message', actor: ev.actor, text: a.question, where: ev.where, ...(ev.conversation ? { conversation: ev.conversation } : {}) }),
    'ask.choose': async (ev, a) => {
      const reply = await ctx.answerer.forClause(a.clauseId, a.question);
      if (!reply) return respond({ replies: [textReply("I couldn't find that part of the policy any more; please ask again.")] });
      return respond({ replies: [withFeedbackContext(reply, { question: a.question })] });
    },
    ...headActions(ctx),
    'report.start': (ev, a) => startReport(ctx, ev.actor, ev.where, a.description),
    'report.cancel': async (ev) => {
      const flow = await activeFlow(ctx, ev.actor);
      return (flow && (await continueReport(ctx, ev.actor, flow, 'cancel'))) || respond({ ephemeral: textReply('Report cancelled; nothing was sent.') });
    },
    'escalation.show': (ev, a) => show(ctx, ev.actor, a.ref, 'action'),
    'escalation.ack': (ev, a) => acknowledge(ctx, ev.actor, a.ref, 'action'),
    'escalation.note': (ev, a) => (a.note ? addNote(ctx, ev.actor, a.ref, a.note, 'action') : textForm(ev.actor, 'escalation.note', a.ref)),
    'escalation.resolve': (ev, a) => (a.outcome ? resolve(ctx, ev.actor, a.ref, a.outcome, 'action') : textForm(ev.actor, 'escalation.resolve', a.ref)),
    'escalation.recorded': (ev, a) => confirmRecorded(ctx, ev.actor, a.ref, 'action'),
    // Pressed in a workspace that already has its school (an old message): nothing to choose.
    'workspace.choose': async (ev) =>
      respond({ ephemeral: textReply(`This workspace already gets answers from ${deps.library.policy(ev.actor.school)?.school.name ?? ev.actor.school}'s policy; nothing was changed.`, 'notice') }),
    'workspace.decide': (ev, a) => decide(joins, ev.actor, a),
  };
  const retention = createDailyRetention(ctx, () => deps.library.schools().map((s) => s.id));
  const digests = createDigestSender(ctx, () => deps.library.schools());

  const forms: Record<FormEvent['formId'], (ev: FormEvent) => Promise<BotResponse>> = {
    report: (ev) => submitReportForm(ctx, ev.actor, ev.values),
    'escalation.note': (ev) => formText(ev, 'note', (ref, text) => addNote(ctx, ev.actor, ref, text, 'form')),
    'escalation.resolve': (ev) => formText(ev, 'outcome', (ref, text) => resolve(ctx, ev.actor, ref, text, 'form')),
    'head.reply': (ev) => formText(ev, 'reply', (ref, text) => replyToQuestion(ctx, ev.actor, ref, text, ev.values.share === 'everyone', 'form'), replyMax),
  };

  /** A note/outcome form, opened only for someone who may act (the submit is checked again). */
  async function textForm(actor: Actor, id: 'escalation.note' | 'escalation.resolve', ref: string): Promise<BotResponse> {
    const e = await ctx.store.getEscalation(ref);
    // Another school's escalation is "not found", as everywhere else; someone without the role is refused.
    if (!e || e.school !== actor.school) return respond({ ephemeral: textReply(`I can't find a report ${ref}.`) });
    if (!canManage(e, ctx.directory.people(actor.school), actor)) return respond({ ephemeral: textReply(refusalText, 'notice') });
    const verb = id === 'escalation.note' ? 'note' : 'resolve';
    if (e.status === 'resolved') return respond({ ephemeral: textReply(`${ref} is already resolved; nothing changed.`, 'notice') });
    // The console cannot open forms: it shows this hint (Slack and Teams open `form`).
    return respond({ form: escalationTextForm(id, ref), replies: [textReply(`Type: ${verb} ${ref} <${verb === 'note' ? 'your note' : 'the outcome'}>`)] });
  }

  async function formText(ev: FormEvent, field: string, act: (ref: string, text: string) => Promise<BotResponse>, max = 3000): Promise<BotResponse> {
    const ref = ev.context?.ref;
    if (!ref) return respond({ formErrors: { [field]: 'This form has expired; press the button on the message again.' } });
    const text = (ev.values[field] ?? '').trim();
    if (!text) return respond({ formErrors: { [field]: field === 'note' ? 'Write the note.' : field === 'reply' ? 'Write your reply.' : 'Say what the outcome was.' } });
    if (text.length > max) return respond({ formErrors: { [field]: `That is ${text.length.toLocaleString('en-GB')} characters; please keep it under ${max.toLocaleString('en-GB')}.` } });
    return act(ref, text);
  }

  async function onMessage(ev: MessageEvent): Promise<BotResponse> {
    const text = ev.text ?? '';
    if (text.trim() === '') return respond({ replies: [textReply("Type a question about the social media policy, 'report' to report a post, or 'help'.")] });
    if (text.length > maxMessageLength) {
      return respond({ replies: [textReply(`That message is ${text.length.toLocaleString('en-GB')} characters, too long for me to read. Ask in a sentence or two, or type 'report' to report a post (descriptions up to 3,000 characters).`)] });
    }
    const command = parseCommand(text);
    const flow = ev.where === 'dm' ? await activeFlow(ctx, ev.actor) : undefined;
    if (flow && (command?.name === 'flow' || !command)) {
      const r = await continueReport(ctx, ev.actor, flow, text);
      if (r) return r;
    }
    if (command) return privately(ev, await (commands[command.name] as (e: MessageEvent, c: Command) => Promise<BotResponse>)(ev, command));
    if (text.length > maxQuestionLength) {
      return respond({ replies: [textReply(`That is ${text.length.toLocaleString('en-GB')} characters; please ask your question in under ${maxQuestionLength.toLocaleString('en-GB')}, or type 'report' to report a post.`)] });
    }
    if (readsAsAllegation(ctx.library, text)) {
      // An adult at the school harming a child is not a policy question: what to do today, and the
      // report; never discussed in a channel.
      const reply = allegationReply(ctx.library, ev.actor.school, text);
      return ev.where === 'channel' ? respond({ replies: [textReply(movedToDm)], direct: [reply] }) : respond({ replies: [reply] });
    }
    const { answered, question } = await askInContext(ctx, ev.actor, ev.conversation, text);
    logAnswered(ctx, ev.actor, question, answered);
    if (answered.intent === 'ask' && answered.feedback?.clauseIds[0]) ctx.asked.count(ev.actor.school, answered.feedback.clauseIds[0]);
    // The buttons carry what feedback records: nothing is kept in memory, so a restart loses nothing.
    let reply = withFeedbackContext(answered.reply, answered.feedback ?? { question });
    if (answered.intent === 'ask') reply = withHeadAnswers(reply, await headAnswersFor(ctx, ev.actor.school, question), answered.feedback?.verdict === 'unknown' && !answered.feedback.clauseIds.length);
    if (ev.where === 'channel' && (answered.intent === 'report' || looksLikeIncident(ctx.library, text))) {
      // Nothing about a child or a colleague is discussed in a channel.
      return respond({ replies: [textReply(movedToDm)], direct: [withReportButton(reply, text)] });
    }
    return respond({ replies: [reply] });
  }

  async function dispatch(ev: InboundEvent): Promise<BotResponse> {
    switch (ev.type) {
      case 'message':
        return onMessage(ev);
      case 'action':
        // Own keys only, as for forms: an action type such as "toString" is no handler.
        if (!Object.hasOwn(actions, ev.action?.type)) return respond({ ephemeral: textReply('That button is out of date, so nothing was changed. Please ask me again.') });
        return (actions[ev.action.type] as (e: ActionEvent, a: Action) => Promise<BotResponse>)(ev, ev.action);
      case 'form':
        // Own keys only: a form id such as "toString" must not reach Object.prototype.
        return Object.hasOwn(forms, ev.formId) ? forms[ev.formId](ev) : respond({ ephemeral: textReply('That form is not one I know; please start again.') });
      case 'home':
        return respond({ replies: [await homeReply(ctx, ev.actor)] });
      case 'open':
        return openReply(ctx, ev.actor, ev.where);
      case 'installed':
        return openReply(ctx, ev.actor, 'dm');
    }
  }

  return {
    async handle(ev) {
      try {
        if (ev.type === 'installed') await resumeDeliveries(ctx, ev.actor);
        // A workspace or tenant no school is configured for: never answer from another school's
        // policy. One a head confirmed (it installed itself) answers from the school it joined.
        if (hasPolicy(ev.actor.school)) return await dispatch(cleanInbound(ev));
        const joined = await joinedOrUnserved(joins, ev, hasPolicy);
        if ('response' in joined) return joined.response;
        return await dispatch(cleanInbound({ ...ev, actor: joined.actor } as InboundEvent));
      } catch (error) {
        ctx.logger.error('event failed', { type: ev.type, error: (error as Error).message, code: (error as AssistantError).code, stack: (error as Error).stack });
        const storeDown = error instanceof AssistantError && error.code.startsWith('store_');
        const sorry = storeDown
          ? "Sorry, I couldn't save that just now: please try again in a moment."
          : 'Sorry, something went wrong on my side and I could not finish that. Please try again in a moment.';
        return ev.type === 'message' ? respond({ replies: [textReply(sorry, 'notice')] }) : respond({ ephemeral: textReply(sorry, 'notice') });
      }
    },
    async runDueWork() {
      await ctx.asked.flush().catch((error: unknown) => ctx.logger.warn('could not store the most-asked topics', { error: (error as Error).message }));
      await remindOverdue(ctx).catch((error: unknown) => ctx.logger.error('overdue pass failed', { error: (error as Error).message }));
      await retention.runIfDue().catch((error: unknown) => ctx.logger.error('retention pass failed', { error: (error as Error).message }));
      await digests.run().catch((error: unknown) => ctx.logger.error('weekly digest pass failed', { error: (error as Error).message }));
      await ctx.worker.runOnce();
      await ctx.worker.idle();
    },
  };
}

/**
 * A workspace installed (again): the DMs waiting for its people (a head's escalation while its token
 * was revoked) go now, not after their backoff. A failure here never stops the installer's greeting.
 */
async function resumeDeliveries(ctx: BotContext, actor: Actor): Promise<void> {
  if (!actor.tenant) return;
  try {
    const waiting = await ctx.store.retryDeliveriesTo(actor.platform, actor.tenant, ctx.clock.now());
    if (waiting === 0) return;
    ctx.logger.info('workspace installed: its waiting direct messages go now', { platform: actor.platform, tenant: actor.tenant, count: waiting });
    ctx.worker.kick();
  } catch (error) {
    ctx.logger.warn('could not bring a workspace\'s waiting direct messages forward; they go at their next retry', { tenant: actor.tenant, error: (error as Error).message });
  }
}

/** The answer with a "Start a report" button, unless it already offers one. */
function withReportButton(reply: Reply, description: string): Reply {
  const offers = reply.blocks.some((b) => b.kind === 'actions' && b.actions.some((a) => a.action.type === 'report.start'));
  if (offers) return reply;
  return { ...reply, blocks: [...reply.blocks, { kind: 'actions', actions: [{ label: 'Start a report', action: { type: 'report.start', description }, style: 'primary' }] }] };
}

/** Command output that names reports or people goes to the person's DM, never the channel. */
function privately(ev: MessageEvent, r: BotResponse): BotResponse {
  if (ev.where !== 'channel' || r.replies.length === 0) return r;
  return { ...r, replies: [textReply(movedToDm)], direct: [...r.direct, ...r.replies] };
}

/** Alerts are drawn from the escalation as it stands when they are sent (state, ref and all); a head's question DM from the question. */
async function renderDelivery(ctx: BotContext, d: Delivery): Promise<Reply | undefined> {
  if (d.purpose === 'question' || d.purpose === 'question-update') {
    const q = await ctx.store.getHeadQuestion(d.ref);
    return q && headQuestionReply(q, (id) => ctx.library.clause(id));
  }
  if (d.purpose !== 'alert' && d.purpose !== 'reminder' && d.purpose !== 'alert-update') return undefined;
  const e = await ctx.store.getEscalation(d.ref);
  if (!e) return undefined;
  const system = safeguardingSystemName(ctx.directory.people(e.school));
  return alertReply(e, { reminder: d.purpose === 'reminder', safeguardingSystem: system });
}
