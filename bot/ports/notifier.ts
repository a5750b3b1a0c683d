// The notifier port: how the core reaches a person by direct message on their platform.

import type { PersonRef, Platform } from '../people.js';
import type { Reply } from '../reply.js';

/**
 * Sends and updates direct messages on one platform. Failures throw PlatformError with
 * `retryable` (and `retryAfterMs` when the platform said how long to wait).
 */
export interface Notifier {
  readonly platform: Platform;
  sendDirect(to: PersonRef, reply: Reply): Promise<{ messageId: string }>;
  updateDirect(to: PersonRef, messageId: string, reply: Reply): Promise<void>;
}
