// What adapters hand the core (inbound events) and what the core hands back (a response).
// Plain data only: adapters translate platform payloads into these and render the response.

import type { PersonRef } from './people.js';
import type { SuggestedPrompts } from './prompts/suggested-prompts.js';
import type { Action, FormSpec, Reply } from './reply.js';

/** Where the event happened: a direct message with the assistant, or a shared channel. */
export type Where = 'dm' | 'channel';

/** The person acting, and the school they belong to (resolved by the adapter from team/tenant). */
export interface Actor extends PersonRef {
  school: string;
}

export type InboundEvent =
  /** Free text: a question, a command ("report", "my reports", "escalations"), or a flow answer. */
  | {
      type: 'message';
      actor: Actor;
      text: string;
      where: Where;
      /** The conversation (a DM, a thread, a chat), so a short follow-up is read with the question before it. */
      conversation?: string;
    }
  /**
   * A button press; `action` is what the button carried; `conversation` as for a message (a pressed
   * question is one); `messageId` the message carrying the button, in a DM, as the platform's
   * notifier names messages (a reply can be threaded under it).
   */
  | { type: 'action'; actor: Actor; action: Action; where: Where; conversation?: string; messageId?: string }
  /** A submitted form (modal / card); `context` is the form's own context handed back. */
  | { type: 'form'; actor: Actor; formId: FormSpec['id']; values: Record<string, string>; context?: Record<string, string> }
  /** The actor opened the assistant's home (Slack App Home): what they should see there. */
  | { type: 'home'; actor: Actor }
  /** The actor opened a conversation with the assistant (Slack's messages tab or an assistant thread, Teams on install). */
  | { type: 'open'; actor: Actor; where: Where }
  /** The actor installed the assistant in their workspace (`actor.tenant`), e.g. by Slack's "Add to Slack". */
  | { type: 'installed'; actor: Actor; workspaceName?: string };

/** The core's answer to one inbound event. Every list may be empty. */
export interface BotResponse {
  /** Replies in the conversation the event came from (in the thread, for channel mentions). */
  replies: Reply[];
  /** Replies for the actor alone, by direct message (a report raised in a channel moves here). */
  direct: Reply[];
  /** A form to open (Slack modal, Teams card); the console walks it as a conversation instead. */
  form?: FormSpec;
  /** For a submitted form that is not valid: field name → what is wrong; the form stays open. */
  formErrors?: Record<string, string>;
  /** For an action: what the message carrying the button should now show (updated in place). */
  update?: Reply;
  /** Shown to the actor only, in place (Slack ephemeral): refusals and quiet confirmations. */
  ephemeral?: Reply;
  /** Questions to suggest (Slack's suggested prompts), on opening a conversation. */
  prompts?: SuggestedPrompts;
}

/** An empty response, to fill in. */
export function respond(parts: Partial<BotResponse> = {}): BotResponse {
  return { replies: [], direct: [], ...parts };
}
