// The Bot: the core's one entry point for every adapter.

import type { BotResponse, InboundEvent } from './events.js';

export interface Bot {
  /** Handles one inbound event. Never throws for user input: bad input is a reply. */
  handle(event: InboundEvent): Promise<BotResponse>;
  /** Sends due deliveries (with retries) and overdue reminders; the composition root calls it on a timer. */
  runDueWork(): Promise<void>;
}
