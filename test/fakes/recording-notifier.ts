// A Notifier that records every DM sent or updated, and can be told to fail (for retry tests).

import { PlatformError } from '../../bot/errors.js';
import type { PersonRef, Platform } from '../../bot/people.js';
import type { Notifier } from '../../bot/ports/notifier.js';
import type { Reply } from '../../bot/reply.js';

export interface SentMessage {
  kind: 'send' | 'update';
  to: PersonRef;
  reply: Reply;
  messageId: string;
}

export interface RecordingNotifier extends Notifier {
  sent: SentMessage[];
  /** Fail the next `n` calls (Infinity: until told otherwise) with a retryable PlatformError. */
  failNext(n: number, retryAfterMs?: number): void;
  /** Messages sent to one user id. */
  to(userId: string): SentMessage[];
}

export function createRecordingNotifier(platform: Platform = 'console'): RecordingNotifier {
  const sent: SentMessage[] = [];
  let failures = 0;
  let retryAfter: number | undefined;
  let counter = 0;
  const maybeFail = () => {
    if (failures <= 0) return;
    failures--;
    throw new PlatformError('platform_error', 'platform unavailable (fake)', { status: 503, retryable: true, retryAfterMs: retryAfter });
  };
  return {
    platform,
    sent,
    failNext(n, retryAfterMs) {
      failures = n;
      retryAfter = retryAfterMs;
    },
    to: (userId) => sent.filter((m) => m.to.userId === userId),
    async sendDirect(to, reply) {
      maybeFail();
      const messageId = `m${++counter}`;
      sent.push({ kind: 'send', to, reply, messageId });
      return { messageId };
    },
    async updateDirect(to, messageId, reply) {
      maybeFail();
      sent.push({ kind: 'update', to, reply, messageId });
    },
  };
}
