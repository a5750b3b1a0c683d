// Outgoing Teams activities built from the core's replies: a card with a notification summary, or
// plain text when the reply is only text. Pure: no SDK objects, so tests and the bench share it.

import type { Reply } from '../../bot/reply.js';
import { CARD_CONTENT_TYPE, notificationText, renderCard, type CardElement } from './adaptive-cards.js';

/** A message activity as the Bot Connector takes it. */
export interface OutgoingActivity {
  type: 'message';
  id?: string;
  text?: string;
  textFormat?: 'plain' | 'markdown';
  summary?: string;
  attachments?: { contentType: string; content: CardElement }[];
}

/**
 * A reply as a message activity. Text-only replies go as plain text; anything else as one card
 * whose `summary` (the notification and lock-screen text) is `reply.preview ?? reply.text`.
 * NOTE: Teams shows `text` above a card, so card messages carry no `text` (it would repeat the card).
 */
export function toActivity(reply: Reply): OutgoingActivity {
  if (isTextOnly(reply)) return { type: 'message', text: reply.text.slice(0, 20_000), textFormat: 'plain' };
  return { type: 'message', summary: notificationText(reply), attachments: [cardAttachment(renderCard(reply))] };
}

/** A card as an attachment. */
export function cardAttachment(card: CardElement): { contentType: string; content: CardElement } {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}

/**
 * Plain text only when the notification may show the text itself. NOTE: Teams notifies with a text
 * message's `text` and ignores `summary`, so a reply whose preview differs (it keeps details off the
 * lock screen) goes as a card, whose notification is the summary.
 */
function isTextOnly(reply: Reply): boolean {
  const plain = reply.blocks.every((b) => b.kind === 'text' && (b.tone ?? 'normal') === 'normal') && reply.blocks.length <= 1;
  return plain && (reply.preview === undefined || reply.preview === reply.text);
}
