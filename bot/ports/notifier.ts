// The notifier port: how the core reaches a person by direct message on their platform.

import type { PersonRef, Platform } from '../people.js';
import type { Reply } from '../reply.js';

/** What a notifier may use to send each delivery at most once. */
export interface SendOptions {
  /** The delivery's own id, stored with the message where the platform allows (Slack metadata). */
  key?: string;
  /** An earlier attempt may have sent it without the send being recorded: look for it before sending again. */
  maybeSent?: boolean;
  /**
   * A message in the person's DM (as this notifier named it) to reply under: a thread where the
   * platform has threads in DMs (Slack); elsewhere the message is sent as usual.
   */
  thread?: string;
}

/**
 * Sends and updates direct messages on one platform. Failures throw PlatformError with
 * `retryable` (and `retryAfterMs` when the platform said how long to wait).
 */
export interface Notifier {
  readonly platform: Platform;
  sendDirect(to: PersonRef, reply: Reply, options?: SendOptions): Promise<{ messageId: string }>;
  updateDirect(to: PersonRef, messageId: string, reply: Reply): Promise<void>;
}
