// The core's Reply as an Adaptive Card (schema 1.5, as Teams renders it): one pure render function
// per block kind, plain data in and card JSON out. Forms are drawn by form-card.ts.

import type { Block, Button, Citation, Reply, Tone, Verdict } from '../../bot/reply.js';
import { ACTION_VERB, INPUT_PREFIX, executeAction, type CardElement } from './card-actions.js';
import { renderFormElements } from './form-card.js';
import { fitCard } from './card-size.js';

export type { CardElement } from './card-actions.js';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Escapes the Markdown subset Adaptive Card TextBlocks interpret, so text shows as typed. */
export function escapeCardText(text: string): string {
  return text
    .replace(/([\\*_[\]()`~>#|])/g, '\\$1')
    .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*\d+)\.(\s)/gm, '$1\\.$2');
}

/** What a notification, a lock screen or a card-less client may show: never a child's details. */
export function notificationText(reply: Reply): string {
  const text = (reply.preview ?? reply.text).trim() || 'New message from the policy assistant';
  return text.length > 250 ? `${text.slice(0, 249)}…` : text;
}

/** Renders a whole reply as one Adaptive Card, kept under Teams' message size limit. */
export function renderCard(reply: Reply): CardElement {
  const body: CardElement[] = [];
  const actions: CardElement[] = [];
  let separateNext = false;
  for (const block of reply.blocks) {
    if (block.kind === 'divider') {
      separateNext = true;
      continue;
    }
    const elements = renderBlock(block);
    if (separateNext && elements[0]) elements[0] = { ...elements[0], separator: true, spacing: 'Medium' };
    separateNext = false;
    body.push(...elements);
  }
  if (body.length === 0) body.push(textBlock(reply.text || ' ', {}));
  return fitCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: notificationText(reply),
    msteams: { width: 'Full' },
    body,
    ...(actions.length ? { actions } : {}),
  });
}

/** One block's card elements; a table of small renderers, one per kind. */
export function renderBlock(block: Block): CardElement[] {
  switch (block.kind) {
    case 'verdict':
      return [renderVerdict(block.verdict, block.headline)];
    case 'quote':
      return [renderQuote(block.text, block.citation)];
    case 'text':
      return [renderText(block.text, block.tone)];
    case 'heading':
      return [textBlock(block.text, { size: 'Medium', weight: 'Bolder' })];
    case 'fields':
      return [renderFields(block.fields)];
    case 'related':
      return renderRelated(block.title, block.items);
    case 'actions':
      return renderActions(block.actions);
    case 'form':
      return renderFormElements(block.form);
    case 'divider':
      return [];
  }
}

const verdictLooks: Record<Verdict, { emoji: string; style: string; color: string }> = {
  yes: { emoji: '✅', style: 'good', color: 'Good' },
  no: { emoji: '⛔', style: 'attention', color: 'Attention' },
  permission: { emoji: '🔑', style: 'warning', color: 'Warning' },
  caution: { emoji: '⚠️', style: 'warning', color: 'Warning' },
  must: { emoji: '📌', style: 'accent', color: 'Accent' },
  info: { emoji: 'ℹ️', style: 'accent', color: 'Accent' },
  unknown: { emoji: '❔', style: 'default', color: 'Default' },
};

/** The verdict as a coloured banner with its headline. */
export function renderVerdict(verdict: Verdict, headline: string): CardElement {
  const look = verdictLooks[verdict];
  return {
    type: 'Container',
    style: look.style,
    bleed: true,
    // The headline already says "No — …": the banner adds the emoji and colour, not a second label.
    items: [textBlock(`${look.emoji} ${headline}`, { weight: 'Bolder', color: look.color, size: 'Medium' })],
  };
}

/** A quoted clause, then its citation (school, section, heading). */
export function renderQuote(text: string, citation: Citation): CardElement {
  return {
    type: 'Container',
    style: 'emphasis',
    items: [textBlock(`“${text}”`, { fontType: 'Default' }), textBlock(citationText(citation), { isSubtle: true, size: 'Small' })],
  };
}

/** "Cadmus School social media policy, 3.1 Personal use of social media at work". */
export function citationText(citation: Citation): string {
  const where = citation.ref === citation.heading ? citation.heading : `${citation.ref} ${citation.heading}`;
  return `— ${citation.schoolName} social media policy, ${where}`;
}

const toneLooks: Record<Tone, Record<string, unknown>> = {
  normal: {},
  notice: { color: 'Warning', weight: 'Bolder' },
  urgent: { color: 'Attention', weight: 'Bolder' },
};

/** A paragraph; notices and urgent lines stand out. */
export function renderText(text: string, tone: Tone = 'normal'): CardElement {
  return textBlock(text, toneLooks[tone]);
}

/** Label/value pairs (who to ask, a report's details) as a FactSet. */
export function renderFields(fields: { label: string; value: string }[]): CardElement {
  return { type: 'FactSet', facts: fields.map((f) => ({ title: escapeCardText(f.label), value: escapeCardText(f.value) })) };
}

/** Related clauses: a title, then one line per clause with its reference. */
export function renderRelated(title: string, items: { citation: Citation; summary: string }[]): CardElement[] {
  return [
    textBlock(title, { weight: 'Bolder', spacing: 'Medium' }),
    ...items.map((item) => textBlock(`${item.citation.ref === item.citation.heading ? '' : `${item.citation.ref} `}${item.citation.heading}: ${item.summary}`, { size: 'Small', spacing: 'Small' })),
  ];
}

/**
 * Buttons as an ActionSet. "Add note" and "Resolve" without text open an inline input (ShowCard)
 * whose value travels with the Action; everything else is a plain Execute carrying the Action.
 */
export function renderActions(buttons: Button[]): CardElement[] {
  return [{ type: 'ActionSet', actions: buttons.map(renderButton) }];
}

function renderButton(button: Button): CardElement {
  const style = button.style === 'primary' ? 'positive' : button.style === 'danger' ? 'destructive' : undefined;
  const action = button.action;
  const inline =
    action.type === 'escalation.note' && !action.note
      ? { name: 'note', label: 'Note for the record', submit: 'Add note' }
      : action.type === 'escalation.resolve' && !action.outcome
        ? { name: 'outcome', label: 'Outcome (what was done, and why)', submit: 'Resolve' }
        : undefined;
  if (!inline) return executeAction(button.label, { verb: ACTION_VERB, action }, { style });
  return {
    type: 'Action.ShowCard',
    title: button.label,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Text',
          id: `${INPUT_PREFIX}${inline.name}`,
          label: inline.label,
          isMultiline: true,
          isRequired: true,
          errorMessage: 'Please write something first.',
          maxLength: 2000,
        },
      ],
      actions: [executeAction(inline.submit, { verb: ACTION_VERB, action }, { style, withInputs: true })],
    },
  };
}

/** A wrapping TextBlock with the text escaped. */
export function textBlock(text: string, props: Record<string, unknown>): CardElement {
  return { type: 'TextBlock', text: escapeCardText(text), wrap: true, ...props };
}
