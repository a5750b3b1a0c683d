// The Slack listeners, one small handler per way staff meet the assistant: DMs, mentions, the App
// Home, /policy, /report, the message shortcut, buttons and modal submissions. Each acks first.

import type { App } from '@slack/bolt';
import type { Bot } from '../../bot/bot.js';
import type { BotResponse, InboundEvent } from '../../bot/events.js';
import type { Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import { textReply } from '../../bot/reply.js';
import { createWorkQueue, type WorkQueue } from './work-queue.js';
import { ACTION_PREFIX } from './block-kit.js';
import { decodeAction } from './action-value.js';
import { deliver, publishHome, type Place } from './deliver.js';
import { FILES_NOTICE, mentionText, messageText, reportFromCommand, reportFromShortcut, toActor, whereOf, type SchoolFor, type MessageShortcutPayload } from './inbound.js';
import { showStatus, STATUS_TEXT, withStatus, type StatusTarget } from './status.js';
import { callSlack } from './errors.js';
import { encodeMessageId } from './notifier.js';
import { FORM_CALLBACK_PREFIX, decodeMetadata, modalErrors, readModalValues, renderModal, type ViewStateValues } from './modal.js';

/** What the listeners need from the rest of the assistant. */
export interface ListenerDeps {
  bot: Bot;
  store: Pick<Store, 'claimEvent'>;
  schoolFor: SchoolFor;
  logger: Logger;
  /** Names of the message shortcut and slash commands (as in manifest.yml). */
  names: { policyCommand: string; reportCommand: string; reportShortcut: string };
  /** How long a modal submission may wait for the core before Slack must be answered. */
  submitDeadlineMs: number;
  /** Events handled at once after their ack (the rest wait their turn, acked already). */
  eventConcurrency: number;
  /** How long an answer may take before the DM shows a status line (ms). */
  statusDelayMs: number;
}

/** A DM as Slack sends it (message.im), at the top level or in a thread (an assistant thread). */
export interface DirectMessage {
  channel: string;
  user?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  files?: unknown[];
  team?: string;
}

/** What the agent listeners (agent.ts) share with these. */
export interface SharedListeners {
  /** Queues a DM's handling: once per event id, in order per person, with a status line. */
  directMessage(client: Client, body: { team_id?: string; event_id?: string }, m: DirectMessage): void;
  /** Greets on opening (`greet`) and sets the suggested prompts of the DM or thread. */
  open(client: Client, actor: { userId: string; teamId?: string }, target: { channel: string; threadTs?: string }, greet: boolean): Promise<void>;
  firstTime(body: { event_id?: string }): Promise<boolean>;
  work: WorkQueue;
}

export type Client = Parameters<Parameters<App['event']>[1]>[0]['client'];

const STALE_BUTTON = 'That button is out of date, so nothing was changed. Please ask me again.';
const SORRY = textReply('Sorry, something went wrong on my side. Please try again in a minute.', 'notice');

/** Registers every listener on the app; returns what the agent listeners share with them. */
export function registerListeners(app: App, deps: ListenerDeps): SharedListeners {
  const { bot, logger } = deps;
  const work = createWorkQueue(deps.eventConcurrency, (error) => logger.error('slack: event work failed', { error: (error as Error).message }));

  async function run(client: Client, event: InboundEvent, place: Place, status?: { target: StatusTarget; text: string; delayMs: number }): Promise<void> {
    await withStatus(client, status?.target, status?.text ?? '', status?.delayMs ?? 0, logger, async () => {
      let response: BotResponse;
      try {
        response = await bot.handle(event);
      } catch (error) {
        logger.error('slack: the core failed on an event', { type: event.type, error: (error as Error).message });
        response = { replies: [], direct: [], ephemeral: SORRY };
      }
      await deliver(client, response, place, logger);
    });
  }

  /** Slack retries an event it thinks was missed (same event_id): handle each one once. */
  async function firstTime(body: { event_id?: string }): Promise<boolean> {
    if (!body.event_id) return true;
    try {
      return await deps.store.claimEvent(`slack:${body.event_id}`);
    } catch (error) {
      logger.error('slack: could not record an event id; handling it anyway', { error: (error as Error).message });
      return true;
    }
  }

  // NOTE: Bolt has acked each Events API request before these run; the work waits its turn in `work`.
  function directMessage(client: Client, body: { team_id?: string; event_id?: string }, m: DirectMessage): void {
    const user = m.user;
    if (!user) return;
    work.push(`${body.team_id}:${user}`, async () => {
      if (!(await firstTime(body))) return;
      const actor = toActor(user, body.team_id ?? m.team, deps.schoolFor);
      // In a thread (an assistant thread), the answer goes in the thread.
      const place: Place = { userId: user, channel: m.channel, replyVia: 'channel', ...(m.thread_ts ? { threadTs: m.thread_ts } : {}) };
      if (m.files?.length) await deliver(client, { replies: [textReply(FILES_NOTICE, 'urgent')], direct: [] }, place, logger);
      const text = messageText(m.text);
      const threadTs = m.thread_ts ?? m.ts;
      const status = threadTs ? { target: { channel: m.channel, threadTs }, text: STATUS_TEXT.answer, delayMs: deps.statusDelayMs } : undefined;
      // A DM is one conversation; each thread in it (an assistant thread) is one of its own.
      const conversation = m.thread_ts ? `${m.channel}:${m.thread_ts}` : m.channel;
      if (text) await run(client, { type: 'message', actor, text, where: 'dm', conversation }, place, status);
    });
  }

  async function open(client: Client, who: { userId: string; teamId?: string }, target: { channel: string; threadTs?: string }, greet: boolean): Promise<void> {
    const response = await bot.handle({ type: 'open', actor: toActor(who.userId, who.teamId, deps.schoolFor), where: 'dm' });
    if (response.prompts) {
      const { title, prompts } = response.prompts;
      await callSlack('assistant.threads.setSuggestedPrompts', () =>
        client.assistant.threads.setSuggestedPrompts({ channel_id: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}), title, prompts }),
      ).catch((error: unknown) => logger.warn('slack: could not set the suggested prompts', { error: (error as Error).message }));
    }
    if (greet) await deliver(client, { ...response, prompts: undefined }, { userId: who.userId, channel: target.channel, replyVia: 'channel', ...(target.threadTs ? { threadTs: target.threadTs } : {}) }, logger);
  }

  app.event('message', async ({ event, body, client }) => {
    const m = event as DirectMessage & { channel_type?: string; subtype?: string; bot_id?: string };
    if (m.channel_type !== 'im' || m.bot_id || !m.user || (m.subtype && m.subtype !== 'file_share')) return;
    directMessage(client, body, m);
  });

  app.event('app_mention', async ({ event, body, client, context }) => {
    const user = event.user;
    if (!user) return;
    work.push(`${body.team_id}:${user}`, async () => {
      if (!(await firstTime(body))) return;
      const actor = toActor(user, body.team_id ?? event.team, deps.schoolFor);
      const place: Place = { userId: user, channel: event.channel, threadTs: event.thread_ts ?? event.ts, replyVia: 'channel' };
      const text = mentionText(event.text, context.botUserId) || 'help';
      await run(client, { type: 'message', actor, text, where: whereOf(event.channel), conversation: `${event.channel}:${place.threadTs}` }, place);
    });
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab === 'messages') {
      // The agent DM: the prompts each time it is opened, the greeting the first time only.
      work.push(`${body.team_id}:${event.user}`, async () => {
        if (!(await firstTime(body))) return;
        const greet = await deps.store.claimEvent(`slack:greeted:${body.team_id}:${event.user}`).catch(() => false);
        await open(client, { userId: event.user, teamId: body.team_id }, { channel: event.channel }, greet);
      });
      return;
    }
    if (event.tab !== 'home') return;
    work.push(`${body.team_id}:${event.user}`, async () => {
      if (await firstTime(body)) await refreshHome(client, event.user, body.team_id);
    });
  });

  async function refreshHome(client: Client, userId: string, teamId: string | undefined): Promise<void> {
    try {
      const response = await bot.handle({ type: 'home', actor: toActor(userId, teamId, deps.schoolFor) });
      await publishHome(client, response, userId);
    } catch (error) {
      logger.error('slack: could not publish the home tab', { user: userId, error: (error as Error).message });
    }
  }

  app.command(deps.names.policyCommand, async ({ command, ack, respond, client }) => {
    await ack();
    const actor = toActor(command.user_id, command.team_id, deps.schoolFor, command.user_name);
    const where = command.channel_name === 'directmessage' ? 'dm' : 'channel';
    const place: Place = { userId: command.user_id, channel: command.channel_id, replyVia: 'respond', respond };
    await run(client, { type: 'message', actor, text: messageText(command.text) || 'help', where, conversation: command.channel_id }, place);
  });

  app.command(deps.names.reportCommand, async ({ command, ack, respond, client }) => {
    await ack();
    const actor = toActor(command.user_id, command.team_id, deps.schoolFor, command.user_name);
    const place: Place = { userId: command.user_id, channel: command.channel_id, replyVia: 'respond', respond, triggerId: command.trigger_id };
    // NOTE: the report happens in a modal and DMs, never in the channel the command was typed in.
    await run(client, { type: 'action', actor, action: reportFromCommand(command.text), where: 'dm' }, place);
  });

  app.shortcut(deps.names.reportShortcut, async ({ shortcut, ack, client }) => {
    await ack();
    const s = shortcut as unknown as MessageShortcutPayload & { user: { id: string; team_id?: string }; team?: { id: string } | null; trigger_id: string };
    const actor = toActor(s.user.id, s.team?.id ?? s.user.team_id, deps.schoolFor);
    // Whatever the core says goes to the reporter alone: nothing about a report appears in the channel.
    const place: Place = { userId: s.user.id, replyVia: 'dm', triggerId: s.trigger_id };
    await run(client, { type: 'action', actor, action: reportFromShortcut(s), where: 'dm' }, place);
  });

  app.action({ action_id: new RegExp(`^${ACTION_PREFIX}`) }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const b = body as unknown as ActionBody;
    const decoded = decodeAction((action as { value?: string }).value);
    if (!decoded) {
      // A forged, stale or damaged button value: say so to the presser alone, change nothing.
      logger.warn('slack: a button carried no known action', { user: b.user?.id });
      await respond({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON }).catch((error: unknown) =>
        logger.warn('slack: could not answer a stale button', { error: (error as Error).message }),
      );
      return;
    }
    const actor = toActor(b.user.id, b.team?.id ?? b.user.team_id, deps.schoolFor, b.user.name);
    const channel = b.container?.channel_id ?? b.channel?.id;
    const fromHome = b.container?.type === 'view' && b.view?.type === 'home';
    const ts = b.container?.message_ts ?? b.message?.ts;
    const ephemeral = b.container?.is_ephemeral === true;
    const threadTs = b.container?.thread_ts ?? b.message?.thread_ts;
    // The same conversation id a message there carries, so a follow-up after a pressed question is read with it.
    const conversation = channel && !fromHome ? (threadTs ? `${channel}:${threadTs}` : channel) : undefined;
    const place: Place = {
      userId: b.user.id,
      channel,
      threadTs,
      // An ephemeral message (a /policy answer) is answered the same way: only its reader sees it.
      replyVia: ephemeral ? 'respond' : channel ? 'channel' : 'dm',
      triggerId: b.trigger_id,
      respond,
      ...(channel && ts ? { message: { channel, ts, ephemeral } } : {}),
    };
    // The message the button sits on, in a DM: a reply to it later (the head's answer) is threaded under it.
    const inDm = !fromHome && !ephemeral && channel && whereOf(channel) === 'dm' && ts;
    const messageId = inDm ? encodeMessageId(channel, threadTs ?? ts) : undefined;
    const event: InboundEvent = { type: 'action', actor, action: decoded, where: fromHome ? 'dm' : whereOf(channel), ...(conversation ? { conversation } : {}), ...(messageId ? { messageId } : {}) };
    await run(client, event, fromHome ? { ...place, replyVia: 'dm' } : place);
    if (fromHome) await refreshHome(client, b.user.id, actor.tenant);
  });

  app.view({ callback_id: new RegExp(`^${FORM_CALLBACK_PREFIX}`), type: 'view_submission' }, async ({ ack, body, view, client }) => {
    const meta = decodeMetadata(view.private_metadata);
    if (!meta) return void (await ack());
    const actor = toActor(body.user.id, body.team?.id ?? view.team_id, deps.schoolFor, body.user.name);
    const values = readModalValues(view.state.values as unknown as ViewStateValues);
    const event: InboundEvent = { type: 'form', actor, formId: meta.formId, values, ...(meta.context ? { context: meta.context } : {}) };
    const place: Place = { userId: body.user.id, replyVia: 'dm', ...(meta.channel && meta.ts ? { message: { channel: meta.channel, ts: meta.ts } } : {}) };
    // A report being stored shows a status line in the DM it was started from, cleared once answered.
    const target = meta.formId === 'report' && place.message ? { channel: place.message.channel, threadTs: place.message.ts } : undefined;
    const status = showStatus(client, target, STATUS_TEXT.report, 0, logger);
    // NOTE: Slack closes a modal whose submission is not answered within 3 s; validate within the deadline.
    const pending = bot.handle(event).catch((error: Error): BotResponse => {
      logger.error('slack: the core failed on a form', { form: meta.formId, error: error.message });
      return { replies: [], direct: [SORRY] };
    });
    const answerSubmission = async (): Promise<void> => {
      const early = await Promise.race([pending, sleep(deps.submitDeadlineMs).then(() => undefined)]);
      if (!early) {
        await ack();
        const late = await pending;
        return deliver(client, lateResponse(late), place, logger);
      }
      if (early.formErrors && Object.keys(early.formErrors).length > 0) {
        return void (await ack({ response_action: 'errors', errors: modalErrors(fieldsOf(view.blocks), early.formErrors) }));
      }
      if (early.form) {
        await ack({ response_action: 'update', view: renderModal(early.form, place.message ?? {}) });
        return deliver(client, { ...early, form: undefined }, place, logger);
      }
      await ack();
      await deliver(client, early, place, logger);
    };
    try {
      await answerSubmission();
    } finally {
      await status.clear();
    }
  });

  return { directMessage, open, firstTime, work };
}

/** Field names present in a submitted view (its input blocks' ids). */
function fieldsOf(blocks: unknown): { fields: { name: string }[] } {
  const list = Array.isArray(blocks) ? (blocks as { type?: string; block_id?: string }[]) : [];
  return { fields: list.filter((b) => b.type === 'input' && b.block_id?.startsWith('f:')).map((b) => ({ name: b.block_id!.slice(2) })) };
}

/** A submission answered after the modal closed: its errors can only go by DM. */
function lateResponse(response: BotResponse): BotResponse {
  if (!response.formErrors || Object.keys(response.formErrors).length === 0) return { ...response, form: undefined };
  const lines = Object.values(response.formErrors).map((e) => `• ${e}`).join('\n');
  return { replies: [textReply(`Your form was not sent:\n${lines}\nPlease open it again.`, 'notice')], direct: [] };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

interface ActionBody {
  user: { id: string; name?: string; team_id?: string };
  team?: { id: string } | null;
  trigger_id?: string;
  channel?: { id: string };
  message?: { ts: string; thread_ts?: string };
  view?: { type?: string };
  container?: { type?: string; channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean };
}
