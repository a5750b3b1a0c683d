// Everything people type passes through here once, as the core receives it, whatever the platform:
// control characters (NUL, ESC, …), bidirectional overrides and invisible characters are removed,
// broken UTF-16 is repaired, and text with nothing visible left becomes empty, so it is refused as
// an empty answer rather than escalated.

import type { InboundEvent } from './events.js';

// C0 controls but tab and newline, DEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates, marks, and the Arabic letter mark: they reorder what a
// reader sees (an "RTL override" makes "exe.txt" read as "txt.exe").
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Zero-width space and non-joiner, word joiner, invisible operators, BOM, interlinear annotation.
// NOTE: the zero-width joiner (U+200D) stays: it binds emoji sequences such as 👩‍💻.
const INVISIBLE = /[\u200B\u200C\u2060-\u2064\uFEFF\uFFF9-\uFFFB]/g;
/** Half of a UTF-16 pair without its other half (what a cut emoji leaves). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Something a reader can see: a letter, digit, punctuation mark or symbol. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** The text as a person can read it: controls, bidi and invisible characters removed; '' if nothing visible is left. */
export function cleanText(text: string): string {
  const cleaned = text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(INVISIBLE, '')
    .normalize('NFC');
  return VISIBLE.test(cleaned) ? cleaned : '';
}

/** Every string in a value, cleaned; objects and arrays rebuilt as plain data (own keys only). */
function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k) || k, cleanDeep(v)])) as T;
  }
  return value;
}

/** The event with everything its sender could have typed cleaned: text, form values, button fields, their name. */
export function cleanInbound(event: InboundEvent): InboundEvent {
  const actor = typeof event.actor.name === 'string' ? { ...event.actor, name: cleanText(event.actor.name) } : event.actor;
  switch (event.type) {
    case 'message':
      return { ...event, actor, text: typeof event.text === 'string' ? cleanText(event.text) : '' };
    case 'action':
      return { ...event, actor, action: cleanDeep(event.action) };
    case 'form':
      return { ...event, actor, values: cleanDeep(event.values ?? {}), ...(event.context ? { context: cleanDeep(event.context) } : {}) };
    default:
      // Events that carry nothing typed (home, open) keep only the cleaned name.
      return { ...event, actor };
  }
}
