// The Slack notifier: the core's Notifier port as Slack DMs (conversations.open, then
// chat.postMessage; chat.update to change a message in place). Failures are PlatformErrors.

import type { webApi } from '@slack/bolt';
import type { PersonRef } from '../../bot/people.js';
import type { Notifier, SendOptions } from '../../bot/ports/notifier.js';
import type { Reply } from '../../bot/reply.js';
import { PlatformError } from '../../bot/errors.js';
import { renderMessage } from './block-kit.js';
import { callSlack } from './errors.js';

export interface SlackNotifierOptions {
  /**
   * With Slack OAuth: the bot token of a person's workspace (their `tenant`), from its installation.
   * Rejects when the workspace has none (removed, or never installed): the DM then waits, retried.
   */
  tokenFor?: (tenant: string | undefined) => Promise<string>;
}

/** Sends DMs with the given client (one built by createNotifierClient); per workspace with `tokenFor`. */
export function createSlackNotifier(client: webApi.WebClient, options: SlackNotifierOptions = {}): Notifier {
  // NOTE: a user's DM channel with the app never changes, so one conversations.open per person.
  const channels = new Map<string, string>();
  const perWorkspace = Boolean(options.tokenFor);

  /** The token to call with for this person ({} in one-workspace mode: the client has it). */
  async function auth(to: PersonRef): Promise<{ token?: string }> {
    if (!options.tokenFor) return {};
    try {
      return { token: await options.tokenFor(to.tenant) };
    } catch (error) {
      throw new PlatformError('platform_error', `Slack: the assistant is not installed in workspace ${to.tenant ?? '(none)'} (${(error as Error).message}); the message waits until it is installed again`, { retryable: true, cause: error });
    }
  }

  const call = <T>(method: string, run: () => Promise<T>) => callSlack(method, run, { perWorkspace });

  async function dmChannel(to: PersonRef, token: { token?: string }): Promise<string> {
    const key = `${to.tenant ?? ''}:${to.userId}`;
    const known = channels.get(key);
    if (known) return known;
    const opened = await call('conversations.open', () => client.conversations.open({ users: to.userId, return_im: false, ...token }));
    const id = opened.channel?.id;
    if (!id) throw new PlatformError('platform_error', 'Slack conversations.open returned no channel', { retryable: true });
    channels.set(key, id);
    return id;
  }

  return {
    platform: 'slack',
    async sendDirect(to: PersonRef, reply: Reply, send: SendOptions = {}) {
      const token = await auth(to);
      const channel = await dmChannel(to, token);
      if (send.key && send.maybeSent) {
        const found = await findSent(client, channel, send.key, token, perWorkspace);
        if (found) return { messageId: encodeMessageId(channel, found) };
      }
      const metadata = send.key ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { key: send.key } } } : {};
      const thread = threadIn(channel, send.thread);
      const posted = await call('chat.postMessage', () =>
        client.chat.postMessage({ channel, ...renderMessage(reply), unfurl_links: false, unfurl_media: false, ...thread, ...metadata, ...token }),
      );
      if (!posted.ts) throw new PlatformError('platform_error', 'Slack chat.postMessage returned no ts', { retryable: true });
      return { messageId: encodeMessageId(posted.channel ?? channel, posted.ts) };
    },
    async updateDirect(to: PersonRef, messageId: string, reply: Reply) {
      const { channel, ts } = decodeMessageId(messageId);
      const token = await auth(to);
      await call('chat.update', () => client.chat.update({ channel, ts, ...renderMessage(reply), ...token }));
    },
  };
}

/** `thread_ts` for a message named by `thread`, when it is in this DM (a reply is never sent elsewhere). */
function threadIn(channel: string, thread: string | undefined): { thread_ts?: string } {
  if (!thread) return {};
  const i = thread.indexOf(':');
  return i > 0 && thread.slice(0, i) === channel ? { thread_ts: thread.slice(i + 1) } : {};
}

/** The metadata event type that carries a delivery's key on the message it became. */
export const DELIVERY_EVENT = 'policy_assistant_delivery';
/** How far back in a DM to look for a message that may have been sent already. */
const LOOK_BACK = 100;

/**
 * The ts of the message in `channel` that carries delivery `key` in its metadata, if any.
 * NOTE: reading a DM's history needs the im:history scope, which the manifest already asks for.
 */
async function findSent(client: webApi.WebClient, channel: string, key: string, token: { token?: string }, perWorkspace: boolean): Promise<string | undefined> {
  const history = await callSlack('conversations.history', () => client.conversations.history({ channel, limit: LOOK_BACK, include_all_metadata: true, ...token }), { perWorkspace });
  const match = (history.messages ?? []).find((m) => {
    const meta = (m as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
    return meta?.event_type === DELIVERY_EVENT && meta.event_payload?.key === key;
  });
  return match?.ts;
}

/** A Slack message as one id string: `<channel>:<ts>`. */
export function encodeMessageId(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

export function decodeMessageId(messageId: string): { channel: string; ts: string } {
  const i = messageId.indexOf(':');
  if (i <= 0) throw new PlatformError('platform_error', `not a Slack message id: ${messageId}`, { retryable: false });
  return { channel: messageId.slice(0, i), ts: messageId.slice(i + 1) };
}
