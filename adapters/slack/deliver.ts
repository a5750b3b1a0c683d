// Carries out the core's BotResponse in Slack: replies where the event happened (in the thread for
// mentions), DMs to the actor, a modal when there is a trigger, in-place updates and ephemerals.

import type { webApi } from '@slack/bolt';
import type { BotResponse } from '../../bot/events.js';
import type { Logger } from '../../bot/ports/logger.js';
import type { Block, FormSpec, Reply } from '../../bot/reply.js';
import { renderBlocks, renderMessage, LIMITS, type RenderOptions } from './block-kit.js';
import { callSlack } from './errors.js';
import { renderModal } from './modal.js';

/** Where an inbound event happened, and the handles Slack gave to answer it. */
export interface Place {
  userId: string;
  /** The conversation the event came from (a DM, a channel). */
  channel?: string;
  /** Replies go in this thread (channel mentions). */
  threadTs?: string;
  /** Conversation replies go here: in the conversation, or privately via the response_url. */
  replyVia: 'channel' | 'respond' | 'dm';
  /** A trigger_id: lets a modal open (valid for 3 s). */
  triggerId?: string;
  /** The message whose button was pressed (updated in place). */
  message?: { channel: string; ts: string; ephemeral?: boolean };
  /** Slack's response_url for this interaction (ephemeral answers, ephemeral message updates). */
  respond?: (message: Record<string, unknown>) => Promise<unknown>;
}

/**
 * Sends everything a BotResponse asks for; failures are logged, never thrown at the listener.
 * A `form` opens as a modal when Slack gave a trigger_id; the response's replies and DMs are then
 * the core's typed fallback for the same form and are not sent. Without a trigger (a typed
 * "report"), the DMs go out with a button that opens the form.
 */
export async function deliver(client: webApi.WebClient, response: BotResponse, place: Place, logger: Logger): Promise<void> {
  const attempt = async (what: string, step: () => Promise<unknown>): Promise<boolean> => {
    try {
      await step();
      return true;
    } catch (error) {
      logger.error('slack: could not deliver part of a response', { what, user: place.userId, error: (error as Error).message });
      return false;
    }
  };
  let { replies, direct } = response;
  if (response.form) {
    const form = response.form;
    const opened = place.triggerId ? await attempt('form', () => openModal(client, form, place)) : false;
    if (opened) {
      replies = [];
      direct = [];
    } else {
      direct = withFormButton(direct, form);
    }
  }
  if (response.update) await attempt('update', () => updateMessage(client, response.update!, place));
  if (response.ephemeral) await attempt('ephemeral', () => sendEphemeral(client, response.ephemeral!, place));
  for (const reply of replies) await attempt('reply', () => sendReply(client, reply, place));
  for (const reply of direct) await attempt('direct', () => sendDirect(client, reply, place.userId));
}

async function openModal(client: webApi.WebClient, form: FormSpec, place: Place): Promise<void> {
  const view = renderModal(form, place.message && !place.message.ephemeral ? { channel: place.message.channel, ts: place.message.ts } : {});
  await callSlack('views.open', () => client.views.open({ trigger_id: place.triggerId!, view }));
}

/** The DMs with a button that opens the form (added to the first, or as a message of its own). */
function withFormButton(direct: Reply[], form: FormSpec): Reply[] {
  const button: Block = { kind: 'form', form };
  if (direct.length === 0) return [{ text: form.title, blocks: [...(form.intro ?? []), button] }];
  const [first, ...rest] = direct;
  return [{ ...first, blocks: [...first.blocks, { kind: 'divider' }, button] }, ...rest];
}

async function updateMessage(client: webApi.WebClient, reply: Reply, place: Place): Promise<void> {
  if (place.message?.ephemeral && place.respond) {
    await place.respond({ replace_original: true, ...renderMessage(reply) });
  } else if (place.message && !place.message.ephemeral) {
    const { channel, ts } = place.message;
    await callSlack('chat.update', () => client.chat.update({ channel, ts, ...renderMessage(reply, inDm(channel)) }));
  } else {
    await sendReply(client, reply, place);
  }
}

async function sendEphemeral(client: webApi.WebClient, reply: Reply, place: Place): Promise<void> {
  if (place.respond && (place.replyVia === 'respond' || !place.channel)) {
    await place.respond({ response_type: 'ephemeral', replace_original: false, ...renderMessage(reply) });
  } else if (place.channel) {
    const channel = place.channel;
    await callSlack('chat.postEphemeral', () =>
      client.chat.postEphemeral({ channel, user: place.userId, ...(place.threadTs ? { thread_ts: place.threadTs } : {}), ...renderMessage(reply) }));
  } else {
    await sendDirect(client, reply, place.userId);
  }
}

async function sendReply(client: webApi.WebClient, reply: Reply, place: Place): Promise<void> {
  if (place.replyVia === 'respond' && place.respond) {
    await place.respond({ response_type: 'ephemeral', ...renderMessage(reply) });
  } else if (place.replyVia === 'channel' && place.channel) {
    const channel = place.channel;
    await callSlack('chat.postMessage', () =>
      client.chat.postMessage({ channel, ...(place.threadTs ? { thread_ts: place.threadTs } : {}), ...renderMessage(reply, inDm(channel)), unfurl_links: false }));
  } else {
    await sendDirect(client, reply, place.userId);
  }
}

/** A DM to one user (conversations.open, then chat.postMessage). */
export async function sendDirect(client: webApi.WebClient, reply: Reply, userId: string): Promise<void> {
  const opened = await callSlack('conversations.open', () => client.conversations.open({ users: userId }));
  const channel = opened.channel?.id ?? userId;
  await callSlack('chat.postMessage', () => client.chat.postMessage({ channel, ...renderMessage(reply, { nativeFeedback: true }), unfurl_links: false }));
}

/** Slack's native feedback buttons in the assistant's DMs (D… conversations); plain buttons elsewhere. */
export function inDm(channel: string): RenderOptions {
  return { nativeFeedback: channel.startsWith('D') };
}

/** Publishes the App Home tab from the core's `home` replies (≤100 blocks). */
export async function publishHome(client: webApi.WebClient, response: BotResponse, userId: string): Promise<void> {
  const blocks = renderBlocks(response.replies.flatMap((r) => (r.blocks.length ? r.blocks : [{ kind: 'text' as const, text: r.text }])), LIMITS.viewBlocks);
  await callSlack('views.publish', () => client.views.publish({ user_id: userId, view: { type: 'home', blocks } }));
}
