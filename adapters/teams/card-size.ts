// Keeps a card under Teams' message size limit (about 28 KB for the whole activity): long texts are
// shortened step by step, and only as a last resort are trailing elements dropped.

import type { CardElement } from './card-actions.js';

/** Bytes left for the card once the activity's envelope is counted. */
export const CARD_BYTE_LIMIT = 26_000;

const SHORTENED_NOTE = 'This message was shortened to fit in Teams. Ask again, or open the policy, for the full text.';

/** The card itself when it fits; else a copy with texts cut to fewer characters until it does. */
export function fitCard(card: CardElement, limit = CARD_BYTE_LIMIT): CardElement {
  if (size(card) <= limit) return card;
  for (const cap of [4000, 2000, 1000, 500, 250, 120]) {
    const shortened = withNote(mapTexts(card, cap));
    if (size(shortened) <= limit) return shortened;
  }
  // Still too big: drop body elements from the end, keeping the first (the verdict or title).
  const smallest = withNote(mapTexts(card, 120));
  const body = [...((smallest.body as CardElement[]) ?? [])];
  while (body.length > 2 && size({ ...smallest, body }) > limit) body.splice(body.length - 2, 1);
  return { ...smallest, body };
}

/** The card's JSON size in bytes (UTF-8). */
export function size(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function withNote(card: CardElement): CardElement {
  const body = (card.body as CardElement[]) ?? [];
  return { ...card, body: [...body, { type: 'TextBlock', text: SHORTENED_NOTE, wrap: true, isSubtle: true, size: 'Small' }] };
}

/** A deep copy with every TextBlock text, fact value and prefilled input value cut to `cap`. */
function mapTexts(value: unknown, cap: number): CardElement {
  return walk(value, cap) as CardElement;
}

function walk(value: unknown, cap: number): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, cap));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(source)) {
    const shorten = typeof v === 'string' && ((key === 'text' && source.type === 'TextBlock') || (key === 'value' && source.title !== undefined) || (key === 'value' && source.type === 'Input.Text'));
    out[key] = shorten ? cut(v as string, cap) : walk(v, cap);
  }
  return out;
}

function cut(text: string, cap: number): string {
  if (text.length <= cap) return text;
  // Never end on a lone backslash, which would escape the ellipsis.
  return `${text.slice(0, cap - 1).replace(/\\+$/, '')}…`;
}
