// The core's Reply as Block Kit: one pure render function per Block kind, every user or policy
// string escaped, every text cut to Slack's limits, and the whole message kept within its blocks.

import type { types } from '@slack/bolt';
import type { Action, Block, Button, FormSpec, Reply, Tone, Verdict } from '../../bot/reply.js';
import { encodeAction } from './action-value.js';
import { escapeMrkdwn, safeMrkdwn, splitText, truncate, truncateMrkdwn } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonsPerActions: 25,
  fallbackText: 3000,
} as const;

/** Longest text (plain characters) put in one section before it is split into several. */
const CHUNK = 2400;
/** At most this many sections for one long text, then it is cut with "…". */
const MAX_CHUNKS = 4;
/** The action_id prefix of every button the assistant draws; the app routes on it. */
export const ACTION_PREFIX = 'act:';

/** The emoji before each verdict's headline. */
export const VERDICT_EMOJI: Record<Verdict, string> = {
  yes: ':white_check_mark:',
  no: ':no_entry:',
  permission: ':key:',
  caution: ':warning:',
  must: ':pushpin:',
  info: ':information_source:',
  unknown: ':grey_question:',
};

const TONE_PREFIX: Record<Tone, string> = { normal: '', notice: ':warning: ', urgent: ':rotating_light: ' };

/** The verdict line: emoji, then the headline in bold (it already says "No — …", so no label). */
export function renderVerdict(block: Extract<Block, { kind: 'verdict' }>): KnownBlock[] {
  const head = `${VERDICT_EMOJI[block.verdict]} `;
  return [section(`${head}*${safeMrkdwn(block.headline, LIMITS.sectionText - head.length - 2)}*`)];
}

/** A quoted clause (as blockquote sections) followed by its citation. */
export function renderQuote(block: Extract<Block, { kind: 'quote' }>): KnownBlock[] {
  const quoted = chunks(block.text).map((part) =>
    section(truncateMrkdwn(escapeMrkdwn(part).split('\n').map((line) => `>${line}`).join('\n'), LIMITS.sectionText)),
  );
  return [...quoted, context(citationText(block.citation))];
}

/** Plain text, split into several sections when long; notices and urgent text get an emoji. */
export function renderText(block: Extract<Block, { kind: 'text' }>): KnownBlock[] {
  const prefix = TONE_PREFIX[block.tone ?? 'normal'];
  return chunks(block.text).map((part, i) =>
    section(truncateMrkdwn((i === 0 ? prefix : '') + escapeMrkdwn(part), LIMITS.sectionText)),
  );
}

export function renderHeading(block: Extract<Block, { kind: 'heading' }>): KnownBlock[] {
  return [{ type: 'header', text: plain(block.text, LIMITS.headerText) }];
}

/** Label/value pairs as section fields, ten to a section. */
export function renderFields(block: Extract<Block, { kind: 'fields' }>): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < block.fields.length; i += LIMITS.fieldsPerSection) {
    const fields = block.fields.slice(i, i + LIMITS.fieldsPerSection).map(({ label, value }) => {
      const head = `*${safeMrkdwn(label, 200)}*\n`;
      return { type: 'mrkdwn' as const, text: head + safeMrkdwn(value || '—', LIMITS.fieldText - head.length) };
    });
    out.push({ type: 'section', fields });
  }
  return out;
}

/** Related clauses: a title and one line each with its citation and summary. */
export function renderRelated(block: Extract<Block, { kind: 'related' }>): KnownBlock[] {
  const lines = block.items.map(({ citation, summary }) => {
    const ref = citation.ref === citation.heading ? citation.heading : `${citation.ref} ${citation.heading}`;
    return `• *${safeMrkdwn(ref, 300)}* — ${safeMrkdwn(summary, 600)}`;
  });
  return [section(truncateMrkdwn(`*${safeMrkdwn(block.title, 300)}*\n${lines.join('\n')}`, LIMITS.sectionText))];
}

/** How a message is drawn where it goes. */
export interface RenderOptions {
  /**
   * 👍/👎 as Slack's native feedback buttons (a `context_actions` block), where the platform has
   * them: the assistant's DMs. Elsewhere (channels, ephemeral answers) they stay plain buttons.
   */
  nativeFeedback?: boolean;
}

/** Buttons, 25 to an actions block; each carries its Action as JSON in `value`. */
export function renderActions(block: Extract<Block, { kind: 'actions' }>, index = 0, options: RenderOptions = {}): KnownBlock[] {
  if (options.nativeFeedback) {
    const feedback = block.actions.filter((b) => b.action.type === 'feedback');
    const positive = feedback.find((b) => b.action.type === 'feedback' && b.action.helpful);
    const negative = feedback.find((b) => b.action.type === 'feedback' && !b.action.helpful);
    if (positive && negative) {
      const rest = block.actions.filter((b) => b !== positive && b !== negative);
      return [...(rest.length ? renderActions({ kind: 'actions', actions: rest }, index) : []), feedbackBlock(positive, negative, index)];
    }
  }
  const out: KnownBlock[] = [];
  for (let i = 0; i < block.actions.length; i += LIMITS.buttonsPerActions) {
    const elements = block.actions.slice(i, i + LIMITS.buttonsPerActions).map((b, j) => button(b, `${index}.${i + j}`));
    out.push({ type: 'actions', elements });
  }
  return out;
}

/** 👍/👎 as a context_actions block; each half carries its feedback Action, as a button would. */
function feedbackBlock(positive: Button, negative: Button, index: number): KnownBlock {
  const half = (b: Button) => ({ text: plain(b.label.split(' ')[0], LIMITS.buttonText), accessibility_label: truncate(b.label, LIMITS.buttonText), value: encodeAction(b.action) });
  return {
    type: 'context_actions',
    elements: [{ type: 'feedback_buttons', action_id: `${ACTION_PREFIX}fb.${index}`, positive_button: half(positive), negative_button: half(negative) }],
  };
}

/** A form inside a message (no modal can open without a click): its title and a button to open it. */
export function renderForm(block: Extract<Block, { kind: 'form' }>, index = 0): KnownBlock[] {
  const intro = section(`*${safeMrkdwn(block.form.title, 300)}*`);
  return [intro, ...renderActions({ kind: 'actions', actions: [{ label: 'Open the form', action: openFormAction(block.form), style: 'primary' }] }, index)];
}

export function renderDivider(): KnownBlock[] {
  return [{ type: 'divider' }];
}

/** The action that opens (again) the form a FormSpec describes. */
export function openFormAction(form: FormSpec): Action {
  const ref = form.context?.ref ?? '';
  if (form.id === 'escalation.note') return { type: 'escalation.note', ref };
  if (form.id === 'escalation.resolve') return { type: 'escalation.resolve', ref };
  if (form.id === 'head.reply') return { type: 'head.reply', ref };
  return { type: 'report.start', ...(form.values?.description ? { description: form.values.description } : {}) };
}

/** Renders one block of any kind. */
export function renderBlock(block: Block, index = 0, options: RenderOptions = {}): KnownBlock[] {
  switch (block.kind) {
    case 'verdict': return renderVerdict(block);
    case 'quote': return renderQuote(block);
    case 'text': return renderText(block);
    case 'heading': return renderHeading(block);
    case 'fields': return renderFields(block);
    case 'related': return renderRelated(block);
    case 'actions': return renderActions(block, index, options);
    case 'form': return renderForm(block, index);
    case 'divider': return renderDivider();
  }
}

/** Renders a list of blocks, kept within `max` blocks (buttons at the end are always kept). */
export function renderBlocks(blocks: Block[], max: number = LIMITS.messageBlocks, options: RenderOptions = {}): KnownBlock[] {
  return fitBlocks(blocks.flatMap((b, i) => renderBlock(b, i, options)), max);
}

/** The text Slack shows in notifications: the preview when the core gave one, never empty. */
export function notificationText(reply: Reply): string {
  const text = (reply.preview ?? reply.text ?? '').trim() || 'A message from the policy assistant.';
  return safeMrkdwn(text, LIMITS.fallbackText);
}

/** A whole message: notification/fallback text and blocks. */
export function renderMessage(reply: Reply, options: RenderOptions = {}): { text: string; blocks: KnownBlock[] } {
  const blocks = reply.blocks.length > 0 ? renderBlocks(reply.blocks, LIMITS.messageBlocks, options) : renderText({ kind: 'text', text: reply.text || ' ' });
  return { text: notificationText(reply), blocks };
}

/** Keeps at most `max` blocks: the trailing actions blocks stay, the middle is cut with a note. */
export function fitBlocks(blocks: KnownBlock[], max: number): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  let tail = 0;
  const isActions = (b: KnownBlock) => b.type === 'actions' || b.type === 'context_actions';
  while (tail < blocks.length && isActions(blocks[blocks.length - 1 - tail]) && tail < 5) tail++;
  const head = blocks.slice(0, max - 1 - tail);
  return [...head, context('_…shortened to fit in Slack; ask me for the rest._'), ...blocks.slice(blocks.length - tail)];
}

function button(b: Button, id: string): types.Button {
  return {
    type: 'button',
    action_id: `${ACTION_PREFIX}${id}`,
    text: plain(b.label, LIMITS.buttonText),
    value: encodeAction(b.action),
    ...(b.style ? { style: b.style } : {}),
  };
}

function citationText(c: { schoolName: string; ref: string; heading: string }): string {
  const where = c.ref && c.ref !== c.heading ? `${c.ref} ${c.heading}` : c.heading || c.ref;
  return truncateMrkdwn(`:page_facing_up: *${escapeMrkdwn(c.schoolName)}* · ${escapeMrkdwn(where)}`, LIMITS.contextText);
}

function chunks(text: string): string[] {
  const parts = splitText(text || ' ', CHUNK);
  if (parts.length <= MAX_CHUNKS) return parts;
  const kept = parts.slice(0, MAX_CHUNKS);
  kept[MAX_CHUNKS - 1] = kept[MAX_CHUNKS - 1].replace(/…?$/, '…');
  return kept;
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: text.trim() ? text : ' ' } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** A plain_text object cut to `max` (plain text is not parsed for mentions: no escaping). */
export function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text.trim() || ' ', max), emoji: true };
}
