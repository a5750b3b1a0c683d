// The status line of Slack's agent messaging ("is reading the policy…") while the assistant works on
// a DM, cleared once the reply is posted. Best effort: an app without the assistant:write scope, or
// a DM Slack does not treat as an agent thread, simply shows no status.

import type { webApi } from '@slack/bolt';
import type { Logger } from '../../bot/ports/logger.js';

/** Where a status shows: a DM and the message (or thread) being answered. */
export interface StatusTarget {
  channel: string;
  threadTs: string;
}

/** What the status says while the core works. */
export const STATUS_TEXT = { answer: 'is reading the policy…', report: 'is storing your report…' } as const;

/** A status being shown (or about to be); `clear` takes it away, once the reply is posted. */
export interface ShownStatus {
  clear(): Promise<void>;
}

/** Shows `text` after `delayMs` in a DM (nothing elsewhere). Never throws for the status itself. */
export function showStatus(client: webApi.WebClient, target: StatusTarget | undefined, text: string, delayMs: number, logger: Logger): ShownStatus {
  if (!target || !target.channel.startsWith('D')) return { clear: async () => {} };
  const set = (status: string) =>
    client.assistant.threads.setStatus({ channel_id: target.channel, thread_ts: target.threadTs, status }).then(
      () => true,
      (error: unknown) => {
        logger.info('slack: no status line', { error: (error as Error).message });
        return false;
      },
    );
  let shown: Promise<boolean> | undefined;
  const timer = setTimeout(() => (shown = set(text)), delayMs);
  return {
    async clear() {
      clearTimeout(timer);
      // NOTE: Slack clears the status when the app replies in the thread; clearing it ourselves covers the DM's top level.
      if (shown && (await shown)) await set('');
    },
  };
}

/** Runs `work` with a status showing (set after `delayMs`: a quick answer needs none), then clears it. */
export async function withStatus<T>(client: webApi.WebClient, target: StatusTarget | undefined, text: string, delayMs: number, logger: Logger, work: () => Promise<T>): Promise<T> {
  const status = showStatus(client, target, text, delayMs, logger);
  try {
    return await work();
  } finally {
    await status.clear();
  }
}
